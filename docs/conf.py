"""Sphinx configuration of the govdisclosure documentation (Markdown sources read by MyST-Parser).

Build: ``python -m pip install -e '.[docs]' && sphinx-build -W --keep-going -b html docs docs/_build/html``.
Nothing is fetched from the network: no intersphinx inventories, no remote images.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))  # document this tree's package, installed or not
sys.path.insert(0, str(Path(__file__).resolve().parent / "_ext"))

import govdisclosure  # noqa: E402

project = "govdisclosure"
author = "govdisclosure developers"
copyright = "govdisclosure developers"
release = govdisclosure.__version__
version = ".".join(release.split(".")[:2])

# The reports, their labels and most examples are Chinese: the page says so (<html lang="zh-CN">), so that
# browsers pick Simplified Chinese glyphs, and the search index splits Chinese words (依申请公开 is found).
# The prose is English; Sphinx's own labels (搜索, 下一页 …) come in Chinese with this setting.
language = "zh_CN"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "repository_files",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
templates_path: list[str] = []

# MyST: Markdown that reads the same on a code host. Headings get anchors for links like rules.md#gd101.
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# autodoc: members in source order, as each module's __all__ presents them; docstrings are reST with
# doctests; the two NumPy-style headings of render_html become rubrics.
autodoc_member_order = "bysource"
autodoc_default_options = {"members": True, "show-inheritance": True}
autodoc_typehints = "signature"
autodoc_preserve_defaults = True
napoleon_google_docstring = False
napoleon_numpy_docstring = True
napoleon_custom_sections = ["Templates", "Overriding"]

# No network: no intersphinx, and nothing else that fetches.
html_theme = "furo"
html_title = "govdisclosure"
html_static_path: list[str] = []
html_last_updated_fmt = None
html_show_sourcelink = False
