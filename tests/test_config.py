"""Configuration: found where expected, validated key by key, with one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from listlint.base.errors import ConfigError
from listlint.rulekit.settings import Settings
from listlint.workspace.config import find_config, load_settings, parse_settings, settings_for


def test_find_config_prefers_listlint_toml(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.listlint]\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    assert find_config(tmp_path / "sub") == (tmp_path / "pyproject.toml").resolve()
    (tmp_path / "sub" / "listlint.toml").write_text("", encoding="utf-8")
    assert find_config(tmp_path / "sub" / "README.md") == (tmp_path / "sub" / "listlint.toml").resolve()


def test_pyproject_without_our_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.black]\n", encoding="utf-8")
    assert find_config(tmp_path) != (tmp_path / "pyproject.toml").resolve()
    assert settings_for(tmp_path).config_path != tmp_path / "pyproject.toml"


def test_broken_pyproject_with_our_table_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.listlint\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid TOML"):
        settings_for(tmp_path)


def test_valid_settings(tmp_path: Path) -> None:
    path = tmp_path / "listlint.toml"
    path.write_text(
        'select = ["ALL"]\nignore = ["LL901"]\ninclude = ["*.md", "*.txt"]\n'
        '[per-file-ignores]\n"docs/*.md" = ["non-canonical-card"]\n'
        '[languages]\n"cn/*.md" = "zh"\n',
        encoding="utf-8",
    )
    settings = load_settings(path)
    assert settings.root == tmp_path and settings.ignore == ("LL901",)
    assert settings.include == ("*.md", "*.txt")
    assert settings.per_file_ignores == (("docs/*.md", ("non-canonical-card",)),)
    assert settings.language_for(str(tmp_path / "cn" / "a.md")) == "zh"
    assert settings.language_for(str(tmp_path / "a.md")) is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"selekt": ["ALL"]}, "unknown key `selekt`"),
        ({"ignore": "LL901"}, "`ignore` must be a list of strings"),
        ({"extend-select": ["LL999"]}, "`LL999` is not a rule"),
        ({"per-file-ignores": {"*.md": ["nope"]}}, "`per-file-ignores.*.md`"),
        ({"per-file-ignores": ["x"]}, "`per-file-ignores` must be a table"),
        ({"layout": {"*.md": "grid"}}, "`layout.*.md` must be one of cards, daily, not `grid`"),
        ({"rules": {"LL901": {"x": 1}}}, "`rules.LL901.x`: unknown option"),
        ({"rules": {"nope": {}}}, "`rules.nope`: no rule has that name or code"),
        ({"rules": {"non-canonical-card": 3}}, "`rules.non-canonical-card` must be a table"),
    ],
)
def test_bad_settings(tmp_path: Path, data: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError) as error:
        parse_settings(data, tmp_path / "listlint.toml")
    assert message in str(error.value)
    assert str(error.value).startswith(str(tmp_path / "listlint.toml") + ":")
    assert "\n" not in str(error.value)


def test_invalid_toml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "listlint.toml"
    path.write_text('select = ["ALL"]\n\nignore = [x]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_settings(path)
    assert "invalid TOML" in str(error.value) and "\n" not in str(error.value)
    assert str(error.value).startswith(f"{path}:3: ")


def test_not_utf8_config(tmp_path: Path) -> None:
    path = tmp_path / "listlint.toml"
    path.write_bytes(b"select = ['\xff']\n")
    with pytest.raises(ConfigError, match="not valid UTF-8"):
        load_settings(path)


def test_default_excludes_match_pathspec(tmp_path: Path) -> None:
    from pathspec import GitIgnoreSpec

    from listlint.rulekit.settings import DEFAULT_EXCLUDE
    from listlint.workspace.files import _excluded, _spec

    settings = Settings(root=tmp_path)
    assert _spec(settings) is None
    spec = GitIgnoreSpec.from_lines(DEFAULT_EXCLUDE)
    for rel, is_dir in [
        ("node_modules", True), ("a/node_modules", True), ("a/node_modules/b.md", False),
        (".git/x.md", False), ("README.md", False), ("docs/venv.md", False), ("venv", False),
        ("a/.venv/b/c.md", False), ("site-packages", True), ("node_modules_x/a.md", False),
    ]:
        assert _excluded(tmp_path / rel, settings, None, is_dir) == spec.match_file(rel + "/" if is_dir else rel), rel
