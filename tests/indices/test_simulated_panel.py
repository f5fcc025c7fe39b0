"""The simulated Gan & Zhang panel: regenerates byte-identically and has the shape it was built
for."""

import numpy as np

from helpers import coupling, data, indices
from helpers.indices import simulate as synthetic


def test_panel_regenerates_byte_identically(tmp_path):
    out = tmp_path / "panel.csv"
    meta = data.manifest("gan_zhang_simulated_panel")
    assert meta["synthetic"] is True
    assert (
        meta["generator"] == "helpers.indices.simulate.write_gan_zhang_panel"
    )
    synthetic.write_gan_zhang_panel(out, seed=meta["seed"])
    assert (
        out.read_bytes()
        == (data.DATA_DIR / "gan_zhang_simulated_panel.csv").read_bytes()
    )


def test_manifest_records_the_true_model():
    model = data.manifest("gan_zhang_simulated_panel")["true_model"]
    A = np.array(
        [
            [model["A"][eq][lag] for lag in model["order"]]
            for eq in model["order"]
        ]
    )
    np.testing.assert_array_equal(A, synthetic.TRUE_A.to_numpy())
    assert np.abs(np.linalg.eigvals(A)).max() < 1  # a stable VAR(1)


def test_panel_has_the_papers_indicator_system():
    panel = data.load("gan_zhang_simulated_panel")
    system = data.load("gan_zhang_indicators")
    assert system.groupby("system").size().to_dict() == {"AI": 9, "EMP": 22}
    assert set(system["indicator"]) <= set(panel.columns)
    assert panel["province_zh"].nunique() == 30 and "西藏" not in set(
        panel["province_zh"]
    )
    assert sorted(panel["year"].unique()) == list(range(2010, 2023))


def test_pipeline_on_the_panel_has_the_papers_shape():
    panel = data.load("gan_zhang_simulated_panel").set_index(
        ["province_zh", "year"]
    )
    system = data.load("gan_zhang_indicators")
    directions = dict(zip(system["indicator"], system["direction"]))
    result = {}
    for name, block in system.groupby("system"):
        structure = {
            d: list(g["indicator"])
            for d, g in block.groupby("dimension", sort=False)
        }
        columns = list(block["indicator"])
        result[name] = indices.hierarchical_index(
            panel[columns],
            structure,
            {c: directions[c] for c in columns},
            panel="pooled",
        ).index
    D = coupling.coordination_degree(result["AI"], result["EMP"])[
        "D"
    ].unstack()
    national = D.mean()
    assert 0.22 < national[2010] < 0.28 and 0.40 < national[2022] < 0.47
    assert D[2022].idxmax() == "广东"
    assert coupling.classify(D.at["广东", 2022])["level_zh"] == "初级协调"
    assert (
        D[2022].drop("广东") <= 0.6
    ).all()  # Guangdong alone reaches primary coordination
    assert D.loc[["北京", "上海"], 2022].between(0.5, 0.6).all()
    provinces = data.load("provinces").set_index("name_zh")["region"]
    ai_2022 = result["AI"].unstack()[2022].groupby(provinces).mean()
    assert ai_2022["Central"] > max(ai_2022["West"], ai_2022["Northeast"])


def test_each_simulated_city_follows_its_own_province():
    """A city's year-to-year changes are its province's plus noise: they match the province it
    is named after better than any other (city_panel once named cities after the provinces in
    alphabetical order while they followed the provinces in the data's order)."""
    from helpers.indices.simulate import SEED, city_panel, latent_scores

    cities = city_panel(60)
    provinces = latent_scores(SEED)
    latent = [c for c in cities.columns if c.startswith("latent_")]
    changes = {
        name: np.diff(provinces.loc[name].to_numpy(), axis=0)
        for name in provinces.index.get_level_values(0).unique()
    }
    for city, rows in cities.groupby("city"):
        own = np.diff(rows.sort_values("year")[latent].to_numpy(), axis=0)
        closest = min(changes, key=lambda p: np.abs(changes[p] - own).mean())
        assert closest == rows["province"].iloc[0], city
