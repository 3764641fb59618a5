"""Chinese cardinal numerals (中文数字): spelling numbers out and reading them back.

Hand-written on purpose: babel has no Chinese spell-out (its ``numbering_system``
only changes separators: ``format_decimal(2014, locale="zh_CN",
numbering_system="hanidec")`` is still ``2,014``), and dateutil does not read
Chinese numerals at all. The writer works on precomputed tables of the 10,000
four-digit sections (节); the reader splits at 亿 and 万 and looks the sections up,
falling back to one left-to-right pass with dictionary look-ups, no regular
expressions, because both sit in the hot path of the parser.

Zero rule (读零规则) used by :func:`to_chinese`, as taught in Chinese schools and as
the bill rules apply it: zeros at the end of a section (万级, 亿级) are not read; any
other run of zeros, including a whole empty section, is read as one 零. So
``10_003_000`` is 一千万三千 but ``100_003_000`` is 一亿零三千.
"""

from __future__ import annotations

import functools
from decimal import Context, Decimal, DivisionByZero, Inexact, InvalidOperation, Overflow
from enum import StrEnum
from typing import Final, Literal

__all__ = ["NumeralError", "NumeralStyle", "from_chinese", "to_chinese"]


class NumeralStyle(StrEnum):
    """How :func:`to_chinese` writes a number (数字写法); each member is equal to its value, which
    ``style`` also takes.

    >>> to_chinese(2014, style=NumeralStyle.DIGITS), NumeralStyle.PLAIN == "plain"
    ('二〇一四', True)
    """

    __module__ = "govdisclosure.zh"

    PLAIN = "plain"
    """The cardinal reading with 十百千万亿: 一千二百八十九万四千."""
    DIGITS = "digits"
    """Digit by digit with 〇, as years are written: 二〇一四."""


LIMIT: Final = 10**16
"""Plain spell-out covers ``-(10**16 - 1)`` … ``10**16 - 1`` (up to 万亿)."""

_NUMERAL_STYLES: Final = frozenset(NumeralStyle)

_LOWER_DIGITS: Final = "零一二三四五六七八九"
_UPPER_DIGITS: Final = "零壹贰叁肆伍陆柒捌玖"
_LOWER_UNITS: Final = ("", "十", "百", "千")
_UPPER_UNITS: Final = ("", "拾", "佰", "仟")
_YEAR_DIGITS: Final = str.maketrans("0123456789", "〇一二三四五六七八九")
_ZERO_FRACTION: Final = str.maketrans("0123456789", "零一二三四五六七八九")


def exact_context(digits: int) -> Context:
    """A decimal context wide enough for ``digits`` digits that raises rather than rounds."""
    return Context(
        prec=max(28, digits), traps=[InvalidOperation, DivisionByZero, Overflow, Inexact]
    )


def _add(context: Context, a: int | Decimal, b: int | Decimal) -> int | Decimal:
    if isinstance(a, int) and isinstance(b, int):
        return a + b
    return context.add(a, b)


class NumeralError(ValueError):
    """A text is not a number :func:`from_chinese` can read.

    ``text`` is the whole input and ``position`` the 0-based index of the offending character.

    >>> try:
    ...     from_chinese("一百二个")
    ... except NumeralError as e:
    ...     (e.position, str(e))
    (3, "unexpected character '个' at position 3 in '一百二个'")
    """

    __module__ = "govdisclosure.zh"

    def __init__(self, message: str, text: str, position: int) -> None:
        super().__init__(message)
        self.text = text
        self.position = position


def _section_table(digits: str, units: tuple[str, ...]) -> tuple[str, ...]:
    """The reading of every section 0…9999, without a leading 零 (0 reads as '')."""
    table = []
    for n in range(10_000):
        out: list[str] = []
        pending_zero = False
        for power in (3, 2, 1, 0):
            d = n // 10**power % 10
            if d == 0:
                pending_zero = bool(out)
                continue
            if pending_zero:
                out.append(digits[0])
                pending_zero = False
            out.append(digits[d] + units[power])
        table.append("".join(out))
    return tuple(table)


