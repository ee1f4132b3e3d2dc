"""The rule pages (`rules/<name>.md`), shipped inside the package."""

from __future__ import annotations

from importlib import resources


def page_text(name: str) -> str | None:
    """The Markdown page of a rule, or None when it has none."""
    path = resources.files("listlint").joinpath("rule_pages", f"{name}.md")
    try:
        return path.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return None
