"""The ground every layer stands on: value classes, spans and lines, errors, path globs, version.

Imports nothing of listlint.
"""
