"""Shared fixtures: the seed text, the worked example, and where the shared material lives."""

from __future__ import annotations

import os
import runpy
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from govdisclosure import DisclosureReport

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_DIR = ROOT / "examples" / "dehua_2014"
# The founding document, as scraped (a copy of shared/seed/000_0b1e41db05acd630.txt; a test keeps them equal).
SEED = EXAMPLE_DIR / "page.txt"
SHARED = Path(os.environ.get("GOVDISCLOSURE_SHARED", ROOT.parent / "shared"))
# Copies of shared/spec/ (the format reference and its fixtures), so that a clean clone tests against them;
# tests keep them equal to the originals where shared/ is beside the checkout.
FIXTURES = ROOT / "tests" / "fixtures"

settings.register_profile(
    "ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The founding document as scraped: the 德化县科学技术局 2014 page, damage included."""
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def example_report() -> DisclosureReport:
    """The worked example as ``examples/dehua_2014/build.py`` builds it."""
    report: DisclosureReport = runpy.run_path(str(EXAMPLE_DIR / "build.py"))["build"]()
    return report
