"""The same publisher across years (发布机构): a key from the normalised name and the user's aliases, and
the names that look alike but are not paired (a rename or an abbreviation nobody told us about)."""

from __future__ import annotations

import collections
import csv
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import attrs

_SPACE = re.compile(r"\s+")
_CREDIT_CODE = re.compile(r"[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}")
"""统一社会信用代码 (GB 32100-2015): 18 characters, no I, O, S, V, Z."""
_AREA_CODE = re.compile(r"[0-9]{6}(?:[0-9]{6})?")
"""行政区划代码 (GB/T 2260, 6 digits) or the 12-digit 统计用区划代码."""
_CJK_INSERT = re.compile(r"[\u3400-\u9fff]+")
# The ends of the names of administrative divisions (省 市 县 区 旗 盟 镇 乡 街道): a run of two or more added
# characters ending so is a place inside the shorter name's place, not an abbreviation spelt out; except the
# words that end so but name no place (县规划局 / 县城乡规划局, 县管理局 / 县城市管理局).
_PLACE_ENDS = ("省", "市", "县", "区", "旗", "盟", "镇", "乡", "街道")
_NOT_PLACES = frozenset({"城乡", "城市", "地区", "城区"})


def normalise_name(name: str) -> str:
    """The name compared: NFKC (full-width letters and brackets folded), spaces dropped.

    Only what cannot change the agency: an abbreviation (县科技局 for 县科学技术局) is a different name,
    paired through an alias file, and reported by :func:`lookalikes` until it is.

    >>> normalise_name(" 清溪县 自然资源局（林业局）")
    '清溪县自然资源局(林业局)'
    """
    return _SPACE.sub("", unicodedata.normalize("NFKC", name))


class AliasError(ValueError):
    """A bad alias file: the message names the file, the line and what was expected."""


@attrs.frozen
class Alias:
    """One line of an alias file (机构别名): a name, the canonical name it stands for, and a code."""

    alias: str
    """别名: a name the agency published under (abbreviated, or before a rename)"""
    canonical: str
    """规范名称: the name the agency is known by"""
    code: str | None = None
    """统一社会信用代码 or 行政区划代码, optional: aliases with the same code are the same publisher"""


@attrs.frozen
class Publishers:
    """Publisher keys (机构键): a name's key is its canonical name (normalised), through the aliases.

    Without aliases the key is the normalised name. Aliases with the same code share one key (the first
    canonical name given with that code).

    >>> p = Publishers.of([Alias("县科技局", "县科学技术局")])
    >>> p.key("县科技局"), p.key("县科学技术局"), p.key("县 财政局")
    ('县科学技术局', '县科学技术局', '县财政局')
    """

    keys: Mapping[str, str] = attrs.field(factory=dict)
    """normalised name → key"""
    codes: Mapping[str, str] = attrs.field(factory=dict)
    """key → code"""

    @classmethod
    def of(cls, aliases: Iterable[Alias]) -> Publishers:
        keys: dict[str, str] = {}
        codes: dict[str, str] = {}
        by_code: dict[str, str] = {}
        for a in aliases:
            key = normalise_name(a.canonical)
            if a.code:
                key = by_code.setdefault(a.code, key)
                codes.setdefault(key, a.code)
            keys[normalise_name(a.alias)] = key
            keys.setdefault(normalise_name(a.canonical), key)
        return cls(keys, codes)

    def key(self, name: str | None) -> str | None:
        """The publisher key of a name (None for None or a name that is empty once normalised)."""
        if name is None:
            return None
        normal = normalise_name(name)
        if not normal:
            return None
        return self.keys.get(normal, normal)

    def code(self, key: str | None) -> str | None:
        """The code given for a key in the alias file, if any."""
        return None if key is None else self.codes.get(key)


