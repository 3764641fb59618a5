"""Bytes to text, and text cleaned for matching: what a page is before the parser reads it.

- :func:`decode_html`: an HTML page's bytes by its byte order mark, then its ``<meta charset>``, then
  UTF-8, then GB18030 (the superset of the GB2312 and GBK that portals declare).
- :func:`decode_text`: a plain-text file's bytes by its byte order mark (UTF-8, UTF-16, UTF-32), then
  UTF-8 (a few bad bytes in otherwise UTF-8 text are replaced and reported, not taken as a sign of
  GB18030), then GB18030.
- :func:`clean_text`: the text with the characters that hide words from matching removed (format
  characters such as U+200B, bidi controls, U+FEFF, soft hyphens; control characters but tab and line
  ends) and lone surrogates replaced by U+FFFD, each reported once with a count.

Only *text* encodings are accepted: a page declaring ``charset=rot13``, ``base64``, ``zlib`` or
``undefined`` names a codec of Python's, not an encoding of the web, and is decoded as if it declared
none (GP003). So is UTF-7, which no browser decodes (it smuggles markup past filters).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from typing import Final

from govdisclosure.model import Diagnostic, Span
from govdisclosure.parse._codes import diagnostic

__all__ = ["clean_text", "decode_html", "decode_text"]

_META_CHARSET: Final = re.compile(
    rb"""<meta[^>]{0,500}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]{1,40})""", re.I
)
# GB2312 and GBK pages are decoded as GB18030, their superset (as the WHATWG Encoding Standard maps gb2312).
_GB: Final = frozenset(
    {"gb2312", "gbk", "x-gbk", "gb_2312-80", "gb_2312", "chinese", "csgb2312", "iso-ir-58", "cp936"}
    | {"windows-936", "gb18030", "csgbk", "euc-cn", "x-euc-cn", "hz-gb-2312"}
)
# The encodings of the WHATWG Encoding Standard (what a browser decodes), by Python's codec name. A label
# Python knows but that names none of these (rot13, base64, zlib, undefined, utf-7, idna …) is unknown.
_WEB_CODECS: Final = frozenset(
    {"utf-8", "gb18030", "big5", "big5hkscs", "euc_jp", "iso2022_jp", "shift_jis", "euc_kr"}
    | {"utf-16-le", "utf-16-be", "utf-16", "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic"}
    | {"cp866", "cp874", "ascii", "latin-1", "iso8859-2", "iso8859-3", "iso8859-4", "iso8859-5"}
    | {"iso8859-6", "iso8859-7", "iso8859-8", "iso8859-10", "iso8859-13", "iso8859-14"}
    | {"iso8859-15", "iso8859-16"}
    | {f"cp{n}" for n in range(1250, 1259)}
)
_BOMS: Final = (
    # UTF-32 before UTF-16: the UTF-32-LE mark starts with the UTF-16-LE one.
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Text is taken as UTF-8 with damage (not as GB18030) when at most this share of it fails to decode.
_DAMAGED_UTF8_SHARE: Final = 0.01
_ZERO: Final = Span(0, 0)


def _codec(label: str) -> str | None:
    """Python's codec for an encoding label of the web, or ``None`` for one that is not."""
    name = label.strip().lower()
    if name in _GB:
        return "gb18030"
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return codec if codec in _WEB_CODECS else None


def _by_bom(data: bytes, notes: list[Diagnostic]) -> tuple[str, str] | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _replacing(data[len(bom) :], codec, notes), codec
    return None


