"""What a rule is made of and what rules share: the declaration (`Rule`, `Context`, `Option`),
violations and fixes, the settings a rule reads, entry names and identity, copy search, EN/ZH
pairs, the rule pages.

Imports the layers below `rules`.
"""
