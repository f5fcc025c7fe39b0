"""The provincial panel of chapters 2-4: the book's simulation of Gan & Zhang's data, or a
replicator's file with the same columns."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers import _checks, data

DATASET = "gan_zhang_simulated_panel"


def load_panel(path: str | Path | None = None) -> pd.DataFrame:
    """The panel indexed by (``province_zh``, ``year``), with each province's NBS ``region`` and
    English name ``name_en`` added as columns.

    ``path=None`` loads the shipped simulation; a replicator's CSV is checked against the same
    schema (:func:`helpers.data.load`), and its province names against the province table.
    """
    panel = data.load(DATASET, path=path)
    provinces = data.load("provinces").set_index("name_zh")
    unknown = sorted(set(panel["province_zh"]) - set(provinces.index))
    if unknown:
        raise data.DataError(
            f"{Path(path).name if path else DATASET}: province names not in the province table: "
            f"{_checks.labels(unknown)}; expected short names such as 北京, 内蒙古, 新疆"
        )
    names = panel["province_zh"]
    panel = panel.assign(
        region=provinces.loc[names, "region"].to_numpy(), name_en=provinces.loc[names, "name_en"].to_numpy()
    )
    return panel.set_index(["province_zh", "year"])
