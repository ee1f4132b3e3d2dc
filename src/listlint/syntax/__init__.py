"""A list file into segments and entries, every part with its span: the model, the line scanner,
the layout readers (details cards, paper daily), links inside fields, and `Document`.

Imports `base` and `analysis`.
"""
