"""Methods behind the book *AI and Regional Development: Methods and Replications*.

One module per method family:

- :mod:`helpers.data`       -- loading the book's datasets through their manifests
- :mod:`helpers.audit`      -- the replication scorecard
- :mod:`helpers.inequality` -- Gini, Theil, Lorenz curves, concentration ratios and HHI
- :mod:`helpers.regional`   -- grouping provinces into regions and comparing them
- :mod:`helpers.indices`    -- composite indices with entropy weights (熵值法)
- :mod:`helpers.coupling`   -- the coupling coordination degree model (耦合协调度)
- :mod:`helpers.pvar`       -- panel VARs by difference and system GMM, IRFs and FEVD
- :mod:`helpers.synthetic`  -- simulated data, labelled as such, for papers that publish none
- :mod:`helpers.plots`      -- the book's figures
- :mod:`helpers.explore`    -- thin ipywidgets wrappers around the tested helpers
"""

__version__ = "0.1.0"