# The tables are built on first use, not at import (20,000 strings, most of the package's import time).
@functools.cache
def _lower_sections() -> tuple[str, ...]:
    return _section_table(_LOWER_DIGITS, _LOWER_UNITS)


@functools.cache
def _upper_sections() -> tuple[str, ...]:
    return _section_table(_UPPER_DIGITS, _UPPER_UNITS)


def _read_int(n: int, sections: tuple[str, ...], zero: str, wan: str, yi: str) -> str:
    """Spell out ``0 < n < 10**16`` with the given section table and big units."""
    if n < 10_000:
        return sections[n]
    if n < 100_000_000:
        high, low = divmod(n, 10_000)
        if not low:
            return sections[high] + wan
        return sections[high] + wan + (zero if low < 1000 else "") + sections[low]
    high, low = divmod(n, 100_000_000)
    head = _read_int(high, sections, zero, wan, yi) + yi
    if not low:
        return head
    # 零 where the low part starts with a zero digit, or where the 亿 section of high is empty
    # (一万亿零三千万): an empty section inside the number is read as one 零.
    gap = low < 10_000_000 or high % 10_000 == 0
    return head + (zero if gap else "") + _read_int(low, sections, zero, wan, yi)


def spell_lower(n: int) -> str:
    """Plain cardinal for ``0 <= n < 10**16``, with the leading 一十 shortened to 十."""
    if n == 0:
        return "零"
    text = _read_int(n, _lower_sections(), "零", "万", "亿")
    return text[1:] if text.startswith("一十") else text


def spell_upper(n: int) -> str:
    """Financial capitals (大写) for ``0 < n < 10**16``: 壹拾 is never shortened."""
    return _read_int(n, _upper_sections(), "零", "万", "亿")


def to_chinese(
    n: int | Decimal,
    *,
    style: NumeralStyle | Literal["plain", "digits"] = NumeralStyle.PLAIN,
) -> str:
    """Write ``n`` in Chinese numerals.

    ``style`` (a :class:`NumeralStyle` or its value): ``"plain"`` writes the cardinal
    reading with 十百千万亿 (integer part up to ``10**16 - 1``); ``"digits"`` writes
    digit by digit with 〇, as years are written (any size). Negative numbers take 负; a :class:`~decimal.Decimal`
    keeps exactly its written fraction digits after 点.

    >>> to_chinese(10), to_chinese(110), to_chinese(1001), to_chinese(100010)
    ('十', '一百一十', '一千零一', '十万零一十')
    >>> to_chinese(12894000)
    '一千二百八十九万四千'
    >>> to_chinese(10_003_000), to_chinese(100_000_001)
    ('一千万三千', '一亿零一')
    >>> to_chinese(-5), to_chinese(Decimal("1289.40"))
    ('负五', '一千二百八十九点四零')
    >>> to_chinese(2014, style="digits"), to_chinese(Decimal("0.05"), style="digits")
    ('二〇一四', '〇点〇五')

    Raises :class:`TypeError` for anything but ``int`` or ``Decimal`` (floats are refused), and
    :class:`ValueError` for NaN, infinities and plain numbers of ``10**16`` or more.
    """
    if isinstance(n, bool) or not isinstance(n, int | Decimal):
        raise TypeError(f"to_chinese expects int or Decimal, got {type(n).__name__}")
    if style not in _NUMERAL_STYLES:  # a member, or its value as a str
        raise ValueError(f"style must be 'plain' or 'digits', got {style!r}")
    fraction = ""
    if isinstance(n, int):
        negative = n < 0
        integer = -n if negative else n
    else:
        if not n.is_finite():
            raise ValueError(f"cannot write {n} in Chinese numerals")
        sign, digit_tuple, exponent = n.as_tuple()
        assert isinstance(exponent, int)  # finite, checked above
        negative = bool(sign) and not n.is_zero()
        if exponent >= 0:
            integer = int(n.copy_abs())
        else:
            digits = "".join(map(str, digit_tuple)).rjust(1 - exponent, "0")
            integer, fraction = int(digits[:exponent]), digits[exponent:]
    if style == "digits":
        text = str(integer).translate(_YEAR_DIGITS)
        if fraction:
            text += "点" + fraction.translate(_YEAR_DIGITS)
    else:
        if integer >= LIMIT:
            raise ValueError(f"{n} is outside the plain range (absolute value below 10**16)")
        text = spell_lower(integer)
        if fraction:
            text += "点" + fraction.translate(_ZERO_FRACTION)
    return "负" + text if negative else text


