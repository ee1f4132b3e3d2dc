"""Running rules and fixes over documents: the engine, suppressions, the fix loop, baseline,
`--changed-since`, the second process, and a run over files.

Imports the layers up to `workspace`.
"""
