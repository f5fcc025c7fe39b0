"""The book's figure style: one palette, one way to start a figure, one way to hand it to a widget.

Colours come from the Okabe-Ito palette, which stays distinguishable under the common forms of
colour blindness (Okabe & Ito 2008, *Color Universal Design*).
"""

from __future__ import annotations

import io

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from helpers import _checks

#: Fonts with Chinese characters, in order of preference: Debian's and Google's Noto, Adobe's
#: Source Han, WenQuanYi on Linux; Microsoft YaHei and SimHei on Windows; PingFang on macOS.
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Heiti SC",
)


def _fall_back_to_cjk() -> str | None:
    """Let figures draw Chinese names (a replicator's cities or counties) with the first
    installed font of :data:`CJK_FONTS`, after the default font; return its name (None when
    none is installed: matplotlib then draws boxes and warns of the missing glyphs)."""
    from matplotlib import font_manager, rcParams

    installed = {f.name for f in font_manager.fontManager.ttflist}
    found = next((f for f in CJK_FONTS if f in installed), None)
    families = list(rcParams["font.family"])
    if found and found not in families:
        # matplotlib (3.6+) takes a glyph missing from one family from the next
        rcParams["font.family"] = [*families, found]
    return found


CJK_FONT = _fall_back_to_cjk()

#: Okabe-Ito colours in the order the book uses them for series.
PALETTE = [
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
]

#: Fixed colours for the National Bureau of Statistics' regions (and the three belts).
GROUP_COLOURS = {
    "East": "#0072B2",
    "Central": "#E69F00",
    "Northeast": "#CC79A7",
    "West": "#009E73",
}
#: Colours for the reference line or point of a figure (a mean, a truth, a critical value).
HIGHLIGHT = "#D55E00"
BAND = "#56B4E9"


def group_colours(groups) -> dict:
    """A colour per group label: the book's fixed colours for the regions, then the palette; a
    grouping of other units (none of the regions) gets the whole palette, grey beyond eight."""
    present = list(pd.unique(pd.Series(list(groups))))
    fixed = any(g in GROUP_COLOURS for g in present)
    known = list(GROUP_COLOURS)
    present = sorted(
        present,
        key=lambda g: (
            (known.index(g), [])
            if g in known
            else (len(known), _checks.natural_key(g))
        ),
    )
    spare = iter(
        [c for c in PALETTE if c not in GROUP_COLOURS.values()]
        if fixed
        else PALETTE
    )
    return {g: GROUP_COLOURS.get(g) or next(spare, "#999999") for g in present}


def axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    """``ax``, or the axes of a new pyplot figure of ``size`` inches (constrained layout)."""
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def figure(fig: Figure | None, size: tuple[float, float]) -> Figure:
    """``fig`` cleared for redrawing, or a new pyplot figure of ``size`` inches."""
    if fig is None:
        import matplotlib.pyplot as plt

        return plt.figure(figsize=size)
    fig.clear()
    return fig


def png(fig: Figure) -> bytes:
    """The figure as PNG bytes (for an ``ipywidgets.Image``)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()
