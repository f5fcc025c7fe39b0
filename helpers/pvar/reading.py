"""Chapter 4's sentences about the panel VAR on the data of a run, computed from its results.

The counts that decide whether GMM can be trusted (instrument columns, moment conditions,
provinces, the rank of the moment covariance) and what the estimates say (coverage of a known
truth, stability, the lag order chosen) come from the fitted models, so the text holds for a
replicator's panel as for the book's simulation.
"""

from __future__ import annotations

import pandas as pd

from helpers.pvar.model import PanelVARResults


def _moments(results: PanelVARResults) -> int:
    return results.n_instruments * len(results.model.dependent)


def proliferation_sentence(
    results: PanelVARResults, noun: str = "province"
) -> str:
    """The instrument count with every available lag, against the number of units (``noun``
    names one: "province", "unit").

    The moment conditions are the instrument columns per equation times the equations.

    Parameters
    ----------
    results : PanelVARResults
        A fit with every available lag as instruments.
    noun : str, default "province"
        What one unit is called (a plural adds "s").

    Returns
    -------
    str
        One sentence of counts, and a second when the moment conditions are at least the
        units (the two-step weight matrix is then singular).
    """
    moments, units = _moments(results), results.n_entities
    text = (
        f"With every available lag, this run's panel gives {results.n_instruments} instrument "
        f"columns per equation, {len(results.model.dependent)} x {results.n_instruments} = "
        f"{moments} moment conditions, and {units} {noun}s to estimate their covariance."
    )
    if moments >= units:
        text += " The two-step weight matrix is then singular, as the note above says."
    return text


def proliferation_verdict(
    results: PanelVARResults, noun: str = "province"
) -> str:
    """What the two-step estimates with every lag are worth, from their J and largest root.

    Parameters
    ----------
    results : PanelVARResults
        The two-step fit with every available lag.
    noun : str, default "province"
        What one unit is called (a plural adds "s").

    Returns
    -------
    str
        Hansen's J (two decimals, with its degrees of freedom) and the largest root's
        modulus, read as untrustworthy when the moment conditions are at least the units, and
        Roodman's rule of thumb.
    """
    moments, units = _moments(results), results.n_entities
    modulus = float(results.stability()["modulus"].max())
    j = results.j_stat
    facts = (
        f"Hansen's J is {j.stat:.2f} on {j.df} degrees of freedom and the largest root has modulus "
        f"{modulus:.2f}"
    )
    if moments >= units:
        return (
            f"Such estimates cannot be trusted: with {moments} moment conditions and {units} "
            f"{noun}s the weight matrix is singular; here {facts}. Roodman's rule of thumb is to "
            "keep the instruments below the number of units."
        )
    return (
        f"Here the moment conditions ({moments}) are fewer than the {noun}s ({units}), so the "
        f"two-step weights can be estimated; {facts}. Roodman's rule of thumb is still to keep the "
        "instruments well below the number of units."
    )


def collapsed_sentence(
    results: PanelVARResults, noun: str = "province"
) -> str:
    """The instrument set the chapter uses, and why one-step.

    The lags are written as the dates of the levels they use (``t-1`` for lag 2 under FOD,
    ``t-2`` under FD; see :class:`~helpers.pvar.PanelVAR`).

    Parameters
    ----------
    results : PanelVARResults
        The collapsed fit the chapter reports (without a last lag, the levels are "dated t-2
        and earlier").
    noun : str, default "province"
        What one unit is called (a plural adds "s").

    Returns
    -------
    str
        Two sentences: the instruments, and why one-step GMM is reported.
    """
    first, last = results.model.instrument_lags
    # lag L is dated t-L under FD and t-L+1 under FOD (xtabond2's numbering)
    shift = 1 if results.model.transform == "fod" else 0
    first, last = first - shift, None if last is None else last - shift
    moments, units = _moments(results), results.n_entities
    dated = (
        f"dated t-{first} and earlier"
        if last is None
        else f"dated t-{first} to t-{last}"
    )
    text = (
        f"We collapse the instruments and use the levels {dated} (valid under "
        f"{results.model.transform.upper()}), {results.n_instruments} instruments per equation. "
    )
    if moments >= units:
        return text + (
            f"Even so, {moments} joint moment conditions are at least the {units} {noun}s, so we "
            "report one-step GMM with cluster-robust standard errors, whose weight matrix needs "
            "no estimated covariance."
        )
    return text + (
        f"The {moments} joint moment conditions are fewer than the {units} {noun}s; we still "
        "report one-step GMM with cluster-robust standard errors, which needs no estimated weight "
        "matrix."
    )


