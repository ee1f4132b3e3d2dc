"""A list file into segments and entries, every part with its span: the model, the line scanner,
one reader per layout (details cards, paper daily, heading cards, bullets) and what they
share (`parts`), `layouts` that runs them over a file, links inside fields, and `Document`.

Imports `base` and `analysis`.
"""
