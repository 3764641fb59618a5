"""Chinese numerals, amounts, dates and numbering labels: pure functions.

A ground floor of govdisclosure: it imports nothing else of the package.
"""

from govdisclosure.zh._yearmonth import YearMonth

__all__ = ["YearMonth"]
