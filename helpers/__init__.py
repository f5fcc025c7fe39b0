"""Methods behind the book *AI and Regional Development: Methods and Replications*.

One subpackage per method family, each holding its estimators, its simulated data, its figures
(``figures``), its explorer widget (``widget``) and the audit of its paper's printed claims:

- :mod:`helpers.regional`     -- inequality and concentration, regions of China (chapter 1)
- :mod:`helpers.indices`      -- composite indices with entropy weights, the simulated panel
  (chapter 2)
- :mod:`helpers.coupling`     -- the coupling coordination degree model (chapter 3)
- :mod:`helpers.pvar`         -- panel VARs by difference and system GMM, their specification
  tests, the half-panel jackknife (chapter 4)
- :mod:`helpers.timeseries`   -- unit roots (also in panels), VARs, variance decompositions,
  Johansen and the VECM, Toda-Yamamoto causality (chapter 5)
- :mod:`helpers.crosscountry` -- levels against shares of GDP across economies (chapter 6)
- :mod:`helpers.ushape`       -- testing for a U shape (chapter 7)

Each family's ``reading`` module writes what its chapter says about the data of a run. Shared by
all: :mod:`helpers.data` (datasets through their manifests), :mod:`helpers.online` (optional
downloads), :mod:`helpers.audit` (the replication scorecard), :mod:`helpers.errors` (the one-line
errors), :mod:`helpers.parameters` and :mod:`helpers.chapters` (the chapters' parameters and
inputs, checked before a chapter runs), :mod:`helpers.runs` (a run's outputs and its
``manifest.json``) and :mod:`helpers.paths`.
Modules whose names start with an underscore are internal: input checks (``_checks``), the figure
style (``_style``), the widget base (``_widget``), the VAR algebra (``_var``), test statistics
(``_stats``) and panel tools shared by chapters 4 and 5 (``_panel``: a long panel as a table,
Pesaran's CD test).

The estimators import without matplotlib or ipywidgets; only ``figures`` and ``widget`` modules need
them.
"""

__version__ = "0.3.0"
