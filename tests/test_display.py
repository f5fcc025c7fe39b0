"""helpers.display: the rules by which numbers and tables are shown to a reader."""

import re

import numpy as np
import pandas as pd
import pytest

from helpers import display
from helpers.audit import Scorecard


@pytest.mark.parametrize(
    "p, shown",
    [
        (0.0312, "p = 0.031"),
        (0.001, "p = 0.001"),
        (0.00099, "p < 0.001"),
        (7.812e-51, "p < 0.001"),
        (1.0, "p = 1.000"),
    ],
)
def test_pvalue_three_decimals_or_a_bound(p, shown):
    assert display.pvalue(p) == shown
    assert display.pvalue_cell(p) == shown.removeprefix("p = ").removeprefix(
        "p "
    )


@pytest.mark.parametrize("bad", [-0.1, 1.5, float("nan")])
def test_pvalue_outside_the_unit_interval_is_refused(bad):
    with pytest.raises(ValueError, match="p must"):
        display.pvalue(bad)


@pytest.mark.parametrize(
    "value, se, shown",
    [
        (0.553412, 0.0417, "0.553 (0.042)"),
        (-1234.5, 310.2, "-1234 (310)"),
        (2.0, 0.15, "2.00 (0.15)"),
    ],
)
def test_estimate_to_the_precision_of_its_standard_error(value, se, shown):
    assert display.estimate(value, se) == shown


def test_a_zero_standard_error_is_refused():
    with pytest.raises(ValueError, match="se must be positive"):
        display.estimate(1.0, 0.0)


def headers(html: str) -> list[str]:
    return re.findall(r"<th\b[^>]*>(.*?)</th>", html)


def test_table_has_no_empty_header_and_keeps_long_text_whole():
    frame = pd.DataFrame(
        {"claim": ["x" * 300], "value": [1.23456]},
        index=pd.Index(["C1"], name="claim_id"),
    )
    html = display.table(frame)._repr_html_()
    assert headers(html) == ["claim_id", "claim", "value"]
    assert "x" * 300 in html and "..." not in html
    assert "1.235" in html and "1.23456" not in html


def test_an_unnamed_index_gets_a_header_screen_readers_can_read():
    html = display.table(pd.Series([1.0, 2.0], index=["a", "b"]))._repr_html_()
    assert all(h.strip() for h in headers(html))
    assert ">row<" in html


def test_table_formats_pvalue_columns_and_leaves_missing_cells_empty():
    frame = pd.DataFrame({"p": [0.2, 1e-9, np.nan], "b": [1.0, 2.0, 3.0]})
    shown = display.table(frame, index=False, pvalues=("p",)).frame
    assert shown["p"].tolist() == ["0.200", "< 0.001", ""]
    assert shown["b"].tolist() == ["1.000", "2.000", "3.000"]


def test_table_names_unknown_pvalue_columns():
    with pytest.raises(ValueError, match="pvalues names columns .*: q"):
        display.table(pd.DataFrame({"p": [0.1]}), pvalues=("q",))


def card(n: int) -> Scorecard:
    sc = Scorecard("Paper (2025)", "chapter")
    for i in range(n):
        sc.compare(
            f"C{i}",
            "Table 1",
            "a mean",
            1.00,
            1.00 + 0.004 * i,
            2,
            note=f"reason {i}",
        )
    return sc


def test_a_short_report_is_one_table_of_claim_numbers_status_and_reason():
    report = card(3).report()
    html = report._repr_html_()
    assert headers(html) == [
        "claim",
        "reported",
        "recomputed",
        "status",
        "reason",
    ]
    assert "<details>" not in html and "C2 (Table 1): a mean" in html


def test_a_long_report_is_a_summary_with_every_defect_and_the_rest_folded():
    # C0 and C1 within 0.005 of 1.00; C2-C19 discrepancies, each its own defect
    sc = card(20)
    html = sc.report()._repr_html_()
    head, folded = html.split("<details><summary>All 20 claims")
    assert sc.summary() == (
        "18 defects, shown by 18 of 20 claims (2 reproduced, 0 not reproducible)"
    )
    assert sc.summary() in head
    # every defect is a dropdown whose summary gives its reason, with its rows inside
    assert head.count('<details class="book-defect">') == 18
    assert (
        "<strong>C19</strong> (discrepancy)" in head
        and "C0 (Table 1)" not in head
    )
    assert "C0 (Table 1)" in folded


