"""Make printed output render the same however the kernel split it.

myst-nb merges a cell's stream outputs (``nb_merge_streams``) by stripping each chunk and adding a
newline. The kernel sends printed text in chunks timed by its flush interval, and a chunk can end
mid-line: ``print("a"); print("b")`` may arrive as ``"a"`` and ``"\\nb\\n"``, which myst-nb
renders with a blank line between ``a`` and ``b``. So the same chapter could render differently
from one build to the next. Here the chunks of each stream are joined as they came before
myst-nb's merge runs.

The same hook leaves out what a run shows only for notebooks that nothing else fills
(``helpers.runs``): each sentence of the prose as a Markdown output where it is computed, and the
note of where the run wrote its files. The book's prose shows the sentences, and the build's runs
write to temporary folders a reader has no use for.
"""

from myst_nb.core import render
from myst_nb.core.utils import coalesce_streams as _myst_nb_coalesce

#: the metadata keys of those outputs (helpers.runs.PROSE_KEY and RUN_KEY)
RUN_ONLY = ("book_prose", "book_run")


def coalesce_streams(outputs: list) -> list:
    """Join each stream's chunks in order, then apply myst-nb's merge (its stripping, ``\\r`` and
    ``\\b`` handling and stdout-before-stderr order) to the joined text; drop the outputs meant
    for a run without the book."""
    joined, by_name = [], {}
    for output in outputs:
        if any(key in output.get("metadata", {}) for key in RUN_ONLY):
            continue
        if output.get("output_type") == "stream":
            name = output["name"]
            if name in by_name:
                by_name[name]["text"] += output["text"]
                continue
            output = output.copy()
            by_name[name] = output
        joined.append(output)
    return _myst_nb_coalesce(joined)


def setup(app):
    render.coalesce_streams = coalesce_streams
    return {"parallel_read_safe": True, "parallel_write_safe": True}
