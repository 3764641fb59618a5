"""pytest configuration of the repository root: the documentation's code blocks are tests.

``testpaths`` (pyproject.toml) lists README.md, CONTRIBUTING.md, docs and examples/README.md; Sybil
(tests/docblocks.py) finds and runs their code blocks. The Sphinx configuration and build are not tests.
"""

from tests.docblocks import SYBIL

pytest_collect_file = SYBIL.pytest()

collect_ignore = ["docs/conf.py"]
collect_ignore_glob = ["docs/_build/*", "docs/_ext/*"]
