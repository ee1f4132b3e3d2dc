"""Files and settings as a user's tree holds them: configuration, rule selection, discovery with
excludes and `.gitignore`, and the atomic writer.

Imports the layers up to `rules`.
"""
