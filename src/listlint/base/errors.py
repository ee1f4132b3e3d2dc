"""The one exception family; the CLI prints it as `path:line: message` and exits 2."""

from __future__ import annotations


class ListlintError(Exception):
    """A problem with input, configuration or the environment, reported on one line."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __reduce__(self) -> tuple[type[ListlintError], tuple[str, str | None, int | None]]:
        # Pickled with its path and line (an exception pickles its `args` alone): a
        # file fixed in a forked process reports its error as this one would.
        return type(self), (self.message, self.path, self.line)

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class ConfigError(ListlintError):
    """A configuration file has an unknown key or a bad value."""


class InputError(ListlintError):
    """A file cannot be read as a list: not UTF-8, binary, missing, too large."""


class UnsafeFixError(ListlintError):
    """A fix would change what the file means, or does not settle; nothing was written."""
