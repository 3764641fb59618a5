"""govdisclosure: Chinese government information-disclosure reports as typed data."""

from govdisclosure._version import __version__

__all__ = ["__version__"]
