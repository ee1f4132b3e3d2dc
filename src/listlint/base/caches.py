"""How many values the caches that rules share may hold."""

PER_ENTRY = 1 << 18
"""For caches of a value read from each entry (its arXiv ID, title, authors, links).

Several rules read the same values of every entry, so each is computed once and
kept. The cache must hold one value per entry of the largest list linted at once:
a list a hundred times the size of the corpus has 116 400 entries, and a cache
that cannot hold them all is read in the same order each time, so it would miss
every time. Each value costs some hundred bytes: at most a few tens of MB, a
small part of what the entries themselves take.
"""
