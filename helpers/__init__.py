"""Methods behind the book *AI and Regional Development: Methods and Replications*.

One module per method family:

- :mod:`helpers.data`       -- loading the book's datasets through their manifests
- :mod:`helpers.audit`      -- the replication scorecard
- :mod:`helpers.inequality` -- Gini, Theil, Lorenz curves, concentration ratios and HHI
- :mod:`helpers.regional`   -- grouping provinces into regions and comparing them
- :mod:`helpers.plots`      -- the book's figures
- :mod:`helpers.explore`    -- thin ipywidgets wrappers around the tested helpers
"""

__version__ = "0.1.0"