def decode_html(data: bytes) -> tuple[str, str, list[Diagnostic]]:
    """The text of an HTML page, the codec used, and diagnostics when it was guessed or damaged.

    >>> decode_html("<meta charset=gbk>德化".encode("gbk"))[0:2]
    ('<meta charset=gbk>德化', 'gb18030')
    >>> text, codec, notes = decode_html("德化".encode("gb18030"))
    >>> codec, [d.code for d in notes]
    ('gb18030', ['GP002'])
    >>> text, codec, notes = decode_html(b"<meta charset=rot13><p>abc")  # no text encoding: undeclared
    >>> codec, [d.code for d in notes]
    ('utf-8', ['GP003'])
    """
    notes: list[Diagnostic] = []
    by_bom = _by_bom(data, notes)
    if by_bom is not None:
        return by_bom[0], by_bom[1], notes
    m = _META_CHARSET.search(data[:8192])
    if m is not None:
        declared = m.group(1).decode("ascii", "replace")
        declared_codec = _codec(declared)
        # A UTF-16 declaration in a page without a byte order mark is a lie the page's ASCII markup proves.
        if declared_codec is not None and not declared_codec.startswith("utf-16"):
            codec = declared_codec
            try:
                return data.decode(codec), codec, notes
            except UnicodeDecodeError:
                other = "gb18030" if codec == "utf-8" else "utf-8"
                try:
                    text = data.decode(other)
                except UnicodeDecodeError:
                    return _replacing(data, codec, notes), codec, notes
                notes.append(diagnostic("GP006", "$", _ZERO, declared=declared, encoding=other))
                return text, other, notes
        notes.append(diagnostic("GP003", "$", _ZERO, declared=declared[:40], encoding="UTF-8"))
    text, codec = _utf8_or_gb18030(data, notes, declared=m is not None)
    if m is None and codec == "utf-8" and not notes:
        notes.append(diagnostic("GP001", "$", _ZERO, encoding="UTF-8"))
    return text, codec, notes


def decode_text(data: bytes) -> tuple[str, str, list[Diagnostic]]:
    """The text of a plain-text file, the codec used, and diagnostics when it was guessed or damaged.

    >>> decode_text("德化".encode("utf-16"))[:2]
    ('德化', 'utf-16-le')
    >>> text, codec, notes = decode_text("德化县科学技术局".encode() + b"\\xff")
    >>> text, codec, [d.code for d in notes]
    ('德化县科学技术局\\ufffd', 'utf-8', ['GP004'])
    >>> text, codec, notes = decode_text("德化县科学技术局".encode("gb18030"))
    >>> text, codec, [d.code for d in notes]
    ('德化县科学技术局', 'gb18030', ['GP002'])
    """
    notes: list[Diagnostic] = []
    by_bom = _by_bom(data, notes)
    if by_bom is not None:
        return by_bom[0], by_bom[1], notes
    text, codec = _utf8_or_gb18030(data, notes, declared=False)
    return text, codec, notes


def _utf8_or_gb18030(data: bytes, notes: list[Diagnostic], *, declared: bool) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Mostly UTF-8 with a few bad bytes (a stray \xff, a cut multi-byte character) is damaged UTF-8:
    # decoding all of it as GB18030 would turn every Chinese character into two wrong ones.
    utf8 = data.decode("utf-8", errors="replace")
    bad = utf8.count("\ufffd")
    if bad <= max(1, int(len(utf8) * _DAMAGED_UTF8_SHARE)) and _has_multibyte_utf8(data):
        notes.append(diagnostic("GP004", "$", _ZERO, count=bad, encoding="utf-8"))
        return utf8, "utf-8"
    if not declared:
        notes.append(diagnostic("GP002", "$", _ZERO, encoding="GB18030"))
    return _replacing(data, "gb18030", notes), "gb18030"


def _has_multibyte_utf8(data: bytes) -> bool:
    """Whether the bytes hold well-formed multi-byte UTF-8 sequences (evidence that the text is UTF-8)."""
    return re.search(rb"[\xe0-\xef][\x80-\xbf]{2}", data) is not None


def _replacing(data: bytes, codec: str, notes: list[Diagnostic]) -> str:
    text = data.decode(codec, errors="replace")
    bad = text.count("\ufffd")
    if bad:
        notes.append(diagnostic("GP004", "$", _ZERO, count=bad, encoding=codec))
    return text


