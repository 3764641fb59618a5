"""What an HTML document is made of, as a real HTML parser (the standard library's) sees it."""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


class Scan(HTMLParser):
    """Elements with their attribute names, attribute values, text, and the elements at the top level."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: Counter[tuple[str, tuple[str, ...]]] = Counter()
        self.attributes: list[tuple[str, str, str | None]] = []
        self.text: list[str] = []
        self.roots: list[str] = []
        self.others: list[str] = []  # comments, declarations, processing instructions
        self._depth = 0
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements[(tag, tuple(sorted(name for name, _ in attrs)))] += 1
        self.attributes.extend((tag, name, value) for name, value in attrs)
        if self._depth == 0:
            self.roots.append(tag)
        if tag not in VOID:
            self._depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self._depth -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID:
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.others.append(f"comment {data!r}")

    def handle_decl(self, decl: str) -> None:
        self.others.append(f"decl {decl!r}")

    def handle_pi(self, data: str) -> None:
        self.others.append(f"pi {data!r}")

    def unknown_decl(self, data: str) -> None:
        self.others.append(f"unknown {data!r}")

    @property
    def tags(self) -> set[str]:
        return {tag for tag, _ in self.elements}

    def values(self, name: str) -> list[str | None]:
        return [value for _, attr, value in self.attributes if attr == name]

    @property
    def all_text(self) -> str:
        return "".join(self.text)
