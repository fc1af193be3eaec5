"""config.yaml: every mistake is one line naming the file and the key; exit status 2."""

from __future__ import annotations

import pytest

from newsdigest.cli import main
from newsdigest.config import load_config
from newsdigest.errors import BuildError

GOOD = "site:\n  title: T\n  url: https://example.org/news\n  description: D\n"


def error_for(tmp_path, text: str) -> str:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BuildError) as exc:
        load_config(path)
    return str(exc.value).replace(str(tmp_path) + "/", "")


def test_a_good_config_loads_with_defaults(tmp_path):
    (tmp_path / "config.yaml").write_text(GOOD)
    config = load_config(tmp_path / "config.yaml")
    assert config.site.url == "https://example.org/news/"      # a trailing slash is added
    assert config.site.timezone == "UTC" and config.digest.page_size == 20 and config.feeds.limit == 50
    assert config.stories.window_hours == 72


@pytest.mark.parametrize("text, message", [
    ("site:\n  title: T\n  description: D\n", "config.yaml: missing key 'site.url'"),
    (GOOD + "  titel: x\n", "config.yaml: unknown key 'site.titel' (known: title, url, description, language, timezone, author)"),
    (GOOD + "nav: World\n", "config.yaml: 'nav' must be a list of section names, e.g. [World, Business, Sport] (got 'World')"),
    (GOOD + "theme: dark\n", "config.yaml: unknown key 'theme' (known: site, paths, digest, stories, feeds, links, ingest, search, publish, layout_keys, nav)"),
    (GOOD.replace("https://example.org/news", "example.org"), "config.yaml: 'site.url' must be an absolute http(s) URL (got 'example.org')"),
    (GOOD + "  timezone: Mars/Olympus\n", "config.yaml: 'site.timezone' is not an IANA time zone like Europe/London (got 'Mars/Olympus')"),
    (GOOD + "digest:\n  page_size: lots\n", "config.yaml: 'digest.page_size' must be a whole number of 1 or more (got 'lots')"),
    (GOOD + "stories:\n  window_hours: 0\n", "config.yaml: 'stories.window_hours' must be a whole number of 1 or more (got 0)"),
    (GOOD + "stories:\n  window: 48\n", "config.yaml: unknown key 'stories.window' (known: window_hours)"),
    (GOOD + "ingest:\n  timezones: {KTM: '5:45'}\n", "config.yaml: 'ingest.timezones.KTM' must be an offset like +05:45 (got '5:45')"),
    ("site: [1, 2\n", "config.yaml:2: not valid YAML: expected ',' or ']', but got '<stream end>'"),
    ("just text\n", "config.yaml: must be a mapping with at least a 'site' key"),
])
def test_config_errors(tmp_path, text, message):
    assert error_for(tmp_path, text) == message


def test_a_config_error_exits_2_without_a_traceback(tmp_path, capsys):
    (tmp_path / "config.yaml").write_text(GOOD + "  titel: x\n")
    assert main(["--config", str(tmp_path / "config.yaml")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "unknown key 'site.titel'" in err and "Traceback" not in err


def test_a_missing_config_file(tmp_path, capsys):
    assert main(["--config", str(tmp_path / "nope.yaml")]) == 2
    assert capsys.readouterr().err == (f"error: {tmp_path / 'nope.yaml'}: config file not found here: run build.py "
                                       f"in the project's folder or pass --config PATH\n")   # where it looked, in full


def test_a_missing_config_file_leaves_its_folder_as_it_was(tmp_path, capsys):
    assert main(["--config", str(tmp_path / "typo" / "config.yaml")]) == 2
    assert not (tmp_path / "typo").exists()


def test_a_folder_given_as_the_config_is_one_line(tmp_path, capsys):
    assert main(["--config", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (f"error: {tmp_path}: a folder, not a config file: pass --config "
                                       f"{tmp_path / 'config.yaml'}\n")
