"""``python -m provenance`` is the ``provenance`` command."""

import sys

from provenance.cli import main

sys.exit(main())
