"""``python -m govdisclosure``: the command line."""

from govdisclosure.cli import main

raise SystemExit(main())
