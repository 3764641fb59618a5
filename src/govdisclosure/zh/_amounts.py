"""Money: 人民币大写 for bills, and amounts in 元/万元/亿元 as reports write them.

Money is :class:`~decimal.Decimal` throughout, never float.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, Inexact, localcontext
from typing import Final, Literal

from babel.numbers import format_decimal

from govdisclosure.zh._numerals import NumeralError, exact_context, parse_number, spell_upper

__all__ = ["format_amount", "parse_amount", "to_rmb_uppercase"]

Unit = Literal["元", "万元", "亿元"]

_UNIT_POWERS: Final[dict[str, int]] = {"元": 0, "万元": 4, "亿元": 8}
_UPPER_DIGITS: Final = "零壹贰叁肆伍陆柒捌玖"


def _check_money(amount: object, name: str) -> Decimal:
    if isinstance(amount, bool) or not isinstance(amount, int | Decimal):
        raise TypeError(f"{name} expects Decimal or int, got {type(amount).__name__}")
    value = Decimal(amount)
    if not value.is_finite():
        raise ValueError(f"{name}: {amount} is not an amount of money")
    return value


def to_rmb_uppercase(amount: Decimal | int) -> str:
    """Write an amount of yuan in financial capitals (人民币大写), as the People's Bank of China's
    rules for filling in bills and settlement vouchers (《正确填写票据和结算凭证的基本规定》)
    require.

    - Digits 零壹贰叁肆伍陆柒捌玖 and units 拾佰仟万亿, 元角分; 壹拾 is never shortened to 拾.
    - 整 after 元 when there are no 角 and 分 (rule 2). After 角 the rules make 整 optional; like
      the rules' own example (1,409.50 → 壹仟肆佰零玖元伍角) this function leaves it out. Never
      after 分.
    - One 零 for a gap of zeros inside the number (rule 4(1), 4(2)).
    - Where the 元 or 万 digit is 0 but the next lower digit is not, rule 4(3) allows one 零 or
      none; this function writes none (1,680.32 → 壹仟陆佰捌拾元叁角贰分), as zeros at the end of a
      section are not read in Chinese.
    - 零 after 元 when 角 is 0 and 分 is not (rule 4(4)).
    - Below one yuan there is no 元 part (0.50 → 伍角); zero is 零元整.
    - The 人民币 prefix (rule 3) is the caller's to add.

    >>> to_rmb_uppercase(Decimal("1409.50"))
    '壹仟肆佰零玖元伍角'
    >>> to_rmb_uppercase(Decimal("16409.02"))
    '壹万陆仟肆佰零玖元零贰分'
    >>> to_rmb_uppercase(10), to_rmb_uppercase(0)
    ('壹拾元整', '零元整')

    Negative amounts raise :class:`ValueError` (a bill carries no negative amount: write 负 or a
    separate direction yourself), and so do amounts with fractions of a 分 (``Decimal("1.005")``):
    they are refused rather than silently rounded. Trailing zeros are fine (``Decimal("1.500")``).
    Amounts must be below ``10**16`` yuan.
    """
    value = _check_money(amount, "to_rmb_uppercase")
    if value < 0:
        raise ValueError(f"to_rmb_uppercase: negative amount {amount} (bills carry no sign)")
    cents = value.scaleb(2, exact_context(len(value.as_tuple().digits) + 3))
    if cents != cents.to_integral_value():
        raise ValueError(f"to_rmb_uppercase: {amount} has a fraction of a 分; round it first")
    yuan, rest = divmod(int(cents), 100)
    jiao, fen = divmod(rest, 10)
    if yuan >= 10**16:
        raise ValueError(f"to_rmb_uppercase: {amount} is 10**16 yuan or more")
    head = spell_upper(yuan) + "元" if yuan else ""
    if not jiao and not fen:
        return (head or "零元") + "整"
    # 角 if any; else 零 between 元 and 分 (rule 4(4)), or nothing below one yuan.
    tail = _UPPER_DIGITS[jiao] + "角" if jiao else "零" if head else ""
    if fen:
        tail += _UPPER_DIGITS[fen] + "分"
    return head + tail


# -------------------------------------------------------------------------------------------------
# Reading and writing amounts

_PREFIXES: Final = ("人民币", "RMB", "￥", "¥")
_YUAN_SIGNS: Final = ("￥", "¥")
_GROUPED: Final = re.compile(r"(?:[-－−]|负)?[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+(?![0-9０-９])")
_DIGIT: Final = "零〇○壹贰叁肆伍陆柒捌玖一二三四五六七八九两0123456789０１２３４５６７８９"
# 元 with optional 角 and 分 and 整 at the end: 伍元, 壹拾元整, 壹仟陆佰捌拾元零叁角贰分,
# 叁佰元零肆分.
_YUAN_TAIL: Final = re.compile(rf"元(?:零?([{_DIGIT}])角)?(?:零?([{_DIGIT}])分)?[整正]?$")
# Below one yuan there is no 元: 伍角, 伍角叁分, 伍分.
_CENTS_ONLY: Final = re.compile(rf"(?:([{_DIGIT}])角)?(?:零?([{_DIGIT}])分)?[整正]?$")
_SPACE: Final = " \t\r\n\u3000\xa0"


def _cents(s: str, jiao: re.Match[str]) -> Decimal:
    value = Decimal(0)
    for group, power in ((1, -1), (2, -2)):
        if jiao.group(group) is not None:
            digit = parse_number(s, jiao.start(group), jiao.end(group))
            value += Decimal(digit).scaleb(power)
    return value


def parse_amount(s: str, *, default_unit: Unit = "元") -> Decimal:
    """Read an amount of money and return it in yuan (元).

    Accepts an optional 人民币, ``RMB``, ￥ or ¥ before the number; a number in Arabic digits
    (half- or full-width, with or without ``,`` grouping), Chinese numerals or a mix of both (see
    :func:`from_chinese`); and a unit 元, 万元 or 亿元 after it. Financial capitals with 角 and 分
    (壹仟肆佰零玖元伍角) are read too. A bare number is in ``default_unit`` (useful for table cells
    under a header such as 单位：万元), unless ￥ marks it as yuan.

    >>> parse_amount("1289.4万元")
    Decimal('12894000')
    >>> parse_amount("人民币12,894,000.50元"), parse_amount("￥6007.14")
    (Decimal('12894000.50'), Decimal('6007.14'))
    >>> parse_amount("一千二百八十九点四万元"), parse_amount("壹仟肆佰零玖元伍角")
    (Decimal('12894000'), Decimal('1409.5'))
    >>> parse_amount("3.5", default_unit="万元")
    Decimal('35000')

    The result keeps the digits written (``12.50元`` gives ``Decimal('12.50')``) but never an
    exponent. Bad input raises :class:`NumeralError` (a :class:`ValueError`) naming the character
    and its position in ``s``:

    >>> parse_amount("1289.4美元")
    Traceback (most recent call last):
    ...
    govdisclosure.zh.NumeralError: unexpected character '美' at position 6 in '1289.4美元'
    """
    if not isinstance(s, str):
        raise TypeError(f"parse_amount expects str, got {type(s).__name__}")
    if default_unit not in _UNIT_POWERS:
        raise ValueError(f"default_unit must be 元, 万元 or 亿元, got {default_unit!r}")
    start, stop = 0, len(s)
    while start < stop and s[start] in _SPACE:
        start += 1
    while stop > start and s[stop - 1] in _SPACE:
        stop -= 1
    power = _UNIT_POWERS[default_unit]
    for prefix in _PREFIXES:
        if s.startswith(prefix, start):
            start += len(prefix)
            if prefix == "人民币" and s.startswith(_YUAN_SIGNS, start):
                start += 1
            if s[start - 1] in _YUAN_SIGNS:
                power = 0
            break
    cents = Decimal(0)
    tail = _YUAN_TAIL.search(s, start, stop)
    if tail is not None:
        power = 0
        cents = _cents(s, tail)
        stop = tail.start()
    else:
        only = _CENTS_ONLY.fullmatch(s, start, stop)
        if only is not None and (only.group(1) or only.group(2)):
            return _cents(s, only)
    number = _parse_grouped(s, start, stop)
    context = exact_context(2 * len(s) + 20)
    value = context.add(context.scaleb(Decimal(number), power), cents)
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return value.quantize(Decimal(1), context=context) if exponent > 0 else value


def _parse_grouped(s: str, start: int, stop: int) -> int | Decimal:
    """:func:`parse_number` on ``s[start:stop]``, where Arabic integers may have ``,``."""
    grouped = _GROUPED.match(s, start, stop)
    if grouped is None:
        return parse_number(s, start, stop)
    digits = re.sub("[,，]", "", grouped.group())
    removed = len(grouped.group()) - len(digits)
    text = s[: grouped.start()] + digits + s[grouped.end() :]
    try:
        return parse_number(text, start, stop - removed)
    except NumeralError as error:
        position = (
            error.position + removed
            if error.position >= grouped.end() - removed
            else error.position
        )
        message = str(error).replace(
            f"position {error.position} in {text!r}", f"position {position} in {s!r}"
        )
        raise NumeralError(message, s, position) from None


def format_amount(
    yuan: Decimal | int,
    *,
    unit: Unit = "元",
    places: int | None = None,
    rounding: str = ROUND_HALF_UP,
    grouping: bool = False,
    locale: str = "zh_CN",
) -> str:
    """Write an amount of yuan in the given unit, as reports do: ``1289.4万元``.

    ``places=None`` writes the shortest exact form (no trailing zeros, never rounded); an integer
    ``places`` rounds to that many decimals with ``rounding`` (a :mod:`decimal` rounding mode,
    default ``ROUND_HALF_UP`` as in Chinese bookkeeping) and keeps the zeros. ``grouping=True``
    groups thousands with the separator of ``locale``.

    >>> format_amount(Decimal("12894000"), unit="万元")
    '1289.4万元'
    >>> format_amount(Decimal("12894000"), unit="亿元", places=2)
    '0.13亿元'
    >>> format_amount(Decimal("1234567.5"), grouping=True)
    '1,234,567.5元'
    >>> format_amount(250, unit="万元", places=2)
    '0.03万元'

    Babel formats the number (its locale data gives the separators). The scaling is hand-written:
    babel's ``format_compact_decimal`` picks 万 or 亿 from the size of the number and rounds to a
    number of digits, while a report fixes its unit (单位：万元) and the amount must stay exact.
    """
    value = _check_money(yuan, "format_amount")
    if unit not in _UNIT_POWERS:
        raise ValueError(f"unit must be 元, 万元 or 亿元, got {unit!r}")
    if places is not None and (
        isinstance(places, bool) or not isinstance(places, int) or places < 0
    ):
        raise ValueError(f"places must be None or a non-negative int, got {places!r}")
    # Wide enough for every digit of the result, so only the explicit quantize below can round.
    context = exact_context(
        len(value.as_tuple().digits) + abs(value.adjusted()) + (places or 0) + 4
    )
    value = value.scaleb(-_UNIT_POWERS[unit], context)
    if places is None:
        value = value.normalize(context)
    else:
        rounded = context.copy()
        rounded.rounding = rounding
        rounded.traps[Inexact] = False
        value = value.quantize(Decimal(1).scaleb(-places), context=rounded)
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    if exponent > 0:
        value = value.quantize(Decimal(1), context=context)
    if value.is_zero():
        value = abs(value)
    fraction = max(0, -exponent)
    pattern = ("#,##0" if grouping else "0") + ("." + "0" * fraction if fraction else "")
    # babel computes in the current decimal context: give it ours for numbers of 28 digits or more.
    with localcontext(context):
        text = format_decimal(value, format=pattern, locale=locale, decimal_quantization=False)
    return text + unit
