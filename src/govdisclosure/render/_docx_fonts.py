"""The DOCX font table (``word/fontTable.xml``) entries of the GB/T 9704 fonts the DOCX rendering names.

A document names its fonts; where one is missing, the word processor picks another. The GB/T 9704 names
(仿宋_GB2312, 楷体_GB2312) are those of the old GB2312 fonts, which today's Windows ships as 仿宋 (FangSong) and
楷体 (KaiTi). Each entry gives the font's other name (``w:altName``, which Word tries when the named font is
missing) and its classification (PANOSE, the GB2312 character set, family and pitch, which Word matches a
substitute on), so that a reader without the old fonts gets the same faces rather than the body font.

LibreOffice (checked with 7.4) ignores ``w:altName`` and the classification: without any of these fonts it sets
every Chinese text in one fallback face (Noto Sans CJK on a Linux with Noto). The （一） headings are therefore
also bold (``_docx``), so that they stay apart from the body text there too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, NamedTuple

if TYPE_CHECKING:
    from docx.document import Document


class FontEntry(NamedTuple):
    """What the font table says of a font."""

    alt_name: str
    """Its other name: the family name of the same face as today's Windows installs it (as Word itself writes
    these entries: 楷体_GB2312 → 楷体, 黑体 → SimHei)."""
    panose: str
    """The PANOSE classification (10 bytes, hexadecimal), as Word writes it for the font (方正小标宋简体: none
    known, 2 "Latin text" and the rest "any")."""
    family: str
    """``w:family``: ``modern`` (a fixed-pitch face: the Chinese fonts), ``roman``, ``swiss``, ``auto``."""
    pitch: str
    """``w:pitch``: ``fixed`` or ``variable``."""


GB2312_CHARSET: Final = "86"
"""``w:charset`` of a Simplified Chinese font (GB2312_CHARSET, 134)."""

FONT_ENTRIES: Final = {
    "仿宋_GB2312": FontEntry("仿宋", "02010609030101010101", "modern", "fixed"),
    "楷体_GB2312": FontEntry("楷体", "02010609030101010101", "modern", "fixed"),
    "黑体": FontEntry("SimHei", "02010609060101010101", "modern", "fixed"),
    "宋体": FontEntry("SimSun", "02010600030101010101", "auto", "variable"),
    "方正小标宋简体": FontEntry("FZXiaoBiaoSong-B05S", "02000000000000000000", "auto", "variable"),
}
"""The entries, by the name the styles use."""

_FONT_TABLE: Final = "/word/fontTable.xml"


def add_font_entries(document: Document) -> None:
    """Write :data:`FONT_ENTRIES` into the document's font table (replacing entries of the same names)."""
    from docx.opc.oxml import serialize_part_xml
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement, parse_xml

    part = next(p for p in document.part.package.iter_parts() if p.partname == _FONT_TABLE)
    root = parse_xml(part.blob)
    for name, entry in FONT_ENTRIES.items():
        for old in root.findall(qn("w:font")):
            if old.get(qn("w:name")) == name:
                root.remove(old)
        font = OxmlElement("w:font", {qn("w:name"): name})
        # In the schema's order: altName, panose1, charset, family, pitch.
        for tag, value in (
            ("w:altName", entry.alt_name),
            ("w:panose1", entry.panose),
            ("w:charset", GB2312_CHARSET),
            ("w:family", entry.family),
            ("w:pitch", entry.pitch),
        ):
            font.append(OxmlElement(tag, {qn("w:val"): value}))
        root.append(font)
    # A plain part of python-docx's package: its bytes are what is written.
    part._blob = serialize_part_xml(root)
