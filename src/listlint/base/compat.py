"""What differs between the Python versions listlint supports (3.10 and newer)."""

from __future__ import annotations

import sys

# `re` reads possessive quantifiers from 3.11 on; 3.10 fails on them with "multiple
# repeat". Where a pattern's possessive part never has to give characters back to match,
# the greedy form finds the same matches, only with more backtracking.
POSSESSIVE = "+" if sys.version_info >= (3, 11) else ""