def truth_sentence(side: pd.DataFrame, rmse: float) -> str:
    """Coverage of the true coefficients by the 95% intervals (simulated data only).

    Parameters
    ----------
    side : DataFrame
        :func:`~helpers.pvar.compare.against_truth` at its default level (95%, which the
        sentence names), with ``truth inside`` and ``s.e.``.
    rmse : float
        The root mean squared error of the estimates (:func:`~helpers.pvar.compare.rmse`).

    Returns
    -------
    str
        How many coefficients are covered, the median standard error and the RMSE, to two
        decimals.
    """
    covered, total = int(side["truth inside"].sum()), len(side)
    return (
        f"{covered} of the {total} true coefficients lie inside their 95% intervals; the median "
        f"standard error is {side['s.e.'].median():.2f} and the root-mean-square error of the "
        f"estimates {rmse:.2f}."
    )


def j_sentence(results: PanelVARResults, noun: str = "province") -> str:
    """Whether Hansen's J can test anything on this panel.

    Parameters
    ----------
    results : PanelVARResults
        A fitted panel VAR.
    noun : str, default "province"
        What one unit is called (a plural adds "s").

    Returns
    -------
    str
        The moment conditions, the units and the rank of the moment covariance; J can test
        the overidentifying restrictions only at full rank.
    """
    moments, units, rank = (
        _moments(results),
        results.n_entities,
        results.moment_rank,
    )
    text = (
        "Hansen's J needs the inverse of the covariance of the moment conditions, estimated from "
        f"the {noun}s' contributions. With {moments} moment conditions and {units} {noun}s that "
        f"covariance has rank {rank}"
    )
    if rank < moments:
        return text + (
            ", less than its size, and the J statistic then equals the rank whatever the data "
            "(the note above says so)."
        )
    return text + ", full, so J can test the overidentifying restrictions."


def mmsc_sentence(
    selection: pd.DataFrame, results: PanelVARResults, noun: str = "province"
) -> str:
    """The lag order MMSC-BIC picks, and whether J could discriminate between the orders.

    Parameters
    ----------
    selection : DataFrame
        :meth:`~helpers.pvar.PanelVAR.select_order`: indexed by lag order (rows whose label is
        not an integer are ignored), with ``MMSC-BIC`` and ``J``.
    results : PanelVARResults
        A fit of the same model, for the counts of equations and units.
    noun : str, default "province"
        What one unit is called (a plural adds "s").

    Returns
    -------
    str
        The order with the smallest MMSC-BIC, whether J is the same for every order (to
        1e-6), and the most instruments per equation, ``(units - 1) // equations``, that leave
        J testable.
    """
    orders = [c for c in selection.index if isinstance(c, (int,))]
    chosen = int(selection.loc[orders, "MMSC-BIC"].astype(float).idxmin())
    j = selection.loc[orders, "J"].astype(float)
    n_eq, units = len(results.model.dependent), results.n_entities
    most = (units - 1) // n_eq
    text = f"MMSC-BIC picks {chosen} lag(s)"
    if j.max() - j.min() < 1e-6:
        text += (
            ". J is the same for every lag order, so the criteria differ only by their penalties "
            "and the choice is made by parsimony alone"
        )
    return text + (
        f". A testable J needs fewer moment conditions than {noun}s: with {units} {noun}s and "
        f"{n_eq} equations, at most {most} instruments per equation."
    )


