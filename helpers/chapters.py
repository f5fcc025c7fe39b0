"""The chapters' parameters and inputs, declared once.

Each chapter's parameters cell sets these names to these defaults (a test checks it), and its next
code cell calls :func:`validate`, so a value out of range stops the chapter with one line. The
replicator's guide (``book/replicators.md``) prints the same declarations.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from helpers import parameters as p
from helpers.errors import InputError, ParameterError
from helpers.timeseries.johansen import JOHANSEN_ALIASES, JOHANSEN_CASES


@dataclass(frozen=True)
class Parameter:
    spec: p.Spec
    default: object
    help: str


@dataclass(frozen=True)
class Input:
    """A file a replicator can pass: the parameter, the dataset whose schema it must follow (or
    ``None`` for chapter 5's free-form time series), and a template under ``book/templates``."""

    parameter: str
    dataset: str | None
    description: str
    template: str


@dataclass(frozen=True)
class Chapter:
    stem: str
    title: str
    parameters: dict[str, Parameter]
    inputs: tuple[Input, ...] = ()
    computes: str = ""
    specs: dict = field(init=False, repr=False)

    def __post_init__(self):
        object.__setattr__(
            self,
            "specs",
            {name: q.spec for name, q in self.parameters.items()},
        )


FAST = Parameter(p.Flag(), False, "True: a quicker run, for tests")
OUTPUT = Parameter(
    p.OutputFolder(),
    None,
    "folder for this run's outputs (default: results/<chapter> here)",
)
SEED = p.Seed()
PANEL_PATH = Parameter(
    p.InputFile(),
    None,
    "your panel CSV, shaped like data/gan_zhang_simulated_panel.csv",
)
PANEL_SEED = Parameter(
    p.Optional(p.Seed(), "the shipped simulated panel, seed 20250817"),
    None,
    "seed of a newly simulated panel, e.g. one per student (None: the shipped one)",
)
UNIT = Parameter(
    p.Column(),
    "province_zh",
    "column of your file naming the units (provinces, cities, counties, states, ...)",
)
TIME = Parameter(p.Column(), "year", "column of your file with the years")
GROUP = Parameter(
    p.Optional(
        p.Column(), "NBS regions for Chinese provinces, no groups otherwise"
    ),
    None,
    "column of your file grouping the units (None: NBS regions for provinces)",
)
SHEET = Parameter(
    p.Optional(p.Sheet(), "the first sheet"),
    None,
    "sheet of data_path when it is an .xlsx workbook (None: the first)",
)
INDICATORS = Parameter(
    p.InputFile(),
    None,
    "your indicator specification: indicator, subsystem, direction, optional dimension "
    "and label (None: Gan & Zhang's Tables 1-2)",
)
INDICATORS_INPUT = Input(
    "indicators_path",
    None,
    "an indicator specification (CSV, .xlsx or YAML): indicator, subsystem, direction (+ or "
    "-), optionally dimension and label; any number of indicators and subsystems",
    "indicator_spec_template.csv",
)
PANEL_INPUT = Input(
    "data_path",
    "gan_zhang_simulated_panel",
    "a regional panel: the unit and year columns (named by unit and time), the indicators of "
    "the specification (Gan & Zhang's 31 by default) and optionally a group column; any units, "
    "any years, gaps allowed",
    "gan_zhang_panel_template.csv",
)

CHAPTERS = {
    c.stem: c
    for c in [
        Chapter(
            "01_regional_ai_competitiveness",
            "Regional AI competitiveness",
            {
                "fast": FAST,
                "n_reps": Parameter(
                    p.Integer(1, 1_000_000),
                    4999,
                    "regroupings in the permutation test",
                ),
                "seed": Parameter(
                    SEED, 20261122, "seed of the permutation test"
                ),
                "data_path": Parameter(
                    p.InputFile(),
                    None,
                    "your index, one row per unit (shaped like Table 1)",
                ),
                "firms_path": Parameter(
                    p.InputFile(),
                    None,
                    "your shares of AI firms and patents (shaped like Table 2)",
                ),
                "unit": Parameter(
                    p.Column(),
                    "province_zh",
                    "column of your files naming the units (provinces, cities, counties, "
                    "states, ...)",
                ),
                "group": GROUP,
                "n_units": Parameter(
                    p.Optional(
                        p.Integer(1, 10_000_000),
                        "31 for provinces, else the units of your files",
                    ),
                    None,
                    "how many units the shares are shares of (None: 31 for Chinese "
                    "provinces, else the units of your two files together)",
                ),
                "sheet": SHEET,
                "output_dir": OUTPUT,
            },
            (
                Input(
                    "data_path",
                    None,
                    "an index, one row per unit: the unit column (named by unit), index (0 or "
                    "more), optionally rank and a group column (named by group); China's "
                    "provinces, cities, counties, states or any other units",
                    "fang2025_index_template.csv",
                ),
                Input(
                    "firms_path",
                    None,
                    "the shares (per cent) of AI firms and patents of the leading units: the "
                    "unit column, firm_share_pct, patent_share_pct",
                    "fang2025_firms_template.csv",
                ),
            ),
            "regional means, shares above the mean, Gini and Theil indices with their "
            "between/within split and a permutation test; CR5 and HHI bounds of the shares",
        ),
        Chapter(
            "02_entropy_composite_index",
            "Composite indices by the entropy weight method",
            {
                "fast": FAST,
                "data_path": PANEL_PATH,
                "indicators_path": INDICATORS,
                "unit": UNIT,
                "time": TIME,
                "group": GROUP,
                "sheet": SHEET,
                "panel_seed": PANEL_SEED,
                "panel_mode": Parameter(
                    p.Choice(("pooled", "per_year", "mean_of_years")),
                    "pooled",
                    "how the indices treat the years",
                ),
                "output_dir": OUTPUT,
            },
            (PANEL_INPUT, INDICATORS_INPUT),
            "entropy weights and one composite index per subsystem (the AI and "
            "employment-quality indices by default), their paths by group, weight sensitivity, "
            "equal and first-component weights",
        ),
        Chapter(
            "03_coupling_coordination",
            "The coupling coordination degree model",
            {
                "fast": FAST,
                "data_path": PANEL_PATH,
                "indicators_path": INDICATORS,
                "unit": UNIT,
                "time": TIME,
                "group": GROUP,
                "sheet": SHEET,
                "panel_seed": PANEL_SEED,
                "weight_ai": Parameter(
                    p.Number(minimum=0, maximum=1),
                    0.5,
                    "weight of the AI index (the first subsystem) in T (the paper: 0.5; the "
                    "others share the rest equally)",
                ),
                "output_dir": OUTPUT,
            },
            (PANEL_INPUT, INDICATORS_INPUT),
            "C, T and D of two or more subsystems in the standard, Wang and Fan forms, their "
            "Table 3 levels, paths by group and the ranking in the last year",
        ),
        Chapter(
            "04_panel_var_gmm",
            "Panel VARs estimated by GMM",
            {
                "fast": FAST,
                "data_path": PANEL_PATH,
                "unit": UNIT,
                "time": TIME,
                "group": GROUP,
                "sheet": SHEET,
                "variables": Parameter(
                    p.Optional(
                        p.Names(minimum=2),
                        "the paper's five: AI, LR, EQ, SS, LQ",
                    ),
                    None,
                    "columns of your file to model, 2 or more (None: the paper's five)",
                ),
                "panel_seed": PANEL_SEED,
                "transform": Parameter(
                    p.Choice(("fod", "fd")), "fod", '"fod" (the paper) or "fd"'
                ),
                "lags": Parameter(p.Integer(1, 4), 1, "the paper: 1"),
                "order": Parameter(
                    p.Optional(p.Names(minimum=2), "the variables' own order"),
                    None,
                    "Cholesky ordering of the impulse responses (None: the variables' order, "
                    "the paper's AI, LR, EQ, SS, LQ)",
                ),
                "n_reps": Parameter(
                    p.Integer(20, 100_000),
                    1000,
                    "Monte Carlo draws for the IRF bands",
                ),
                "seed": Parameter(SEED, 20261122, "seed of the draws"),
                "output_dir": OUTPUT,
            },
            (PANEL_INPUT,),
            "a PVAR on the columns named by variables, or on the paper's five dimension scores "
            "(latent_* columns if the file has them, else the entropy dimension indices): "
            "estimates, J, lag selection, stability, Granger tests, impulse responses and FEVD",
        ),
        Chapter(
            "05_var_cointegration_audit",
            "Unit roots, VARs, variance decompositions and cointegration",
            {
                "fast": FAST,
                "data_path": Parameter(
                    p.InputFile(),
                    None,
                    "your CSV: a 'date' column (1959Q1 or 2001-03-31) and the columns "
                    "`variables`",
                ),
                "variables": Parameter(
                    p.Names(minimum=2),
                    ["realgdp", "realcons", "realinv"],
                    "positive series, analysed in logs",
                ),
                "sheet": SHEET,
                "max_lags": Parameter(
                    p.Integer(1, 24),
                    8,
                    "largest lag order the criteria consider",
                ),
                "deterministic": Parameter(
                    p.Choice(
                        tuple(JOHANSEN_CASES),
                        aliases=tuple(JOHANSEN_ALIASES.items()),
                    ),
                    "co",
                    "Johansen case for the VECM, in statsmodels' VECM codes",
                ),
                "horizon": Parameter(
                    p.Integer(1, 200),
                    20,
                    "periods ahead for impulse responses and the FEVD",
                ),
                "n_reps": Parameter(
                    p.Integer(10, 100_000),
                    2000,
                    "Monte Carlo replications per sample size",
                ),
                "seed": Parameter(SEED, 20261122, "seed of the Monte Carlo"),
                "output_dir": OUTPUT,
            },
            (
                Input(
                    "data_path",
                    None,
                    "time series: a date column and two or more positive numeric columns named "
                    "in `variables`",
                    "time_series_template.csv",
                ),
            ),
            "ADF and KPSS tests, lag selection, a VAR with its checks, impulse responses, "
            "FEVD, Johansen's tests and a VECM",
        ),
        Chapter(
            "06_global_industrial_layout",
            "AI and the global industrial layout",
            {
                "fast": FAST,
                "online": Parameter(
                    p.Flag(),
                    False,
                    "True: download World Bank and IMF data (needs internet; cached)",
                ),
                "year": Parameter(
                    p.Integer(1990, 2030),
                    2023,
                    "year of the World Bank and IMF data in the method section",
                ),
                "seed": Parameter(
                    SEED, 20261122, "seed of the simulated cross-section"
                ),
                "output_dir": OUTPUT,
            },
            (),
            "the report's figures checked; AIPI against FDI in levels and as a share of GDP, "
            "on downloaded data (online) or a labelled simulation",
        ),
        Chapter(
            "07_ai_upgrading_u_shape",
            "Is AI's effect on upgrading U-shaped?",
            {
                "fast": FAST,
                "turning_point": Parameter(
                    p.Number(minimum=-100, maximum=100),
                    6.0,
                    "true minimum of the simulated U (AI exposure runs from about 1 to 13)",
                ),
                "noise": Parameter(
                    p.Number(above=0, maximum=100),
                    0.3,
                    "standard deviation of the simulated upgrading shocks",
                ),
                "seed": Parameter(SEED, 20261122, "seed of the simulation"),
                "alpha": Parameter(
                    p.Number(above=0, maximum=0.5),
                    0.05,
                    "significance level of the tests",
                ),
                "data_path": Parameter(
                    p.InputFile(),
                    None,
                    "your panel (None: the simulated panel with a real U)",
                ),
                "unit": Parameter(
                    p.Column(), "province", "column of the units"
                ),
                "time": Parameter(p.Column(), "year", "column of the years"),
                "outcome": Parameter(
                    p.Column(), "upgrading", "column of the outcome"
                ),
                "exposure": Parameter(
                    p.Column(),
                    "ai_exposure",
                    "column of the variable whose U is tested",
                ),
                "controls": Parameter(
                    p.Names(minimum=0), [], "columns of control variables"
                ),
                "sheet": SHEET,
                "output_dir": OUTPUT,
            },
            (
                Input(
                    "data_path",
                    None,
                    "a panel: the columns named by unit, time, outcome, exposure and controls "
                    "(any units, e.g. prefecture-level cities or US states; one row per unit "
                    "and year)",
                    "ushape_panel_template.csv",
                ),
            ),
            "the Lind-Mehlum test, Fieller and delta-method intervals and two lines on three "
            "simulated panels, and the same check on your panel: a two-way fixed-effects "
            "quadratic of outcome on exposure (with controls), the test over the observed "
            "range and Simonsohn's two lines",
        ),
    ]
}


#: the names each chapter's prose asks the kernel for (its ``{eval}`` roles), in order: a run shows
#: them where they are computed and records them for its report (:meth:`helpers.runs.Run.finish`);
#: a test keeps this in step with the notebooks
PROSE = {
    "01_regional_ai_competitiveness": (
        "audit_sentence",
        "data_sentence",
        "claims_sentence",
        "where",
        "extremes",
        "inequality",
        "permutation_reading",
        "concentration_reading",
        "pairing",
    ),
    "02_entropy_composite_index": (
        "ratio_west",
        "ratio_ne",
        "ratio_central_floor",
        "national_floor",
        "data_note",
        "system_note",
        "systems_reading",
        "conventions_reading",
        "sensitivity_reading",
        "first_count",
        "ranking_reading",
        "dispersion_reading",
        "rescaling_reading",
        "jackknife_reading",
        "per_year_reading",
    ),
    "03_coupling_coordination": (
        "data_note",
        "top",
        "spread",
        "share_reading",
        "forms",
        "relative_reading",
        "d_jackknife_reading",
        "three_reading",
    ),
    "04_panel_var_gmm": (
        "nickell",
        "printed_modulus",
        "data_note",
        "n_variables",
        "variables_are",
        "proliferation",
        "proliferation_verdict",
        "collapsed",
        "coverage",
        "n_units_text",
        "n_years",
        "n_coefficients",
        "j_reading",
        "mmsc_reading",
        "system_reading",
        "ar_reading",
        "groups_reading",
        "year_reading",
        "small_n_reading",
        "generated_reading",
        "stability_reading",
        "irf_caveat",
        "n_reps",
        "first_ordered",
        "width_ratio",
        "last_ordered",
    ),
    "05_var_cointegration_audit": (
        "power",
        "panel_roots",
        "ordering",
        "fevd_reading",
        "theory_note",
        "long_run_reading",
        "causality_reading",
        "lag_reading",
    ),
    "06_global_industrial_layout": (
        "us_share_if_others",
        "greenfield_multiple",
        "textile_cagr",
        "scale_reading",
    ),
    "07_ai_upgrading_u_shape": (
        "signs_reading",
        "extremes_reading",
        "false_u_reading",
        "crime_t",
        "crime_p",
        "crime_extreme",
        "panel_reading",
        "robustness_reading",
        "edge_reading",
    ),
}


def validate(stem: str, **values) -> dict:
    """Check the chapter ``stem``'s parameters (see :func:`helpers.parameters.validate`).

    Beyond each parameter's own spec, the chapter's rules across parameters: a parameter that
    describes the reader's file (``unit``, ``time``, ``group``, ``variables``, ``sheet``) set to
    other than its default needs ``data_path`` (or, for ``unit``, one of the reader's files); an
    ``order`` must list the model's variables (``variables``, else AI, LR, EQ, SS, LQ) once
    each; and ``data_path`` and ``panel_seed`` exclude each other.

    Parameters
    ----------
    stem
        The chapter's file stem, a key of :data:`CHAPTERS` (e.g.
        ``"06_global_industrial_layout"``).
    **values
        The value of every parameter the chapter declares, by name, and no other.

    Returns
    -------
    dict
        The checked values by name, in the order declared, as the specs return them.

    Raises
    ------
    helpers.errors.InputError
        If there is no chapter ``stem``.
    helpers.errors.ParameterError
        If a value does not fit its spec, a parameter is missing or unknown, or a rule across
        parameters is broken; the one line names the parameters and values.

    Examples
    --------
    >>> validate("06_global_industrial_layout", fast=False, online=False, year=2023,
    ...          seed=1, output_dir=None)["year"]
    2023
    """
    if stem not in CHAPTERS:
        raise InputError(
            f"no chapter {stem!r}; chapters: {', '.join(CHAPTERS)}"
        )
    checked = p.validate(CHAPTERS[stem].specs, **values)
    defaults = CHAPTERS[stem].parameters
    # unit names a column of any of the reader's files (chapter 1 has two); the others belong
    # to data_path
    files = [checked.get(n) for n in ("data_path", "firms_path")]
    if "data_path" in checked:
        named = [
            f"{name} = {values[name]!r}"
            for name in ("unit", "time", "group", "variables", "sheet")
            if name in checked
            and checked[name] != defaults[name].default
            and not (any(files) if name == "unit" else files[0])
        ]
        if named:
            raise ParameterError(
                f"{', '.join(named)}: applies to your file; give data_path too (without it the "
                "chapter uses its own data)"
            )
    if "order" in checked and checked["order"] is not None:
        modelled = checked.get("variables") or ["AI", "LR", "EQ", "SS", "LQ"]
        if sorted(checked["order"]) != sorted(modelled):
            raise ParameterError(
                f"order = {values['order']!r}: expected a list of {', '.join(modelled)} in any "
                "order (the variables of the model)"
            )
    if (
        checked.get("data_path") is not None
        and checked.get("panel_seed") is not None
    ):
        raise ParameterError(
            f"data_path = {values['data_path']!r} and panel_seed = {values['panel_seed']!r}: give "
            "one of them, not both (panel_seed simulates a new panel; data_path reads yours)"
        )
    return checked


def start(stem: str, namespace: dict):
    """Start a run of chapter ``stem``: the one line at the top of a chapter.

    Reads each parameter the chapter declares from ``namespace`` (the notebook's ``globals()``,
    where its parameters cell and papermill's injected cell put them), checks them together with
    :func:`validate`, writes each checked value back into ``namespace`` (a list where papermill's
    ``-p`` gave one string, a Johansen case's code where its older name was given, a file's full
    path), and returns the :class:`helpers.runs.Run` that records the run's inputs and outputs.
    In a kernel it also shows, from then on, each warning of the package as an explained note
    (:func:`helpers.display.show_warnings_as_notes`).

    Parameters
    ----------
    stem : str
        The chapter's file stem, a key of :data:`CHAPTERS`.
    namespace : dict
        The namespace holding the parameters; updated in place with their checked values.

    Returns
    -------
    helpers.runs.Run
        The run, writing to the checked ``output_dir`` (by default ``results/<stem>``).

    Raises
    ------
    helpers.errors.InputError
        If there is no chapter ``stem``.
    helpers.errors.ParameterError
        If a parameter is not set in ``namespace`` (the parameters cell has not run) or
        :func:`validate` refuses a value; the one line names it.

    Examples
    --------
    >>> import tempfile
    >>> notebook = dict(fast=False, online=False, year=2023, seed=1,
    ...                 output_dir=tempfile.mkdtemp())
    >>> run = start("06_global_industrial_layout", notebook)
    >>> run.parameters["year"], run.folder.is_dir()
    (2023, True)
    """
    from helpers.display import show_warnings_as_notes
    from helpers.runs import Run

    if stem not in CHAPTERS:
        raise InputError(
            f"no chapter {stem!r}; chapters: {', '.join(CHAPTERS)}"
        )
    missing = [n for n in CHAPTERS[stem].specs if n not in namespace]
    if missing:
        raise ParameterError(
            f"parameter(s) {', '.join(missing)} not set: run the chapter's parameters cell first"
        )
    checked = validate(stem, **{n: namespace[n] for n in CHAPTERS[stem].specs})
    namespace.update(checked)
    show_warnings_as_notes()
    return Run(stem, checked, checked.get("output_dir"))


def parameters_table(stem: str):
    """The chapter's parameters as a table: default, what is allowed, meaning (the guide's).

    Parameters
    ----------
    stem
        The chapter's file stem, a key of :data:`CHAPTERS`.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``parameter`` in the order declared, with ``default`` (its ``repr``),
        ``allowed`` (:meth:`helpers.parameters.Spec.describe`) and ``meaning`` (the help text).

    Raises
    ------
    KeyError
        If there is no chapter ``stem``.
    """
    import pandas as pd

    chapter = CHAPTERS[stem]
    return pd.DataFrame(
        [
            {
                "parameter": name,
                "default": repr(q.default),
                "allowed": q.spec.describe(),
                "meaning": q.help,
            }
            for name, q in chapter.parameters.items()
        ]
    ).set_index("parameter")