# -------------------------------------------------------------------------------------------------
# Reading

_DIGIT_CHARS: Final = {
    **{c: i for i, c in enumerate("〇一二三四五六七八九")},
    **{c: i for i, c in enumerate(_UPPER_DIGITS)},
    **{c: i for i, c in enumerate("0123456789")},
    **{c: i for i, c in enumerate("０１２３４５６７８９")},
    "零": 0,
    "○": 0,  # U+25CB WHITE CIRCLE, common on web pages in place of 〇
    "两": 2,
    "兩": 2,
}
_ARABIC: Final = frozenset("0123456789０１２３４５６７８９")
_TO_ASCII: Final = str.maketrans({c: str(v) for c, v in _DIGIT_CHARS.items()})
_SMALL_UNITS: Final = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_SMALL_POWERS: Final = {10: 1, 100: 2, 1000: 3}
_BIG_UNITS: Final = {"万": 4, "萬": 4, "亿": 8, "億": 8}
_POINTS: Final = frozenset("点點.．")
_MINUS: Final = frozenset("负負-－−")
_SPACE: Final = frozenset(" \t\r\n\u3000\xa0")


@functools.cache
def _section_values() -> dict[str, int]:
    """Inverse of the writer's section table, for the fast path of :func:`from_chinese`.

    Holds each section 1…9999 as written (一千零一), with a leading 零 (零三千, as after 亿 or 万),
    and the shortened 十… forms (十五). The strings with a 零 prefix also cover 零 + 十… (零一十).
    """
    values: dict[str, int] = {}
    sections = _lower_sections()
    for n in range(1, 10_000):
        text = sections[n]
        values[text] = n
        values["零" + text] = n
        if text.startswith("一十"):
            values[text[1:]] = n
    return values


def from_chinese(s: str) -> int | Decimal:
    """Read a number written in Chinese numerals, Arabic digits or a mix of both.

    Lenient on input: 〇, ○ or 零; 两; 十 or 一十; full-width digits; financial capitals
    (壹贰…拾佰仟); mixed forms such as ``1289.4万`` and ``3千``; 负 or ``-``; digit-by-digit forms
    (二〇一四); the spoken shortening 一万五 (= 15000, a last digit without unit takes the next
    lower unit). Surrounding white space is ignored. The result is an ``int``, or a ``Decimal``
    where the written number has a fraction (never a float).

    >>> from_chinese("一千二百八十九万四千"), from_chinese("二〇一四"), from_chinese("一十五")
    (12894000, 2014, 15)
    >>> from_chinese("1289.4万"), from_chinese("3千"), from_chinese("两万五千")
    (12894000, 3000, 25000)
    >>> from_chinese("十点五零"), from_chinese("负零点零五")
    (Decimal('10.50'), Decimal('-0.05'))

    Anything else raises :class:`NumeralError` (a :class:`ValueError`) naming the offending
    character and its 0-based position:

    >>> from_chinese("一二十")
    Traceback (most recent call last):
    ...
    govdisclosure.zh.NumeralError: '二' at position 1 in '一二十': digits need a unit between them
    >>> from_chinese("一百一千")
    Traceback (most recent call last):
    ...
    govdisclosure.zh.NumeralError: '千' at position 3 in '一百一千': unit out of order
    """
    if not isinstance(s, str):
        raise TypeError(f"from_chinese expects str, got {type(s).__name__}")
    value = _read_fast(s)
    if value is None:
        return parse_number(s, 0, len(s))
    return value