def no_selection_sentence(largest: int, wanted: int) -> str:
    """Why the lag orders are not compared: the panel's longest run of consecutive periods allows
    fewer than two.

    Parameters
    ----------
    largest : int
        The largest lag order the panel allows (:func:`~helpers.pvar.longest_lag`).
    wanted : int
        The largest order the chapter compares.

    Returns
    -------
    str
        One sentence.

    Examples
    --------
    >>> no_selection_sentence(1, 3)[:44]
    'The lag orders are not compared on this pane'
    """
    return (
        "The lag orders are not compared on this panel: a unit needs p + 2 consecutive periods "
        f"for lag order p, and the longest run here allows at most {largest} (the chapter compares "
        f"up to {wanted})."
    )


def instability_caveat(modulus: float) -> str:
    """A warning for the impulse responses and the variance decomposition of an unstable
    estimate, or "" for a stable one.

    Parameters
    ----------
    modulus : float
        The largest modulus of the companion-matrix eigenvalues.

    Returns
    -------
    str
        ``""`` below 1; else a caveat quoting the modulus to three decimals.

    Examples
    --------
    >>> instability_caveat(0.8)
    ''
    """
    if modulus < 1:
        return ""
    return (
        "Read what follows with care: the estimated system is not stable (largest root "
        f"{modulus:.3f}), so its impulse responses do not die out and its variance decomposition "
        "does not settle. They describe the estimate, not a system that returns to rest after a "
        "shock."
    )


def stability_sentence(modulus: float, true_modulus: float | None) -> str:
    """The largest root of the estimate, against the truth when it is known.

    Parameters
    ----------
    modulus : float
        The largest modulus of the estimate's companion-matrix eigenvalues.
    true_modulus : float or None
        That of the simulation's true matrix, or None for data without a known truth.

    Returns
    -------
    str
        The modulus (three decimals) with the stability verdict, and, with a truth, its
        modulus (two decimals) and why estimated roots drift towards one.

    Examples
    --------
    >>> print(stability_sentence(0.5, None))  # doctest: +NORMALIZE_WHITESPACE
    The largest eigenvalue modulus is 0.500, inside the unit circle: the estimated system is
    stable.
    """
    verdict = (
        "inside the unit circle: the estimated system is stable"
        if modulus < 1
        else "on or outside the unit circle: the estimated system is not stable"
    )
    text = f"The largest eigenvalue modulus is {modulus:.3f}, {verdict}."
    if true_modulus is not None:
        text += (
            f" The true matrix of the simulation has largest modulus {true_modulus:.2f}; "
            "persistent, trending series make lagged levels weak instruments and push estimated "
            "roots towards one."
        )
    return text


def nickell_sentence(
    within: pd.DataFrame, gmm: PanelVARResults, truth: pd.DataFrame
) -> str:
    """The own-lag coefficient of the first variable by fixed-effects OLS and by GMM, against the
    truth of a simulated toy panel.

    Parameters
    ----------
    within : DataFrame
        :func:`~helpers.pvar.compare.within_ols`; its first row and first column name the
        coefficient (the first variable's own lag).
    gmm : PanelVARResults
        The GMM fit of the same model.
    truth : DataFrame
        The true coefficients, indexed by equation with the columns of ``within``
        (``L1.<var>``).

    Returns
    -------
    str
        The true value, the within estimate, and the GMM estimate with its standard error and
        distance from the truth in standard errors. The sentence says "six periods", the toy
        panel's length.
    """
    equation, regressor = within.index[0], within.columns[0]
    true = float(truth.loc[equation, regressor])
    estimate = float(gmm.params.loc[equation, regressor])
    se = float(gmm.std_errors.loc[equation, regressor])
    return (
        f"Least squares with fixed effects pulls the own-lag coefficient of {equation} from "
        f"{true:g} to {float(within.loc[equation, regressor]):.2f}, a bias that does not shrink "
        f"with more units. GMM gives {estimate:.2f} (standard error {se:.2f}), "
        f"{abs(estimate - true) / se:.1f} standard errors from the truth; with only six periods "
        "its instruments are not strong, which is why it is less precise."
    )


