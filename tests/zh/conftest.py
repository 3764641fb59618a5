"""Hypothesis profiles for the zh tests: ``pytest --hypothesis-profile=thorough tests/zh`` runs the
properties with many more examples than the default suite does."""

from hypothesis import settings

settings.register_profile("thorough", max_examples=5_000, deadline=None)