def _read_fast(s: str) -> int | None:
    """Read the common well-formed cases with C-speed string operations, or return None.

    Digit-by-digit text becomes ASCII with one ``str.translate``; cardinals are split at 亿 and 万
    and each section looked up in the inverse of the writer's table. Anything unusual (signs,
    points, spoken short forms, errors) returns None and goes through :func:`parse_number`, which
    gives the same value or the error message.
    """
    ascii_digits = s.translate(_TO_ASCII)
    if ascii_digits.isdigit() and ascii_digits.isascii():
        return int(ascii_digits)
    sections = _section_values()
    value = sections.get(s)
    if value is not None:
        return value
    high, yi, low = s.partition("亿")
    if yi:
        high_value = _read_fast_eight(high, sections)
        if high_value is None:
            return None
        if not low:
            return high_value * 100_000_000
        low_value = _read_fast_eight(low, sections)
        if low_value is None or (low_value < 10_000_000 and low[0] != "零"):
            return None
        return high_value * 100_000_000 + low_value
    return _read_fast_eight(s, sections)


def _read_fast_eight(s: str, sections: dict[str, int]) -> int | None:
    high, wan, low = s.partition("万")
    if not wan:
        return sections.get(s)
    high_value = sections.get(high)
    if high_value is None:
        return None
    if not low:
        return high_value * 10_000
    low_value = sections.get(low)
    if low_value is None or (low_value < 1000 and low[0] != "零"):
        return None  # 一万五 is the spoken 15000: the slow path knows
    return high_value * 10_000 + low_value


def _fail(s: str, i: int, why: str, stop: int | None = None) -> NumeralError:
    if i >= (len(s) if stop is None else stop):
        return NumeralError(f"the number in {s!r} ends too early at position {i}: {why}", s, i)
    if why == "":
        return NumeralError(f"unexpected character {s[i]!r} at position {i} in {s!r}", s, i)
    return NumeralError(f"{s[i]!r} at position {i} in {s!r}: {why}", s, i)


