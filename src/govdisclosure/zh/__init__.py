"""Chinese numerals, amounts, dates and numbering labels: pure functions.

A ground floor of govdisclosure: it imports nothing else of the package. Babel formats numbers and
dateutil reads dates and measures periods; what they cannot do (Chinese spell-out, 人民币大写, the
partial dates of reports, GB/T 9704 labels) is written here, each module saying why.

>>> from decimal import Decimal
>>> to_chinese(12894000), from_chinese("1289.4万")
('一千二百八十九万四千', 12894000)
>>> to_rmb_uppercase(Decimal("6007.14"))
'陆仟零柒元壹角肆分'
>>> format_amount(parse_amount("12,894,000元"), unit="万元")
'1289.4万元'
>>> format_date(parse_date("二〇一四年十二月四日"))
'2014年12月4日'
>>> parse_partial_date("截至11月", year=2014), heading_label(2, 1)
(YearMonth(year=2014, month=11), '（一）')
"""

from govdisclosure.zh._amounts import format_amount, parse_amount, to_rmb_uppercase
from govdisclosure.zh._dates import (
    DateError,
    DateStyle,
    format_date,
    parse_as_of,
    parse_date,
    parse_partial_date,
)
from govdisclosure.zh._labels import Label, enumerator, heading_label, parse_label
from govdisclosure.zh._numerals import NumeralError, NumeralStyle, from_chinese, to_chinese
from govdisclosure.zh._periods import Period
from govdisclosure.zh._yearmonth import YearMonth

__all__ = [
    "DateError",
    "DateStyle",
    "Label",
    "NumeralError",
    "NumeralStyle",
    "Period",
    "YearMonth",
    "enumerator",
    "format_amount",
    "format_date",
    "from_chinese",
    "heading_label",
    "parse_amount",
    "parse_as_of",
    "parse_date",
    "parse_label",
    "parse_partial_date",
    "to_chinese",
    "to_rmb_uppercase",
]