def system_sentence(
    difference: PanelVARResults,
    system: PanelVARResults,
    noun: str = "province",
) -> str:
    """System against difference GMM on this run's data: how far the coefficients move, and what
    xtabond2's difference-in-Hansen test of the level equations' instruments says, when J can
    test anything.

    Parameters
    ----------
    difference : PanelVARResults
        The difference-GMM fit.
    system : PanelVARResults
        The system-GMM fit of the same model.
    noun : str, default "province"
        What one unit is called (a plural adds "s").

    Returns
    -------
    str
        The largest absolute change of a common coefficient (three decimals), then either why
        the level instruments cannot be tested (rank-deficient moment covariance, or no
        overidentification without them) or their difference-in-Hansen statistic, degrees of
        freedom and p-value.
    """
    from helpers.pvar.specification import LEVEL_GROUP

    common = difference.params.columns.intersection(system.params.columns)
    gap = (system.params[common] - difference.params[common]).abs()
    largest = gap.stack().idxmax()
    text = (
        f"Adding the level equations moves the coefficients by up to {gap.max().max():.3f} "
        f"({largest[1]} in the {largest[0]} equation: {difference.params.loc[largest]:.3f} in "
        f"difference GMM, {system.params.loc[largest]:.3f} in system GMM)."
    )
    if system.moment_rank < _moments(system):
        return text + (
            f" Whether the level moments are valid cannot be tested here: with these {noun}s the "
            "moment covariance of the system is rank-deficient, so neither J nor a difference of "
            "J tests anything."
        )
    row = system.difference_in_hansen().loc[LEVEL_GROUP]
    if pd.isna(row["difference"]):
        return text + (
            " Without the level instruments the model would not be overidentified, so they cannot "
            "be tested as a group."
        )
    return text + (
        " The difference-in-Hansen statistic of the level equations' instruments is "
        f"{row['difference']:.2f} on {int(row['difference df'])} degrees of freedom (p = "
        f"{row['difference pvalue']:.3f}): a small p-value says mean stationarity fails and "
        "difference GMM is the one to keep."
    )


def _listing(names: list[str]) -> str:
    return (
        names[0]
        if len(names) == 1
        else ", ".join(names[:-1]) + " and " + names[-1]
    )


def serial_correlation_sentence(
    tests: pd.DataFrame, alpha: float = 0.05, n_units: int | None = None
) -> str:
    """What the Arellano-Bond tests (``results.serial_correlation()``) say about the instruments:
    order 1 is expected to reject with a negative statistic, order 2 should not reject.
    ``n_units`` (the fit's units) qualifies a non-rejection by the test's power.

    Parameters
    ----------
    tests : DataFrame
        :meth:`~helpers.pvar.PanelVARResults.serial_correlation`: indexed by (equation,
        order) with ``z`` and ``pvalue``, order 1 at least.
    alpha : float, default 0.05
        Significance level.
    n_units : int or None, default None
        The fit's units; below 100 the sentence on a non-rejection at order 2 names them.

    Returns
    -------
    str
        How many equations reject AR(1) with a negative statistic, any significantly positive
        AR(1), and what AR(2) says (or that it cannot be computed).
    """
    orders = tests.index.get_level_values("order")
    first = tests.xs(1, level="order")
    n_eq = len(first)
    significant = first["pvalue"] < alpha
    negative = list(first.index[significant & (first["z"] < 0)])
    positive = list(first.index[significant & (first["z"] > 0)])
    if len(negative) == n_eq:
        text = (
            f"AR(1) rejects with a negative statistic in all {n_eq} equations at {alpha:.0%}, as "
            "expected when the errors in levels are serially uncorrelated (differencing alone "
            "makes neighbouring differenced errors correlate, at -1/2)."
        )
    else:
        text = (
            f"AR(1) rejects with a negative statistic in {len(negative)} of {n_eq} equations at "
            f"{alpha:.0%}; where it does not, the expected correlation of -1/2 is not seen, "
            "because the test has little power here or because positively autocorrelated errors "
            "in levels offset it."
        )
    if positive:
        text += (
            f" A significantly positive AR(1) statistic ({_listing(positive)}) does not fit errors "
            "that are serially uncorrelated in levels."
        )
    if 2 not in orders or tests.xs(2, level="order")["z"].isna().all():
        return text + (
            " AR(2) cannot be computed: the panel has too few years for residuals two years apart."
        )
    second = tests.xs(2, level="order")
    rejected2 = list(second.index[second["pvalue"] < alpha])
    if rejected2:
        return text + (
            f" AR(2) rejects in {len(rejected2)} ({_listing(rejected2)}): there the errors in "
            "levels are serially correlated and the level dated t-2 is correlated with the "
            "differenced error. The model needs respecifying, with more lags; starting the "
            "instruments a lag later helps only if the errors are a moving average of order one."
        )
    smallest = float(second["pvalue"].min())
    power = (
        f"with {n_units} units its power is limited, above all"
        if n_units is not None and n_units < 100
        else "it has little power"
    )
    return text + (
        f" AR(2) rejects in none (smallest p-value {smallest:.2f}): no sign that the lagged levels "
        f"are invalid instruments because of serial correlation, though {power} against persistent "
        "errors."
    )