def parse_number(s: str, start: int, stop: int) -> int | Decimal:
    """Read ``s[start:stop]``; error positions refer to ``s``."""
    while start < stop and s[start] in _SPACE:
        start += 1
    while stop > start and s[stop - 1] in _SPACE:
        stop -= 1
    if start == stop:
        raise NumeralError(f"no number at position {start} in {s!r}", s, start)
    negative = s[start] in _MINUS
    i = start + 1 if negative else start
    if i == stop:
        raise _fail(s, i, "a sign needs a number", stop)

    digits = _DIGIT_CHARS
    context = exact_context(2 * (stop - start) + 20)
    small_units = _SMALL_UNITS
    big_units = _BIG_UNITS

    total: int | Decimal = 0  # the part already multiplied by 亿
    wan_part: int | Decimal = 0  # the part multiplied by 万 since the last 亿
    section: int | Decimal = 0  # the part below 万, from small units
    last_small = 10_000  # the last small unit in this section (units must descend)
    pending: int | Decimal | None = None  # a number not yet given a unit
    pending_short = False  # pending is one Chinese digit straight after a unit (一万五)
    last_unit = 0  # the value of the previous token when it was a unit, else 0
    seen_unit = False
    # After a fraction (1289.4万, 1.5千万) only units may follow: 1 = fraction read, 2 = then a
    # small unit (so only a big unit may follow), 3 = then a big unit (nothing may follow).
    fraction_state = 0

    while i < stop:
        c = s[i]
        if fraction_state == 3:
            raise _fail(s, i, "nothing may follow a number with a fraction and its unit")
        if c in digits or (c in _POINTS and last_unit):
            if pending is not None or fraction_state:
                raise _fail(s, i, "two numbers without a unit between them")
            j = i
            while j < stop and s[j] in digits:
                j += 1
            run = s[i:j]
            point = j < stop and s[j] in _POINTS
            if point:
                k = j + 1
                while k < stop and s[k] in digits:
                    k += 1
                if k == j + 1:
                    raise _fail(s, k, "a decimal point needs digits after it", stop)
                if k < stop and s[k] in _POINTS:
                    raise _fail(s, k, "a second decimal point")
                integer = run.translate(_TO_ASCII) or "0"
                pending = Decimal(integer + "." + s[j + 1 : k].translate(_TO_ASCII))
                pending_short = False
                fraction_state = 1
                i = k
            else:
                if len(run) > 1 and not _ARABIC.issuperset(run):
                    # Chinese digits in a row next to units: zeros (零) then at most one
                    # digit. Without units the text is digit by digit (二〇一四).
                    stripped = run.lstrip("〇零○0０")
                    next_is_unit = j < stop and (s[j] in small_units or s[j] in big_units)
                    if len(stripped) > 1 and (seen_unit or next_is_unit):
                        bad = i + len(run) - len(stripped) + 1
                        raise _fail(s, bad, "digits need a unit between them")
                value = int(run.translate(_TO_ASCII))
                if value == 0 and seen_unit and not _ARABIC.issuperset(run):
                    pending = None  # 零 as a filler: 一千零一
                    pending_short = False
                else:
                    pending = value
                    pending_short = last_unit > 10 and len(run) == 1 and run not in _ARABIC
                i = j
            last_unit = 0
            continue

        unit = small_units.get(c)
        if unit is not None:
            seen_unit = True
            if pending is None:
                if unit != 10:
                    raise _fail(s, i, "a unit needs a number before it")
                coefficient: int | Decimal = 1
            else:
                coefficient = pending
                if coefficient == 0:
                    raise _fail(s, i, "a unit after zero")
                if coefficient >= 10:
                    raise _fail(s, i, "the number before a unit must be below ten")
                if isinstance(coefficient, Decimal) and section:
                    raise _fail(s, i, "a fraction must come before the last unit")
            if fraction_state == 2:
                raise _fail(s, i, "only 万 or 亿 may follow a number with a fraction and its unit")
            if unit >= last_small:
                raise _fail(s, i, "unit out of order")
            if isinstance(coefficient, Decimal):
                section = context.add(section, coefficient.scaleb(_SMALL_POWERS[unit], context))
                fraction_state = 2
            else:
                section += coefficient * unit
            last_small = unit
            pending = None
            pending_short = False
            last_unit = unit
            i += 1
            continue

        power = big_units.get(c)
        if power is not None:
            seen_unit = True
            amount: int | Decimal = section if pending is None else _add(context, section, pending)
            if fraction_state:
                fraction_state = 3
            if pending is not None and not amount and not (total or wan_part):
                # 0万元, 0.00亿元: an explicit zero in a table's unit is zero, and ends the number.
                if i + 1 < stop:
                    raise _fail(s, i + 1, "nothing may follow a zero and its unit")
                return 0
            if power == 4:
                if wan_part:
                    raise _fail(s, i, "万 twice in one 亿 section")
                if not amount:
                    raise _fail(s, i, "a unit needs a number before it")
                if total and amount >= 10_000:
                    raise _fail(s, i, "too large a number before 万 after 亿")
                wan_part = (
                    amount.scaleb(4, context) if isinstance(amount, Decimal) else amount * 10_000
                )
            else:
                amount = _add(context, amount, wan_part)
                if total:
                    raise _fail(s, i, "亿 twice")
                if not amount:
                    raise _fail(s, i, "a unit needs a number before it")
                total = (
                    amount.scaleb(8, context)
                    if isinstance(amount, Decimal)
                    else amount * 100_000_000
                )
                wan_part = 0
            section = 0
            last_small = 10_000
            pending = None
            pending_short = False
            last_unit = 10**power
            i += 1
            continue

        if c in _POINTS:
            raise _fail(s, i, "a decimal point needs digits before it")
        raise _fail(s, i, "")

    if pending is not None and pending_short:
        # 一万五 = 15000, 三百五 = 350: the bare last digit takes the unit below the previous one.
        tail_unit = _short_unit(s, start, stop)
        pending = pending * tail_unit
    result = _add(
        context,
        _add(context, total, wan_part),
        _add(context, section, 0 if pending is None else pending),
    )
    if isinstance(result, Decimal):
        exponent = result.as_tuple().exponent
        assert isinstance(exponent, int)
        if exponent >= 0:
            result = int(result)
    return -result if negative else result


def _short_unit(s: str, start: int, stop: int) -> int:
    """The unit a bare last digit stands for: one tenth of the unit right before it."""
    c = s[stop - 2]
    small = _SMALL_UNITS.get(c)
    if small is not None:
        return small // 10
    return 1000 if _BIG_UNITS[c] == 4 else 10_000_000
