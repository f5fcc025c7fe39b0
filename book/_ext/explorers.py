"""The chapters' explorers in the HTML book, without a kernel.

Every kernel the build starts inherits ``BOOK_INTERACTIVE_FIGURES=1`` (:data:`helpers._widget.
BOOK_BUILD`), so that each chapter's ``explorer.book_figure(...)`` precomputes its views over a
grid of its controls and shows them with the controls (``helpers._widget.BookExplorer``);
``book/_static/explorers.js``, loaded by every page, makes those controls move the figure. A
papermill run or JupyterLab, without the variable, shows the static figure next to the live widget.
"""

import os

from helpers._widget import BOOK_BUILD


def setup(app):
    os.environ[BOOK_BUILD] = "1"
    app.add_js_file("explorers.js")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
