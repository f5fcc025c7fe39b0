"""Accessibility fixes to the HTML that myst-nb writes into each page's body.

myst-nb renders a ``hide-input`` cell's toggle as ``<summary aria-label="Toggle hidden content">``
around the visible words "Show code cell source": a screen reader announces a name that does not
contain the words on screen (WCAG 2.5.3, label in name; axe-core's ``label-content-name-mismatch``,
a serious finding). Without the label the summary is named by its visible text.

docutils marks each bibliography entry ``role="doc-biblioentry"``, a role deprecated in DPUB-ARIA
1.1 and not allowed inside the ``role="list"`` around the entries (axe-core's
``aria-required-children``, a critical finding); ``role="listitem"`` is what the list needs.

The theme's own templates are fixed where they are overridden, in ``book/_templates``.
"""

FIXES = {
    '<summary aria-label="Toggle hidden content">': "<summary>",
    'role="doc-biblioentry"': 'role="listitem"',
}


def _body(app, pagename, templatename, context, doctree) -> None:
    if "body" in context:
        for found, fixed in FIXES.items():
            context["body"] = context["body"].replace(found, fixed)


def setup(app):
    app.connect("html-page-context", _body)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
