"""Settings from `listlint.toml` or `[tool.listlint]` in `pyproject.toml`, validated."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

from listlint.base.errors import ConfigError
from listlint.base.globs import pattern_problem
from listlint.rulekit.settings import Settings

STYLES = ("auto", "house", "own")
"""Whose conventions a file's cards are judged by (`listlint.rulekit.house`)."""
CONFIG_FILES = ("listlint.toml", ".listlint.toml", "pyproject.toml")
_TOP_KEYS = {
    "select",
    "extend-select",
    "ignore",
    "per-file-ignores",
    "exclude",
    "extend-exclude",
    "include",
    "languages",
    "layout",
    "rules",
    "cache",
    "style",
}


def find_config(start: Path) -> Path | None:
    """The nearest configuration file at or above `start` (a file or a folder)."""
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_FILES:
            path = candidate / name
            try:
                if not path.is_file():
                    continue
            except OSError:  # a folder on the way that cannot be searched
                continue
            if name != "pyproject.toml":
                return path
            try:
                raw = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                # Anyone's pyproject.toml (another user's, in a parent folder): not
                # known to be ours, so it cannot stop the run.
                continue
            tomllib = _tomllib()
            try:
                data = tomllib.loads(raw)
            except tomllib.TOMLDecodeError:
                # A broken pyproject.toml that mentions us most likely holds
                # our settings: say so rather than silently use the defaults.
                if "tool.listlint" in raw:
                    return path
                continue
            tool = data.get("tool")
            if isinstance(tool, dict) and "listlint" in tool:
                return path
    return None


def _strings(value: Any, key: str, path: Path) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"`{key}` must be a list of strings", str(path))
    return tuple(value)


def _mapping(value: Any, key: str, path: Path) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"`{key}` must be a table", str(path))
    return value


def parse_settings(data: dict[str, Any], path: Path) -> Settings:
    """Validate the `[tool.listlint]` table (or a listlint.toml) into Settings."""
    from listlint.rules import RULES
    from listlint.workspace.selection import check_selector

    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise ConfigError(
            f"unknown key `{unknown[0]}` (known: {', '.join(sorted(_TOP_KEYS))})", str(path)
        )
    values: dict[str, Any] = {"root": path.parent, "config_path": path}
    for key in ("select", "extend-select", "ignore"):
        if key in data:
            selectors = _strings(data[key], key, path)
            for selector in selectors:
                problem = check_selector(selector)
                if problem:
                    raise ConfigError(f"`{key}`: {problem}", str(path))
            values[key.replace("-", "_")] = selectors
    for key in ("exclude", "extend-exclude", "include"):
        if key in data:
            patterns = _strings(data[key], key, path)
            _check_patterns(patterns, key, path, gitignore=key != "include")
            values[key.replace("-", "_")] = patterns
    if "per-file-ignores" in data:
        table = _mapping(data["per-file-ignores"], "per-file-ignores", path)
        _check_patterns(table, "per-file-ignores", path)
        pairs = []
        for pattern, selectors in table.items():
            codes = _strings(selectors, f"per-file-ignores.{pattern}", path)
            for selector in codes:
                problem = check_selector(selector)
                if problem:
                    raise ConfigError(f"`per-file-ignores.{pattern}`: {problem}", str(path))
            pairs.append((pattern, codes))
        values["per_file_ignores"] = tuple(pairs)
    if isinstance(data.get("style"), str):
        # One style for the whole list: `style = "house"`.
        if data["style"] not in STYLES:
            raise ConfigError(f"`style` must be one of {', '.join(STYLES)}, not `{data['style']}`", str(path))
        data = {**data, "style": {"**": data["style"]}}
    for key, allowed in (
        ("languages", ("en", "zh", "ja", "ko")),
        ("layout", ("cards", "daily")),
        ("style", STYLES),
    ):
        if key in data:
            table = _mapping(data[key], key, path)
            _check_patterns(table, key, path)
            for pattern, value in table.items():
                if value not in allowed:
                    raise ConfigError(
                        f"`{key}.{pattern}` must be one of {', '.join(allowed)}, not `{value}`",
                        str(path),
                    )
            values[key] = tuple(table.items())
    if "cache" in data:
        if not isinstance(data["cache"], str) or not data["cache"].strip():
            raise ConfigError("`cache` must be a file path (a string)", str(path))
        values["cache"] = path.parent / data["cache"]
    if "rules" in data:
        by_name = {rule.name: rule for rule in RULES}
        by_code = {rule.code: rule for rule in RULES}
        options: dict[str, dict[str, Any]] = {}
        for name, table in _mapping(data["rules"], "rules", path).items():
            found = by_name.get(name) or by_code.get(name)
            if found is None:
                raise ConfigError(f"`rules.{name}`: no rule has that name or code", str(path))
            if found.name in options:
                raise ConfigError(f"`rules.{name}`: rule `{found.name}` is configured twice", str(path))
            table = _mapping(table, f"rules.{name}", path)
            declared = {option.name: option for option in found.options}
            for option_name, value in table.items():
                option = declared.get(option_name)
                if option is None:
                    known = ", ".join(sorted(declared)) or "none"
                    raise ConfigError(
                        f"`rules.{name}.{option_name}`: unknown option (known: {known})",
                        str(path),
                    )
                if isinstance(value, bool) and option.type in (int, float) or not isinstance(
                    value, option.type
                ):
                    raise ConfigError(
                        f"`rules.{name}.{option_name}` has the wrong type ({type(value).__name__})",
                        str(path),
                    )
                if option.check is not None:
                    problem = option.check(value)
                    if problem:
                        raise ConfigError(f"`rules.{name}.{option_name}`: {problem}", str(path))
            options[found.name] = dict(table)
        values["rule_options"] = options
    return Settings(**values)


def _check_patterns(patterns: Iterable[str], key: str, path: Path, gitignore: bool = True) -> None:
    for pattern in patterns:
        problem = pattern_problem(pattern, gitignore)
        if problem:
            raise ConfigError(f"`{key}`: {problem}", str(path))


def _tomllib() -> ModuleType:
    """The TOML parser, imported when a file is read: most runs find none, and it costs ~3 ms."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return tomllib


def load_settings(path: Path) -> Settings:
    """Read and validate a configuration file."""
    tomllib = _tomllib()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"cannot read configuration: {error.strerror}", str(path)) from None
    except UnicodeDecodeError:
        raise ConfigError("configuration is not valid UTF-8", str(path)) from None
    except tomllib.TOMLDecodeError as error:
        # `lineno` is an attribute from Python 3.14 on; before, only the message has it.
        text = str(error)
        where = re.search(r" \(at line (\d+), column \d+\)$", text)
        line = getattr(error, "lineno", None) or (int(where[1]) if where else None)
        message = text[: where.start()] if where else text
        raise ConfigError(f"invalid TOML: {message}", str(path), line) from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        data = tool.get("listlint", {}) if isinstance(tool, dict) else {}
        if not isinstance(data, dict):
            raise ConfigError("`[tool.listlint]` must be a table", str(path))
    return parse_settings(data, path)


_DEFAULT = Settings()
_LOADED: dict[Path, Settings] = {}


def settings_for(start: Path, explicit: Path | None = None) -> Settings:
    """Settings for a path: the explicit file, the nearest config, or the defaults.

    Paths under one configuration share one Settings object, so files given
    as separate arguments (as pre-commit gives them) are linted as one list.
    """
    found = explicit if explicit is not None else find_config(start)
    if found is None:
        return _DEFAULT
    key = found.resolve()
    if key not in _LOADED:
        _LOADED[key] = load_settings(found)
    return _LOADED[key]
