"""How much entropy weights, and the indices built on them, depend on which units are in the sample
(chapters 2 and 3).

Entropy weights are estimated from the data: every unit's values enter every indicator's entropy
and, with min-max standardisation, its minimum and maximum. Leaving one unit out at a time (the
jackknife) and rebuilding the indices shows how much of a weight, a ranking or a coupling level is
a property of the sample rather than of the unit. The indices of the units that stay in are
recomputed from the reduced sample, as a study without that unit would have computed them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from helpers.errors import InputError
from helpers.indices.entropy import system_indices


@dataclass
class Jackknife:
    """Leave-one-unit-out replications of :func:`helpers.indices.system_indices`.

    ``weights`` has one row per indicator (system, dimension, indicator) and one column per unit
    left out, plus ``full`` (all units); ``indices`` is long, indexed by (left_out, unit, time),
    one column per system; ``full`` holds the systems' indices on all units.

    The weights are the overall ones, :math:`w_j W_{k(j)}`: an indicator's entropy weight within
    its dimension times its dimension's weight in the system. With per-year weights the rows are
    (system, dimension, indicator, year).

    Attributes
    ----------
    weights : pandas.DataFrame
        Indexed by (system, dimension, indicator), columns ``full`` then one per unit left out.
    indices : pandas.DataFrame
        The indices of each replication, indexed by (left_out, unit, time), one column per system.
    full : pandas.DataFrame
        The indices on all units, indexed by (unit, time), one column per system.
    """

    weights: pd.DataFrame
    indices: pd.DataFrame
    full: pd.DataFrame

    def weight_ranges(self) -> pd.DataFrame:
        """Each indicator's weight on all units, and its smallest and largest value over the
        replications (the overall weight: within-dimension weight times the dimension's
        weight).

        Returns
        -------
        pandas.DataFrame
            Indexed as :attr:`weights` (system, dimension, indicator), with columns ``full``,
            ``min`` and ``max``.
        """
        draws = self.weights.drop(columns="full")
        return pd.DataFrame(
            {
                "full": self.weights["full"],
                "min": draws.min(axis=1),
                "max": draws.max(axis=1),
            }
        )

    def rank_changes(self, system: str, time) -> pd.DataFrame:
        """Each unit's rank by ``system``'s index in year ``time`` (1 = highest) on all units, and
        how far it moves when the weights are re-estimated without another unit: in each
        replication the unit's rank is compared with its rank among the same units under the
        full sample's indices, so the mechanical shift of dropping a unit ranked above it does not
        count. Columns ``full``, ``up`` (most places gained) and ``down`` (most places lost).

        Parameters
        ----------
        system
            A system, one of the columns of :attr:`full` (``"AI"``, ``"EMP"`` for Gan & Zhang's).
        time
            A value of the second (time) level of the index, e.g. ``2022``.

        Returns
        -------
        pandas.DataFrame
            Indexed by unit, from the highest index in ``time`` down, with integer columns
            ``full`` (rank on all units; ties get their average rank, truncated), ``up`` and
            ``down`` (0 when the unit never moves that way).

        Raises
        ------
        helpers.errors.InputError
            If ``system`` is not one of the systems.
        KeyError
            If ``time`` is not in the index of :attr:`full`.
        """
        if system not in self.full.columns:
            raise InputError(
                f"system must be one of {list(self.full.columns)}; got {system!r}"
            )
        year = self.full.xs(time, level=1)[system]
        moves = []
        for left_out, draw in self.indices.groupby(level=0):
            again = draw.droplevel(0).xs(time, level=1)[system]
            # (the unit left out may have no value in that year: unbalanced panels)
            same_units = year.drop(left_out, errors="ignore").rank(
                ascending=False
            )
            moves.append(same_units - again.rank(ascending=False))
        moves = pd.concat(moves, axis=1)
        full = year.rank(ascending=False).astype(int)
        return pd.DataFrame(
            {
                "full": full,
                "up": moves.max(axis=1).clip(lower=0).astype(int),
                "down": (-moves.min(axis=1)).clip(lower=0).astype(int),
            }
        ).loc[full.sort_values().index]


def _overall_weights(results) -> pd.Series:
    """Each indicator's weight in its system: its weight within the dimension times the
    dimension's weight (per year as well when the weights are per year)."""
    rows = {}
    for name, result in results.items():
        inner = result.indicator_weights["weight"]
        outer = result.dimension_weights["weight"]
        for key, weight in inner.items():
            if len(key) == 2:  # (dimension, indicator)
                dimension, indicator = key
                rows[(name, dimension, indicator)] = weight * outer[dimension]
            else:  # (dimension, year, indicator) with per-year weights
                dimension, year, indicator = key
                rows[(name, dimension, indicator, year)] = (
                    weight * outer[(year, dimension)]
                )
    series = pd.Series(rows)
    names = ["system", "dimension", "indicator", "year"]
    series.index.names = names[: series.index.nlevels]
    return series


def jackknife(
    data: pd.DataFrame, system: pd.DataFrame, **options
) -> Jackknife:
    """Rebuild every system's index leaving out one unit at a time (units are the first level of
    ``data``'s (unit, time) index; ``options`` go to :func:`helpers.indices.system_indices`, e.g.
    ``panel="pooled"``).

    Parameters
    ----------
    data
        The indicators indexed by (unit, time), with a column for every indicator of ``system``;
        at least three units.
    system
        The indicator table (:func:`helpers.indices.indicator_system`).
    **options
        ``standardize``, ``zero``, ``shift`` and ``panel`` of
        :func:`helpers.indices.hierarchical_index`, the same in every replication.

    Returns
    -------
    Jackknife
        The overall weights and the indices of every replication and of the full sample.

    Raises
    ------
    helpers.errors.InputError
        If ``data`` is not indexed by (unit, time), has fewer than three units, or
        :func:`~helpers.indices.system_indices` refuses the data or the options.
    """
    if not isinstance(data.index, pd.MultiIndex) or data.index.nlevels != 2:
        raise InputError("data must be indexed by (unit, time)")
    units = pd.unique(data.index.get_level_values(0))
    if len(units) < 3:
        raise InputError(
            f"the jackknife needs at least 3 units; data has {len(units)}"
        )
    full_results = system_indices(data, system, **options)
    weights = {"full": _overall_weights(full_results)}
    draws = {}
    for unit in units:
        kept = data.drop(index=unit, level=0)
        results = system_indices(kept, system, **options)
        weights[unit] = _overall_weights(results)
        draws[unit] = pd.DataFrame(
            {name: result.index for name, result in results.items()}
        )
    indices = pd.concat(draws, names=["left_out"])
    full = pd.DataFrame(
        {name: result.index for name, result in full_results.items()}
    )
    return Jackknife(pd.DataFrame(weights), indices, full)