# -------------------------------------------------------------------------------------------------
# Cleaning for matching

# Format characters (category Cf: zero-width spaces and joiners, bidi controls, U+FEFF, soft hyphen …),
# control characters other than tab, line feed, carriage return and form feed, and lone surrogates.
_HIDDEN_CHARS: Final = frozenset(
    [chr(c) for c in (*range(0x09), 0x0B, *range(0x0E, 0x20), *range(0x7F, 0xA0))]
    + [chr(c) for c in range(0xD800, 0xE000)]
    + [chr(c) for c in range(0xA0, 0x110000) if unicodedata.category(chr(c)) == "Cf"]
)
_HIDDEN: Final = re.compile("[" + "".join(re.escape(ch) for ch in sorted(_HIDDEN_CHARS)) + "]")
# Characters of none of the ranges pages are made of (CJK ideographs, printable ASCII, the line breaks
# and tab, CJK and fullwidth punctuation, general punctuation, printable Latin-1), none of which is
# hidden (a test checks it). The regex engine scans a text for one of them at C speed without making a
# string object of each character, as a set's isdisjoint over a str does (7× slower on the seed page).
_UNUSUAL: Final = re.compile(
    "[^\u4e00-\u9fff\x20-\x7e\n\r\t\x0c\u3000-\u303f\uff01-\uffef\u2010-\u2027\u2030-\u205e"
    "\xa0-\xac\xae-\xff]"
)


def _has_hidden(text: str) -> bool:
    """Whether ``text`` has a character of :data:`_HIDDEN_CHARS`: only its unusual characters are
    looked at (a text of many, in another script, is handed to the set test after the first 64)."""
    for k, m in enumerate(_UNUSUAL.finditer(text)):
        if m.group() in _HIDDEN_CHARS:
            return True
        if k == 64:
            return not _HIDDEN_CHARS.isdisjoint(text[m.end() :])
    return False


def clean_text(text: str, *, at: Span | None = None) -> tuple[str, list[Diagnostic]]:
    """The text without the invisible characters that hide words from matching, and what was done.

    Format and control characters are removed (GP020, with a count and the first one's code point);
    lone surrogates, which no encoding can write, are replaced by U+FFFD (GP021). The parser reads the
    cleaned text, and its spans refer to it; ``at`` puts every diagnostic there instead (for markup,
    whose positions are not those of the text read).

    >>> text, notes = clean_text("一\\u200b、总体情况\\ud800")
    >>> text, [(d.code, d.found) for d in notes]
    ('一、总体情况\\ufffd', [('GP020', 'U+200B'), ('GP021', None)])
    """
    if not _has_hidden(text):  # the common case: nothing to remove
        return text, []
    notes: list[Diagnostic] = []
    removed = 0
    first_hidden: tuple[int, str] | None = None
    first_surrogate: int | None = None
    hidden = surrogates = 0
    out: list[str] = []
    last = 0
    for m in _HIDDEN.finditer(text):
        out.append(text[last : m.start()])
        last = m.end()
        position = m.start() - removed
        if _surrogate(m.group()):
            surrogates += 1
            out.append("\ufffd")
            if first_surrogate is None:
                first_surrogate = position
        else:
            hidden += 1
            removed += 1
            if first_hidden is None:
                first_hidden = (position, f"U+{ord(m.group()):04X}")
    out.append(text[last:])
    if first_hidden is not None:
        position_of_hidden, code_point = first_hidden
        span = Span(position_of_hidden, position_of_hidden) if at is None else at
        notes.append(diagnostic("GP020", "$", span, found=code_point, count=hidden))
    if first_surrogate is not None:
        span = Span(first_surrogate, first_surrogate + 1) if at is None else at
        notes.append(diagnostic("GP021", "$", span, count=surrogates))
    return "".join(out), notes


def _surrogate(char: str) -> bool:
    return "\ud800" <= char <= "\udfff"
