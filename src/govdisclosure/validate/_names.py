"""The symbolic name of each GD code, and the codes retired (never reused).

Lifecycle of a code (as ruff's and pylint's): a new rule takes the next free code of its group (GD1xx
totals … GD8xx follow-up) and a name here, in code order, one line each, so that rules added at once
merge line by line. A code and its name keep their meaning forever; a rule that is removed moves to
:data:`RETIRED` with its name, and neither is ever given to another rule. ``--select``/``--ignore`` take
names as well as codes (``--ignore uncategorised-parts``). Names are lower case words joined by ``-``.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

NAMES: Final = MappingProxyType(
    {
        "GD101": "total-below-parts",
        "GD102": "uncategorised-parts",
        "GD103": "ungraded-risk-points",
        "GD104": "fewer-measures-than-risks",
        "GD105": "risk-points-miscounted",
        "GD106": "risk-point-without-measure",
        "GD107": "cumulative-below-this-year",
        "GD108": "cumulative-below-last-year",
        "GD109": "measure-word-differs",
        "GD201": "ordinals-not-continuous",
        "GD202": "label-ordinal-disagree",
        "GD203": "heading-level-misfit",
        "GD204": "label-not-standard-form",
        "GD205": "label-not-recognised",
        "GD206": "empty-section",
        "GD301": "signature-date-differs",
        "GD302": "published-before-written",
        "GD303": "dated-before-year",
        "GD304": "dated-long-after-year",
        "GD305": "dated-within-year",
        "GD306": "published-after-deadline",
        "GD307": "as-of-outside-year",
        "GD308": "as-of-after-writing",
        "GD309": "plan-not-for-next-year",
        "GD310": "title-year-differs",
        "GD311": "period-not-whole-year",
        "GD312": "garbled-date",
        "GD313": "period-of-other-year",
        "GD314": "last-years-text",
        "GD315": "earlier-work-points",
        "GD401": "citation-after-writing",
        "GD402": "citation-after-year",
        "GD403": "own-number-year-differs",
        "GD404": "index-number-year-differs",
        "GD405": "citations-disagree",
        "GD411": "broken-index-number",
        "GD412": "title-in-number-field",
        "GD413": "catalogue-date-before-year",
        "GD501": "negative-money",
        "GD502": "money-below-fen",
        "GD503": "money-units-differ",
        "GD601": "missing-section",
        "GD602": "section-out-of-place",
        "GD603": "extra-section",
        "GD604": "format-not-of-year",
        "GD605": "missing-tables",
        "GD611": "page-cut-short",
        "GD701": "table3-flow",
        "GD702": "table3-results",
        "GD703": "table3-applicants",
        "GD704": "table4-groups",
        "GD705": "blank-cells-unchecked",
        "GD706": "table3-carried-over",
        "GD707": "table2-in-force",
        "GD708": "table2-total-published",
        "GD709": "table2-item-count",
        "GD710": "text-against-tables",
        "GD711": "regulations-beyond-powers",
        "GD801": "plan-item-not-followed",
    }
)
"""Each rule's code → its symbolic name."""

RETIRED: Final = MappingProxyType[str, str]({})
"""Codes of removed rules → their names: never given to another rule."""