def test_report_since_takes_the_rows_a_section_added():
    sc = card(3)
    n = len(sc)
    sc.check("S1", "text", "a statement", "yes", "no", False, note="it fails")
    assert len(sc.report(since=n)) == 1
    with pytest.raises(ValueError, match="give claim_ids or since"):
        sc.report(["C0"], since=1)


def test_estimates_are_shown_to_the_precision_of_their_standard_errors():
    frame = pd.DataFrame(
        {
            "coef": [0.553412, -1234.5],
            "se": [0.0417, 310.2],
            "low": [0.47, -1842.2],
        }
    )
    shown = display.table(
        frame, index=False, errors={"coef": ("se", "low")}
    ).frame
    assert shown.to_dict("list") == {
        "coef": ["0.553", "-1234"],
        "se": ["0.042", "310"],
        "low": ["0.470", "-1842"],
    }
    with pytest.raises(ValueError, match="errors names columns .*: s.e."):
        display.table(frame, errors={"coef": "s.e."})


def test_explained_warnings_show_each_book_warning_once_as_a_note(monkeypatch):
    import warnings

    from helpers import display
    from helpers.pvar import InstrumentWarning

    shown = []
    monkeypatch.setattr(display, "_show", shown.append)
    with (
        pytest.warns(DeprecationWarning, match="not ours"),
        display.explained_warnings(),
    ):
        warnings.warn("J <cannot> test", InstrumentWarning, stacklevel=2)
        warnings.warn("J <cannot> test", InstrumentWarning, stacklevel=2)
        warnings.warn("not ours", DeprecationWarning, stacklevel=2)
    (note,) = shown
    html = note._repr_html_()
    assert 'class="admonition warning"' in html
    assert "J &lt;cannot&gt; test." in html and "too many instruments" in html
    assert repr(note).startswith("Read with care: J <cannot> test. There are")


def test_estimates_text_formats_numbers_to_their_standard_errors():
    from helpers.display import estimates_text
    from helpers.errors import InputError

    numbers = pd.DataFrame(
        {
            "param": [0.553412, -1234.5, 0.2],
            "std_error": [0.0417, 310.2, np.nan],
            "tstat": [13.27, -3.98, np.nan],
            "pvalue": [1e-9, 0.03, np.nan],
        },
        index=["a", "b", "c"],
    )
    text = estimates_text(numbers)
    assert text.loc["a"].tolist() == [
        "0.553",
        "0.042",
        "13.27",
        "< 0.001",
        "***",
    ]
    assert text.loc["b"].tolist() == ["-1234", "310", "-3.98", "0.030", "**"]
    # no standard error: the estimate alone, nothing that looks like a test
    assert text.loc["c"].tolist() == ["0.2", "", "", "", ""]
    with pytest.raises(InputError, match="lacks the column.s. pvalue"):
        estimates_text(numbers.drop(columns="pvalue"))


def test_warnings_of_the_package_show_as_notes_in_a_kernel(
    monkeypatch, capsys
):
    import warnings

    import IPython

    from helpers.errors import BookWarning

    class Singular(BookWarning):
        meaning = "The estimates stand; their standard errors do not."

    # what Python would show; restored after the test, as show_warnings_as_notes replaces it
    python_showed = []
    monkeypatch.setattr(
        warnings, "showwarning", lambda *shown: python_showed.append(shown)
    )
    monkeypatch.setattr(IPython, "get_ipython", lambda: object())
    display.show_warnings_as_notes()
    display.show_warnings_as_notes()  # a second call wraps nothing twice
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.warn("the weights are singular", Singular, stacklevel=1)
        warnings.warn("a plain warning", UserWarning, stacklevel=1)
    shown = capsys.readouterr()
    assert shown.out.count("Read with care: The weights are singular.") == 1
    assert "The estimates stand" in shown.out
    # passed on to Python's own display, not made a note
    assert "a plain warning" not in shown.out
    assert [str(m) for m, *_ in python_showed] == ["a plain warning"]


def test_outside_a_kernel_warnings_stay_warnings(monkeypatch):
    import warnings

    monkeypatch.setattr(warnings, "showwarning", warnings.showwarning)
    before = warnings.showwarning
    display.show_warnings_as_notes()
    assert warnings.showwarning is before
