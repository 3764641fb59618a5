"""Links from the documentation to Markdown files of the repository outside ``docs/``.

The pages link to ``../benchmarks/README.md`` and the like so that they work where the repository is read
as files (a code host, an editor). Sphinx cannot build those files (they are outside its source folder), so
in the HTML such a link becomes its text, the file's path: the reader of the site has the repository at
hand. Links to other files (``../examples/dehua_2014/page.txt``) are MyST's download links and need nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform


class RepositoryFileLinks(SphinxTransform):
    """Replace a link to a Markdown file outside the source folder by its text."""

    default_priority = (
        5  # before Sphinx resolves references (ReferencesResolver is a post-transform)
    )

    def apply(self, **kwargs: Any) -> None:
        srcdir = Path(self.env.srcdir).resolve()
        for node in list(self.document.findall(addnodes.pending_xref)):
            if node.get("refdomain") != "doc" or node.get("reftype") != "myst":
                continue
            target = (srcdir / node["reftarget"]).resolve()
            if target.is_relative_to(srcdir) or not target.with_suffix(".md").is_file():
                continue
            text = nodes.inline("", "", *node.children, classes=["repository-file"])
            node.replace_self(text)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_transform(RepositoryFileLinks)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