def instrument_groups_sentence(
    results: PanelVARResults, table: pd.DataFrame, alpha: float = 0.05
) -> str:
    """The difference-in-Hansen tests (``results.difference_in_hansen()``) in words, or why they
    cannot test anything.

    Parameters
    ----------
    results : PanelVARResults
        The fit the tests belong to (for its moment rank).
    table : DataFrame
        Its :meth:`~helpers.pvar.PanelVARResults.difference_in_hansen` table.
    alpha : float, default 0.05
        Significance level.

    Returns
    -------
    str
        Why nothing can be tested (a singular moment covariance, or no group whose removal
        leaves the model overidentified), or the group with the smallest p-value and the
        groups rejected at ``alpha``.
    """
    moments, units = _moments(results), results.n_entities
    if results.moment_rank < moments:
        return (
            f"With {moments} moment conditions and {units} units the moment covariance is singular "
            f"(rank {results.moment_rank}), so neither J nor the differences in the table test "
            "anything (some may even be negative): testing instrument subsets needs fewer moments "
            "than units, for instance fewer variables or fewer lags as instruments."
        )
    tested = table.dropna(subset=["difference"])
    if tested.empty:
        return (
            "No group of instruments can be dropped and leave the model overidentified, so no "
            "difference-in-Hansen test is possible."
        )
    rejected = list(tested.index[tested["difference pvalue"] < alpha])
    low = tested["difference pvalue"].idxmin()
    row = tested.loc[low]
    text = (
        f"The smallest p-value is that of {low}: J falls by {row['difference']:.2f} on "
        f"{int(row['difference df'])} degrees of freedom without it (p = "
        f"{row['difference pvalue']:.3f})."
    )
    if rejected:
        return text + (
            f" At {alpha:.0%} the validity of {_listing(rejected)} is rejected given the other "
            "instruments."
        )
    return text + (
        f" No group is rejected at {alpha:.0%}; like J itself, these tests lose power as "
        "instruments multiply."
    )


