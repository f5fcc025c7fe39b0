"""The provincial panel of chapters 2-4: the book's simulation of Gan & Zhang's data, or a
replicator's file with the same columns."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd

from helpers import _checks, data
from helpers.errors import InputError

DATASET = "gan_zhang_simulated_panel"


def load_panel(
    path: str | Path | None = None, seed: int | None = None
) -> pd.DataFrame:
    """The panel indexed by (``province_zh``, ``year``), with each province's NBS ``region`` and
    English name ``name_en`` added as columns.

    ``path=None`` loads the shipped simulation, and ``seed`` simulates the panel anew with that
    seed (:func:`helpers.indices.simulate.gan_zhang_panel`); a replicator's CSV is checked against
    the same schema (:func:`helpers.data.load`), and its province names against the province table.
    """
    if seed is None:
        panel = data.load(DATASET, path=path)
    elif path is not None:
        raise InputError("give path or seed, not both")
    else:
        from helpers.indices.simulate import gan_zhang_panel

        seed = _checks.integer("seed", seed, minimum=0)
        with tempfile.TemporaryDirectory() as folder:
            # through a CSV, so that a new simulation is typed as the shipped file is
            csv = Path(folder) / f"{DATASET}.csv"
            gan_zhang_panel(seed).to_csv(csv, index=False)
            panel = data.load(DATASET, path=csv)
    provinces = data.load("provinces").set_index("name_zh")
    names = panel["province_zh"]
    panel = panel.assign(
        region=provinces.loc[names, "region"].to_numpy(),
        name_en=provinces.loc[names, "name_en"].to_numpy(),
    )
    return panel.set_index(["province_zh", "year"])


DIMENSIONS = ["AI", "LR", "EQ", "SS", "LQ"]


def dimension_scores(panel: pd.DataFrame) -> pd.DataFrame:
    """The five dimension scores (AI, LR, EQ, SS, LQ) of a panel from :func:`load_panel`, from its
    ``latent_*`` columns, as columns ``province_zh``, ``year`` and the five names: the data of
    chapter 4's panel VAR. A replicator's file must carry them (their own dimension indices under
    these names); otherwise a :class:`helpers.data.DataError` says so."""
    latent = [f"latent_{v}" for v in DIMENSIONS]
    missing = [c for c in latent if c not in panel.columns]
    if missing:
        raise data.DataError(
            f"the panel VAR is estimated on the five dimension scores {', '.join(latent)}; the "
            "file lacks "
            f"{', '.join(missing)}. Add the five dimension scores (or indices) of your panel under "
            "these names."
        )
    scores = (
        panel[latent]
        .rename(columns=dict(zip(latent, DIMENSIONS)))
        .reset_index()
    )
    return scores[["province_zh", "year", *DIMENSIONS]]


def pvar_variables(
    panel: pd.DataFrame, system: pd.DataFrame
) -> tuple[pd.DataFrame, str]:
    """The five variables of chapter 4's panel VAR, and what they are.

    The paper estimates its PVAR on the AI index and the four employment-quality dimension indices
    built by entropy weights (chapter 2). A panel that carries ``latent_*`` columns (the book's
    simulation, or a replicator's own dimension scores under those names) is used through them,
    because the simulation's true coefficients are about those scores; any other panel gets the
    paper's variables, computed here with pooled entropy weights.

    Returns columns ``province_zh``, ``year`` and AI, LR, EQ, SS, LQ, and a description.
    """
    latent = [f"latent_{v}" for v in DIMENSIONS]
    if all(c in panel.columns for c in latent):
        return (
            dimension_scores(panel),
            "the five dimension scores of the panel's latent_* columns",
        )
    from helpers.indices.entropy import system_indices

    results = system_indices(panel, system, panel="pooled")
    emp = results["EMP"].dimensions
    scores = pd.DataFrame(
        {"AI": results["AI"].index, **{v: emp[v] for v in DIMENSIONS[1:]}}
    ).reset_index()
    return (
        scores[["province_zh", "year", *DIMENSIONS]],
        "the AI index and the four employment-quality dimension indices, built with pooled "
        "entropy weights as in the paper",
    )


def true_dynamics() -> pd.DataFrame:
    """The VAR(1) matrix A of the simulation's latent scores (rows equations, columns lagged
    variables), as its manifest records it: the truth an estimate on the shipped panel can be
    compared with."""
    model = data.manifest(DATASET)["true_model"]
    A = pd.DataFrame.from_dict(model["A"], orient="index").loc[
        model["order"], model["order"]
    ]
    A.index.name = "equation"
    return A
