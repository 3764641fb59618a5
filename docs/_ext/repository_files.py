"""Links from the documentation to Markdown files and folders of the repository outside ``docs/``.

The pages link to ``../benchmarks/README.md`` and the like so that they work where the repository is read
as files (a code host, an editor). Sphinx cannot build those files (they are outside its source folder), so
in the HTML such a link becomes its text (the file's or folder's path): the reader of the site has the repository at
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
    """Replace a link to a Markdown file or a folder outside the source folder by its text."""

    default_priority = (
        5  # before Sphinx resolves references (ReferencesResolver is a post-transform)
    )

    def apply(self, **kwargs: Any) -> None:
        srcdir = Path(self.env.srcdir).resolve()
        here = Path(self.env.doc2path(self.env.docname)).resolve().parent
        for node in list(self.document.findall(addnodes.pending_xref)):
            if node.get("reftype") != "myst":
                continue
            target = str(node["reftarget"]).split("#", 1)[0]
            # MyST gives a document's name relative to the source folder, anything else as written.
            base = srcdir if node.get("refdomain") == "doc" else here
            path = (base / target).resolve()
            if path.is_relative_to(srcdir):
                continue
            if path.is_dir() or path.with_suffix(".md").is_file():
                text = nodes.inline("", "", *node.children, classes=["repository-file"])
                node.replace_self(text)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_transform(RepositoryFileLinks)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
