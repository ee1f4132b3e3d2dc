"""What strings mean, with no document in sight: arXiv IDs, URLs, venues, language, mojibake,
near-duplicate search, and GitHub's rendering (the oracle of every safe fix).

Imports only `base`.
"""
