"""What the rules find on the real pages (tests/fixtures/real/), and the reviewed list of it.

    python tests/validate/regen_real_corpus.py

parses every page of the real corpus with the library's parser, validates the report with every rule (the
parser's diagnostics passed on, as ``govdisclosure batch`` does) and writes, for each page, how many times
each code fires to ``tests/validate/real_corpus_findings.json``. Review the change by eye (``git diff
tests/validate/real_corpus_findings.json``: every code a page gains is a finding to check against the page
and its entry in the corpus's truth file) before committing it. The tests never regenerate it:
``tests/validate/test_real_corpus.py`` fails on any difference, so a new false alarm fails the build.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fixtures" / "real"
FINDINGS = ROOT / "tests" / "validate" / "real_corpus_findings.json"
_PAGES = (".txt", ".html", ".htm")


def pages() -> list[Path]:
    """The pages of the real corpus, by name."""
    return sorted(p for p in CORPUS.iterdir() if p.suffix in _PAGES)


def findings(page: Path) -> dict[str, int]:
    """How many times each rule fires on ``page``, parsed as its suffix says (text or HTML)."""
    from govdisclosure import parse_html, parse_text, validate

    data = page.read_bytes()
    result = parse_text(data.decode("utf-8-sig")) if page.suffix == ".txt" else parse_html(data)
    found = validate(result.report, parse_diagnostics=result.diagnostics)
    return dict(sorted(Counter(d.code for d in found).items()))


def all_findings() -> dict[str, dict[str, int]]:
    """Every page's findings, by page name."""
    return {page.name: findings(page) for page in pages()}


def main() -> int:
    sys.path.insert(0, str(ROOT / "src"))
    text = json.dumps(all_findings(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    old = FINDINGS.read_text(encoding="utf-8") if FINDINGS.exists() else None
    FINDINGS.write_text(text, encoding="utf-8")
    print(f"{'unchanged' if old == text else 'written  '} {FINDINGS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