def load_aliases(path: str | Path) -> Publishers:
    """Read an alias file: CSV (UTF-8, a BOM allowed) with the header ``alias,canonical`` and optionally
    ``code`` (统一社会信用代码, 18 characters, or 行政区划代码, 6 or 12 digits), one alias a line.

    Raises :class:`AliasError` naming the file and line of anything else.
    """
    name = str(path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            header = reader.fieldnames or []
            missing = [c for c in ("alias", "canonical") if c not in header]
            if missing:
                raise AliasError(
                    f"{name}:1: expected the header alias,canonical[,code], got {','.join(header)}"
                )
            aliases = []
            for row in reader:
                line = reader.line_num
                alias, canonical = (
                    (row.get("alias") or "").strip(),
                    (row.get("canonical") or "").strip(),
                )
                code = (row.get("code") or "").strip().upper() or None
                if not alias or not canonical:
                    raise AliasError(f"{name}:{line}: expected an alias and a canonical name")
                if code is not None and not (
                    _CREDIT_CODE.fullmatch(code) or _AREA_CODE.fullmatch(code)
                ):
                    raise AliasError(
                        f"{name}:{line}: code {code!r}: expected a 统一社会信用代码 (18 characters) "
                        "or a 行政区划代码 (6 or 12 digits)"
                    )
                aliases.append(Alias(alias, canonical, code))
    except OSError as exc:
        raise AliasError(f"{name}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise AliasError(f"{name}: not UTF-8 text") from None
    return Publishers.of(aliases)


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def looks_alike(a: str, b: str) -> bool:
    """Whether two (normalised) names look like the same agency: the shorter's characters appear in the
    longer in order, they start alike, and what the longer adds is Chinese text (an abbreviation:
    县科技局 / 县科学技术局, 市政府办 / 市人民政府办公室), not a number (第1局 / 第10局 are two units) and not
    a place inside the place (市 / 市洪泽区: a district's agency).

    >>> looks_alike("县科技局", "县科学技术局"), looks_alike("市政府办", "市人民政府办公室")
    (True, True)
    >>> looks_alike("德化县第1局", "德化县第10局"), looks_alike("县财政局", "县科技局")
    (False, False)
    >>> looks_alike("淮安市人民政府", "淮安市洪泽区人民政府")  # a district's government, not the city's
    False
    """
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 3 or short == long or short[0] != long[0] or not _subsequence(short, long):
        return False
    # what the longer adds: its characters not matched by the shorter, in order (greedy match), as runs
    runs: list[str] = []
    i, run = 0, ""
    for c in long:
        if i < len(short) and c == short[i]:
            i += 1
            if run:
                runs.append(run)
                run = ""
        else:
            run += c
    if run:
        runs.append(run)
    added = "".join(runs)
    if not _CJK_INSERT.fullmatch(added):
        return False
    # a place name put in (淮安市人民政府 / 淮安市洪泽区人民政府) names a unit inside the place: another agency
    return not any(len(r) >= 2 and r.endswith(_PLACE_ENDS) and r not in _NOT_PLACES for r in runs)


@attrs.frozen
class Lookalike:
    """Two publisher keys whose names look alike but are not paired (相似机构名称未配对)."""

    name_a: str
    name_b: str
    years_a: tuple[int, ...]
    years_b: tuple[int, ...]

    def row(self) -> tuple[object, ...]:
        """The row of the ``lookalikes`` table."""
        return (
            self.name_a,
            self.name_b,
            " ".join(map(str, self.years_a)),
            " ".join(map(str, self.years_b)),
            not set(self.years_a) & set(self.years_b),
        )


def lookalikes(years: Mapping[str, Iterable[int]]) -> Iterator[Lookalike]:
    """The pairs of publisher keys (with the years of their reports) that :func:`looks_alike`, sorted.

    Candidates come from an index of characters (the shorter name's characters must all be in the
    longer), so the search is far from quadratic on a province's thousands of names.
    """
    names = sorted(years)
    postings: dict[str, set[int]] = collections.defaultdict(set)
    for i, name in enumerate(names):
        for c in set(name):
            postings[c].add(i)
    found: set[tuple[int, int]] = set()
    for i, name in enumerate(names):
        sets = sorted((postings[c] for c in set(name)), key=len)
        if not sets:
            continue
        candidates = set(sets[0]).intersection(*sets[1:])
        for j in candidates:
            if j != i and len(names[j]) >= len(name) and looks_alike(name, names[j]):
                found.add((min(i, j), max(i, j)))
    for i, j in sorted(found):
        yield Lookalike(
            names[i],
            names[j],
            tuple(sorted(set(years[names[i]]))),
            tuple(sorted(set(years[names[j]]))),
        )
