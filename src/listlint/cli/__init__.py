"""The `listlint` command: click commands that return exit codes, and nothing else.

The top layer: imports any other.
"""
