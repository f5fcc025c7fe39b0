"""What the audits of Gan & Zhang (2025) in chapters 2, 3 and 4 share: the paper's name on the
scorecards, its claims file, and its regions with their sizes in the paper's sample.

Each family's ``gan_zhang`` module (:mod:`helpers.indices.gan_zhang`,
:mod:`helpers.coupling.gan_zhang`, :mod:`helpers.pvar.gan_zhang`) imports these from here and
re-exports them, so that a chapter reads ``gan_zhang.PAPER`` from its own family.
"""

from __future__ import annotations

from helpers import data

#: The paper as its scorecards name it.
PAPER = "Gan & Zhang (2025)"
#: The dataset of its printed numbers and statements (``data/gan_zhang_claims``).
CLAIMS = "gan_zhang_claims"
#: The NBS regions the paper groups the provinces into.
REGIONS = ["East", "Central", "West", "Northeast"]


def region_sizes() -> dict[str, int]:
    """Provinces per NBS region in the paper's sample: the 31 without Tibet.

    Returns
    -------
    dict of str to int
        The number of provinces in each of :data:`REGIONS`.
    """
    provinces = data.load("provinces").query("name_zh != '西藏'")
    return {
        region: int(n)
        for region, n in provinces["region"].value_counts().items()
    }
