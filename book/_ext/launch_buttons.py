"""Launch buttons (the rocket menu) only on the chapters, which are Jupyter notebooks.

sphinx-book-theme gives every executed page a rocket menu, including the guides written as MyST
Markdown with code cells (the data page, the replicators' and the instructors' guides). Its
links open the page's ``.md`` source, which Colab cannot read at all and Binder shows as text
(its image has no jupytext): a reader who follows them gets an error or a page of source. The
guides' code runs in any chapter's notebook or in a terminal, as the guides say, so their menu
is removed.
"""


def _notebooks_only(app, pagename, templatename, context, doctree) -> None:
    if context.get("page_source_suffix") == ".ipynb":
        return
    buttons = context.get("header_buttons")
    if buttons:
        buttons[:] = [b for b in buttons if b.get("label") != "launch-buttons"]


def setup(app):
    # after sphinx-book-theme adds the menu (priority 501)
    app.connect("html-page-context", _notebooks_only, priority=502)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