def year_effects_sentence(
    results: PanelVARResults, demeaned: PanelVARResults, noun: str = "province"
) -> str:
    """Pesaran's CD on the residuals before and after removing each year's cross-section mean,
    against the value demeaning itself produces, and how far the coefficients move.

    Demeaning by year makes two units' errors correlate at about ``-1/(N - 1)``, so CD moves
    towards ``-sqrt(N T / (2 (N - 1)))`` (``N`` units and ``T`` their mean number of years in
    the demeaned fit) even without common shocks; Juodis and Reese's weighted CD is quoted as
    the valid test after demeaning.

    Parameters
    ----------
    results : PanelVARResults
        The fit on the variables as they are.
    demeaned : PanelVARResults
        The same model on the variables minus each year's cross-section mean.
    noun : str, default "province"
        What one unit is called (a plural adds "s").

    Returns
    -------
    str
        The CD ranges before and after demeaning (one decimal), how many equations are
        significant at 5%, the value demeaning alone produces, the weighted CD, and the largest
        change of a coefficient; or why CD is not computed (fewer than three common years).
    """
    import numpy as np

    before = results.cross_dependence()
    after = demeaned.cross_dependence()
    weighted = demeaned.cross_dependence(weighted=True)
    if before["CD"].isna().all():
        return (
            "Pesaran's CD compares the units' residuals over the years they share, and needs at "
            "least three; this panel's residuals are shorter, so it is not computed."
        )
    rows = demeaned.model.design.rows
    kept = rows[rows["equation"] == "transformed"]
    n = kept["entity"].nunique()
    t = kept.groupby("entity").size().mean()
    # demeaning makes any two units' errors correlate at about -1/(N - 1), so CD is pushed
    # towards -sqrt(N T / (2 (N - 1))) even without common shocks
    mechanical = -np.sqrt(n * t / (2 * (n - 1)))
    gap = (demeaned.params - results.params).abs()
    largest = gap.stack().idxmax()
    strong = before["pvalue"] < 0.05
    text = (
        f"Pesaran's CD statistic of the residuals ranges from {before['CD'].min():.1f} to "
        f"{before['CD'].max():.1f} across the equations, significant at 5% in {int(strong.sum())} "
        f"of {len(before)}"
        + (
            f": the {noun}s' errors move together, as common (national) shocks make them."
            if strong.any()
            else f": no sign of a common shock moving the {noun}s' errors the same way (CD has "
            "little power against common factors whose effects differ in sign across units)."
        )
        + f" After demeaning every variable by year, CD ranges from {after['CD'].min():.1f} to "
        f"{after['CD'].max():.1f}; demeaning alone pushes it towards about {mechanical:.1f} "
        f"(-sqrt(NT/(2(N-1))) with {n} {noun}s and about {t:.0f} years), because {noun}s "
        "measured from their yearly mean are slightly negatively correlated, so its p-value "
        "after demeaning is not a valid test. Juodis and Reese's randomly weighted CD, which "
        f"remains valid, ranges from {weighted['CD'].min():.1f} to {weighted['CD'].max():.1f}, "
        f"significant at 5% in {int((weighted['pvalue'] < 0.05).sum())} of {len(weighted)}. "
        "The coefficients "
        f"move by up to {gap.max().max():.3f} ({largest[1]} in the {largest[0]} equation)."
    )
    return text


def small_n_sentence(
    gmm: PanelVARResults,
    within: pd.DataFrame | None,
    jackknife: pd.DataFrame | None,
    truth: pd.DataFrame | None,
) -> str:
    """Own-lag coefficients by GMM, fixed-effects OLS and its half-panel jackknife, and, for a
    simulated panel, which is closest to the truth (``within`` None: the model has more than one
    lag, for which the comparison is not computed).

    Parameters
    ----------
    gmm : PanelVARResults
        The GMM fit.
    within : DataFrame or None
        :func:`~helpers.pvar.compare.within_ols` of the same variables, or None.
    jackknife : DataFrame or None
        :func:`~helpers.pvar.compare.half_panel_jackknife`, or None.
    truth : DataFrame or None
        The simulation's true ``A_1`` (indexed by equation, one column per variable), or None
        for data without a known truth.

    Returns
    -------
    str
        The mean own-lag coefficient by each estimator (two decimals) and what each assumes;
        with a truth, each estimator's RMSE over the lag-1 coefficients (three decimals) and
        which comes closest; without ``within`` or ``jackknife``, why the comparison is left
        out.
    """
    if within is None or jackknife is None:
        years = len(gmm.model._grid.periods)
        return (
            "The comparison needs one lag and at least five years; this run's model has "
            f"{gmm.model.lags} lag(s) on {years} years, so it is left out."
        )
    names = list(within.index)
    lagged = [f"L1.{v}" for v in names]
    own = {
        "GMM": [float(gmm.params.loc[v, f"L1.{v}"]) for v in names],
        "fixed-effects OLS": [float(within.loc[v, f"L1.{v}"]) for v in names],
        "the jackknife": [float(jackknife.loc[v, f"L1.{v}"]) for v in names],
    }
    text = (
        "The own-lag coefficients average "
        + ", ".join(
            f"{sum(values) / len(values):.2f} by {name}"
            for name, values in own.items()
        )
        + (
            ". Fixed-effects OLS has Nickell's bias, of order 1/T; in a VAR the bias is a matrix, "
            "so a single coefficient can move either way. The jackknife removes the 1/T term "
            "without instruments, at the price of a larger variance, and only if both halves of "
            "the years share the same dynamics and the same kind of starting values."
        )
    )
    if truth is None:
        return text
    true = truth.loc[names, names].set_axis(lagged, axis=1)
    errors = {
        "GMM": gmm.params.loc[names, lagged],
        "fixed-effects OLS": within.loc[names, lagged],
        "the jackknife": jackknife.loc[names, lagged],
    }
    rmse = {
        name: float((((e - true) ** 2).to_numpy().mean()) ** 0.5)
        for name, e in errors.items()
    }
    best = min(rmse, key=rmse.get)
    helped = (
        "the jackknife improves on fixed-effects OLS here"
        if rmse["the jackknife"] < rmse["fixed-effects OLS"]
        else "the jackknife does not improve on fixed-effects OLS here (its larger variance, "
        "or halves whose dynamics differ, can outweigh the bias it removes)"
    )
    return text + (
        " Against the simulation's true coefficients, the root mean squared errors are "
        + ", ".join(f"{value:.3f} for {name}" for name, value in rmse.items())
        + f": {best} comes closest on this panel, and {helped}."
    )


