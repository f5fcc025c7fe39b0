"""The panel of chapters 2-4: the book's simulation of Gan & Zhang's data, or a replicator's file
with their own units, years, groups and indicators.

:func:`indicator_system` reads an indicator specification (Gan & Zhang's Tables 1-2 by default);
:func:`load_panel` reads a panel with the columns the specification and the chapter's ``unit``,
``time`` and ``group`` parameters name, and labels and groups its units
(:func:`helpers.regional.attach_units`)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
import yaml

from helpers import _checks, data
from helpers.errors import DataError, InputError

DATASET = "gan_zhang_simulated_panel"
SYSTEM = "gan_zhang_indicators"
#: how an indicator's direction may be written in a specification
DIRECTIONS = {
    "+": "+",
    "positive": "+",
    "正": "+",
    "正向": "+",
    "-": "-",
    "−": "-",
    "negative": "-",
    "负": "-",
    "负向": "-",
}


def indicator_system(
    path: str | Path | None = None,
    sheet: str | int | None = None,
    subsystems: int = 1,
) -> pd.DataFrame:
    """The indicator system a run's indices are built from: one row per indicator with its
    ``system`` (subsystem), ``dimension``, ``indicator`` (the panel's column), its English label
    ``indicator_en`` and ``direction`` (``+`` or ``-``).

    ``path=None`` gives Gan & Zhang's Tables 1-2 (``data/gan_zhang_indicators.csv``, two systems,
    seven dimensions, 31 indicators). A replicator's specification is a CSV, .xlsx or YAML (a list
    of records) with the columns ``indicator``, ``subsystem`` (or ``system``) and ``direction``
    (``+``/``-``, ``positive``/``negative``, 正/负), and optionally ``dimension`` (a level between
    indicators and subsystem; by default each subsystem is one dimension) and ``label``. Any number
    of indicators (2 or more) and subsystems (at least ``subsystems``: the coupling model needs 2).
    A specification that does not fit raises one :class:`DataError` line.

    Parameters
    ----------
    path
        The specification file (``.csv`` or other text, ``.xlsx``, ``.yml``/``.yaml``), or
        ``None`` for Gan & Zhang's.
    sheet
        The workbook's sheet, by name or number (0 is the first); ``None`` takes the first.
        Ignored for text and YAML files.
    subsystems
        The fewest subsystems the chapter needs (1 by default; 2 for the coupling model).

    Returns
    -------
    pandas.DataFrame
        One row per indicator in the file's order, on a default index, with text columns
        ``system``, ``dimension`` (the subsystem where the file gives none), ``dimension_en``
        (the same), ``indicator``, ``indicator_en`` (``label``, or the indicator's name) and
        ``direction`` (``"+"`` or ``"-"``). For ``path=None`` the shipped table, whose
        ``dimension_en`` and ``indicator_en`` are English names and which has further columns
        (units, sources).

    Raises
    ------
    helpers.data.DataError
        If the file cannot be read, lacks ``indicator``, ``subsystem`` or ``direction``, has a
        blank in one of them, an unknown direction or a repeated indicator, has fewer than two
        indicators or fewer than ``subsystems`` subsystems (the message names the file and the
        lines).

    Examples
    --------
    >>> system = indicator_system()
    >>> system.groupby("system", sort=False).size().to_dict()
    {'AI': 9, 'EMP': 22}
    """
    if path is None:
        return data.load(SYSTEM)
    path = Path(path)
    if path.suffix.lower() in (".yml", ".yaml"):
        try:
            records = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise DataError(
                f"{path.name}: not readable YAML ({type(exc).__name__})"
            ) from exc
        if not isinstance(records, list) or not all(
            isinstance(r, dict) for r in records
        ):
            raise DataError(
                f"{path.name}: expected a YAML list of indicators, each with indicator, subsystem "
                "and direction"
            )
        raw = pd.DataFrame(records).astype("string").fillna("")
    else:
        raw = data.read_table(path, sheet)[0]
    raw.columns = [str(c).strip().lower() for c in raw.columns]
    if "subsystem" not in raw.columns and "system" in raw.columns:
        raw = raw.rename(columns={"system": "subsystem"})
    missing = [
        c
        for c in ("indicator", "subsystem", "direction")
        if c not in raw.columns
    ]
    if missing:
        raise DataError(
            f"{path.name}: missing column(s) {', '.join(missing)}; an indicator specification has "
            "the columns indicator, subsystem and direction, and optionally dimension and label"
        )
    spec = raw.apply(lambda c: c.astype(str).str.strip())
    for column in ("indicator", "subsystem", "direction"):
        blank = spec[column] == ""
        if blank.any():
            raise DataError(
                f"{path.name}: column {column!r} has missing values in {_checks.file_lines(blank)}"
            )
    direction = spec["direction"].str.lower().map(DIRECTIONS)
    if direction.isna().any():
        shown = ", ".join(sorted(set(spec.loc[direction.isna(), "direction"])))
        raise DataError(
            f"{path.name}: column 'direction' has value(s) {shown} in "
            f"{_checks.file_lines(direction.isna())}; expected + or - (positive or negative, 正 or "
            "负)"
        )
    repeated = spec["indicator"].duplicated(keep=False)
    if repeated.any():
        raise DataError(
            f"{path.name}: indicator(s) {', '.join(sorted(set(spec.loc[repeated, 'indicator'])))} "
            f"listed twice, in {_checks.file_lines(repeated)}"
        )
    if len(spec) < 2:
        raise DataError(
            f"{path.name}: {len(spec)} indicator; a composite index needs 2 or more"
        )
    found = spec["subsystem"].nunique()
    if found < subsystems:
        raise DataError(
            f"{path.name}: {found} subsystem ({spec['subsystem'].iloc[0]}); this chapter needs "
            f"{subsystems} or more (the coupling of one system with itself is not defined)"
        )
    dimension = (
        spec["dimension"].where(spec["dimension"] != "", spec["subsystem"])
        if "dimension" in spec.columns
        else spec["subsystem"]
    )
    label = (
        spec["label"].where(spec["label"] != "", spec["indicator"])
        if "label" in spec.columns
        else spec["indicator"]
    )
    return pd.DataFrame(
        {
            "system": spec["subsystem"],
            "dimension": dimension,
            "dimension_en": dimension,
            "indicator": spec["indicator"],
            "indicator_en": label,
            "direction": direction,
        }
    ).reset_index(drop=True)


def load_panel(
    path: str | Path | None = None,
    seed: int | None = None,
    unit: str = "province_zh",
    time: str = "year",
    group: str | None = None,
    system: pd.DataFrame | None = None,
    sheet: str | int | None = None,
    columns: list[str] | None = None,
) -> pd.DataFrame:
    """The panel indexed by (``unit``, ``time``), with a ``label`` and a ``group`` for each unit
    (:func:`helpers.regional.attach_units`: Chinese provinces get their English names and NBS
    regions, as columns ``name_en`` and ``region`` too).

    ``path=None`` loads the shipped simulation (provinces ``province_zh``, years ``year``), and
    ``seed`` simulates it anew with that seed (:func:`helpers.indices.simulate.gan_zhang_panel`). A
    replicator's file (CSV in UTF-8 or GBK, or .xlsx) needs the columns ``unit`` and ``time``
    and the indicators of ``system`` (:func:`indicator_system`; Gan & Zhang's by default), and
    ``group`` when given; indicators of Gan & Zhang's system are checked against the shipped
    panel's schema (types, ranges), any other as numbers without gaps. ``latent_*`` columns, a
    replicator's own dimension scores for chapter 4, are kept when present. ``columns`` (chapter
    4's own variables) replaces the indicators: those columns are read as numbers instead. The
    panel's units are in ``attrs["units"]`` (:class:`helpers.regional.Units`).

    Parameters
    ----------
    path
        A replicator's panel file, or ``None`` for the book's simulation.
    seed
        With ``path=None``: simulate the panel anew with this seed (a non-negative integer)
        instead of loading the shipped file, simulated with
        :data:`helpers.indices.simulate.SEED`.
    unit
        The column of unit names (provinces by their short Chinese names, or any units).
    time
        The column of years (whole numbers).
    group
        The column of the units' groups, or ``None`` (NBS regions for provinces, no groups
        otherwise).
    system
        The indicator specification whose ``indicator`` columns the file must have
        (:func:`indicator_system`); ``None`` takes Gan & Zhang's.
    sheet
        The workbook's sheet, by name or number; ``None`` takes the first.
    columns
        Columns to read as numbers instead of the indicators of ``system`` (chapter 4's own
        variables); ``None`` or empty reads the indicators. ``unit``, ``time``, ``group``,
        ``system``, ``sheet`` and ``columns`` apply to a replicator's file only; the shipped
        and simulated panels are read by their own names.

    Returns
    -------
    pandas.DataFrame
        Indexed by (``unit``, ``time``); the indicators (or ``columns``), any ``latent_*`` and the
        ``group`` column as numbers or text, with ``label`` and ``group`` (and for provinces the
        province table's columns) added by :func:`helpers.regional.attach_units`.
        ``attrs["units"]`` holds the :class:`~helpers.regional.Units`; ``attrs["file_format"]``
        how a file was read, when it was.

    Raises
    ------
    helpers.errors.InputError
        If both ``path`` and ``seed`` are given, ``unit``, ``time`` and ``group`` are not three
        different columns or one is an indicator.
    helpers.errors.InputTypeError
        If ``seed`` is not a whole number.
    helpers.data.DataError
        If the file cannot be read or does not fit: a missing column, a value of the wrong type
        or out of range, a gap, a repeated (unit, time) pair, or units mostly but not all
        provinces (the message names the file, the column and the lines).
    """
    from helpers.regional.units import attach_units

    if seed is not None and path is not None:
        raise InputError("give path or seed, not both")
    if path is None:
        if seed is None:
            frame = data.load(DATASET)
        else:
            from helpers.indices.simulate import gan_zhang_panel

            seed = _checks.integer("seed", seed, minimum=0)
            with tempfile.TemporaryDirectory() as folder:
                # through a CSV, so that a new simulation is typed as the shipped file is
                csv = Path(folder) / f"{DATASET}.csv"
                gan_zhang_panel(seed).to_csv(csv, index=False)
                frame = data.load(DATASET, path=csv)
        unit, time, group, fname = "province_zh", "year", None, DATASET
    else:
        if columns:
            system = pd.DataFrame({"indicator": list(columns)})
        else:
            system = indicator_system() if system is None else system
        frame = _read_panel(Path(path), unit, time, group, system, sheet)
        fname = Path(path).name
    form = frame.attrs.get("file_format")
    panel, units = attach_units(frame, unit, group, fname)
    panel = panel.set_index([unit, time])
    panel.attrs["units"] = units
    if form:
        panel.attrs["file_format"] = form
    return panel


def _read_panel(
    path: Path, unit: str, time: str, group: str | None, system, sheet
) -> pd.DataFrame:
    named = [unit, time] + ([group] if group else [])
    indicators = list(system["indicator"])
    clash = sorted(
        set(named) & set(indicators) | {c for c in named if named.count(c) > 1}
    )
    if clash:
        raise InputError(
            "unit, time and group must be different columns and not indicators; "
            f"{', '.join(clash)} is named twice"
        )
    schema = {c["name"]: c for c in data.manifest(DATASET)["columns"]}
    raw, form = data.read_table(path, sheet)
    latent = [c for c in raw.columns if str(c).startswith("latent_")]
    columns = [
        {"name": unit, "type": "string"},
        {"name": time, "type": "integer"},
        *([{"name": group, "type": "string"}] if group else []),
        *(schema.get(c, {"name": c, "type": "float"}) for c in indicators),
        *(schema.get(c, {"name": c, "type": "float"}) for c in latent),
    ]
    meta = {"columns": [dict(c) for c in columns], "primary_key": [unit, time]}
    for c in meta["columns"]:
        c.pop("values_from", None)  # any units, not only the 31 provinces
        c["required"] = True
    frame = data._apply_schema(
        raw, meta, path.name, strict_columns=False, form=form
    )
    frame = frame[[c["name"] for c in meta["columns"]]]
    frame.attrs["file_format"] = form.record()
    return frame


DIMENSIONS = ["AI", "LR", "EQ", "SS", "LQ"]


def dimension_scores(panel: pd.DataFrame) -> pd.DataFrame:
    """The five dimension scores (AI, LR, EQ, SS, LQ) of a panel from :func:`load_panel`, from its
    ``latent_*`` columns, as columns ``province_zh``, ``year`` and the five names: the data of
    chapter 4's panel VAR. A replicator's file must carry them (their own dimension indices under
    these names); otherwise a :class:`helpers.data.DataError` says so.

    Parameters
    ----------
    panel
        A panel indexed by (unit, time), with the columns ``latent_AI``, ``latent_LR``,
        ``latent_EQ``, ``latent_SS`` and ``latent_LQ``.

    Returns
    -------
    pandas.DataFrame
        On a default index, with the panel's two index levels as columns (``province_zh`` and
        ``year`` for the book's panel; the replicator's ``unit`` and ``time`` names otherwise)
        followed by ``AI``, ``LR``, ``EQ``, ``SS`` and ``LQ``, in the panel's row order.

    Raises
    ------
    helpers.data.DataError
        If a ``latent_*`` column is missing (the message names those missing).
    """
    latent = [f"latent_{v}" for v in DIMENSIONS]
    missing = [c for c in latent if c not in panel.columns]
    if missing:
        raise data.DataError(
            f"the panel VAR is estimated on the five dimension scores {', '.join(latent)}; the "
            f"file lacks {', '.join(missing)}. Add the five dimension scores (or indices) of your "
            "panel under these names."
        )
    scores = (
        panel[latent]
        .rename(columns=dict(zip(latent, DIMENSIONS)))
        .reset_index()
    )
    return scores[[*panel.index.names, *DIMENSIONS]]


def pvar_variables(
    panel: pd.DataFrame,
    system: pd.DataFrame,
    variables: list[str] | None = None,
) -> tuple[pd.DataFrame, str]:
    """The five variables of chapter 4's panel VAR, and what they are.

    The paper estimates its PVAR on the AI index and the four employment-quality dimension indices
    built by entropy weights (chapter 2). A panel that carries ``latent_*`` columns (the book's
    simulation, or a replicator's own dimension scores under those names) is used through them,
    because the simulation's true coefficients are about those scores; any other panel gets the
    paper's variables, computed here with pooled entropy weights.

    ``variables``, columns of a replicator's panel, are used as they are.

    Returns the panel's unit and time columns and the variables (AI, LR, EQ, SS, LQ by default),
    and a description.

    Parameters
    ----------
    panel
        A panel from :func:`load_panel`, indexed by (unit, time).
    system
        The indicator table the indices are built from when the panel has no ``latent_*``
        columns; its systems must be named ``AI`` and ``EMP`` and the ``EMP`` dimensions ``LR``,
        ``EQ``, ``SS`` and ``LQ``, as Gan & Zhang's (:func:`indicator_system`).
    variables
        Columns of ``panel`` to use as they are, or ``None`` (or empty) for the five above.

    Returns
    -------
    variables : pandas.DataFrame
        On a default index: the panel's unit and time columns, then the variables.
    description : str
        What the variables are, for the chapter's prose (e.g. "the columns a, b of your file").

    Raises
    ------
    helpers.errors.InputError
        If ``variables`` names a column the panel lacks, the indices cannot be built
        (:func:`~helpers.indices.system_indices`), or the system lacks one of the five.
    """
    if variables:
        _checks.columns(panel, variables, "panel")
        return (
            panel[list(variables)].reset_index(),
            "the columns " + ", ".join(variables) + " of your file",
        )
    latent = [f"latent_{v}" for v in DIMENSIONS]
    if all(c in panel.columns for c in latent):
        return (
            dimension_scores(panel),
            "the five dimension scores of the panel's latent_* columns",
        )
    from helpers.indices.entropy import system_indices

    results = system_indices(panel, system, panel="pooled")
    missing = [s for s in ("AI", "EMP") if s not in results] or [
        d for d in DIMENSIONS[1:] if d not in results["EMP"].dimensions
    ]
    if missing:
        raise InputError(
            f"the indicator system lacks {', '.join(missing)}: chapter 4's five variables are "
            "Gan & Zhang's AI index and the EMP dimensions LR, EQ, SS and LQ; for another "
            "system, name the panel's columns to model in variables"
        )
    emp = results["EMP"].dimensions
    scores = pd.DataFrame(
        {"AI": results["AI"].index, **{v: emp[v] for v in DIMENSIONS[1:]}}
    ).reset_index()
    return (
        scores[[*panel.index.names, *DIMENSIONS]],
        "the AI index and the four employment-quality dimension indices, built with pooled "
        "entropy weights as in the paper",
    )


def true_dynamics() -> pd.DataFrame:
    """The VAR(1) matrix A of the simulation's latent scores (rows equations, columns lagged
    variables), as its manifest records it: the truth an estimate on the shipped panel can be
    compared with.

    .. math::

        s_{it} - L_{it} = A (s_{i,t-1} - L_{i,t-1}) + \\varepsilon_{it}

    (:mod:`helpers.indices.simulate`), for the scores (AI, LR, EQ, SS, LQ).

    Returns
    -------
    pandas.DataFrame
        The 5 x 5 matrix :math:`A`: rows indexed by ``equation`` (the dependent score), columns
        the lagged scores, both in the manifest's order (AI, LR, EQ, SS, LQ).

    Examples
    --------
    >>> float(true_dynamics().loc["AI", "AI"])
    0.6
    """
    model = data.manifest(DATASET)["true_model"]
    A = pd.DataFrame.from_dict(model["A"], orient="index").loc[
        model["order"], model["order"]
    ]
    A.index.name = "equation"
    return A
