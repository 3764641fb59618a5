"""A Hypothesis profile for a long run of the zh properties:

    HYPOTHESIS_PROFILE=thorough python -m pytest tests/zh

runs them with 5,000 examples each instead of the suite's default. (An environment variable rather
than ``--hypothesis-profile``, because the suite's own conftest loads its profile at import, after
the command line option has been applied.)
"""

import os

from hypothesis import settings

settings.register_profile("thorough", max_examples=5_000, deadline=None)
if os.environ.get("HYPOTHESIS_PROFILE"):
    settings.load_profile(os.environ["HYPOTHESIS_PROFILE"])