def generated_sentence(
    scores: PanelVARResults,
    indices: PanelVARResults | None,
    true_modulus: float | None,
    variables_are: str = "",
) -> str:
    """The same PVAR on the latent scores and on the entropy indices built from the indicators:
    own-lag coefficients and largest roots (both unchanged by rescaling a variable, so comparable
    across the two measurements). ``indices`` None: the run's panel has no latent scores, so its
    model is estimated on what it has (``variables_are``) and there is nothing to compare.

    Parameters
    ----------
    scores : PanelVARResults
        The fit on the latent scores (or on the run's own variables when ``indices`` is None).
    indices : PanelVARResults or None
        The same model on the entropy indices, or None.
    true_modulus : float or None
        The largest modulus of the simulation's true matrix, or None.
    variables_are : str, default ""
        What the run's variables are, for the sentence without ``indices`` ("its own
        variables" when empty).

    Returns
    -------
    str
        The mean own-lag coefficient and largest root on each measurement (two decimals),
        and why GMM on estimated indices is not what it seems; without ``indices``, the
        caveat alone.
    """
    import numpy as np

    if indices is None:
        return (
            "This run's panel has no latent scores beside its indicators, so the model above is "
            f"already estimated on {variables_are or 'its own variables'}, with nothing to compare "
            "them with; the caveat stands: its GMM standard errors treat estimated indices as "
            "data."
        )

    names = scores.model.dependent
    on_scores = np.mean([scores.params.loc[v, f"L1.{v}"] for v in names])
    on_indices = np.mean([indices.params.loc[v, f"L1.{v}"] for v in names])
    moduli = [r.stability()["modulus"].max() for r in (scores, indices)]
    truth = (
        f" (the simulation's true value: {true_modulus:.2f})"
        if true_modulus is not None
        else ""
    )
    return (
        f"On the entropy indices, the own-lag coefficients average {on_indices:.2f}, against "
        f"{on_scores:.2f} on the scores they measure, and the largest root is {moduli[1]:.2f} "
        f"against {moduli[0]:.2f}{truth}"
        + (
            ", so the system estimated on the indices is not even stable"
            if moduli[1] >= 1 > moduli[0]
            else ""
        )
        + ". An index is an estimate of the score with an error of its own. Under GMM that "
        "error reaches the instruments too: a lagged index carries the same error when it "
        "persists, so the lagged levels are no longer valid instruments (the Arellano-Bond "
        "test of order 2 can detect it, and deeper lags help only if the error does not "
        "persist). And the GMM standard errors, computed as if the indices were data, leave "
        "out how much the weights that built them depend on the sample (chapter 2's "
        "jackknife)."
    )
