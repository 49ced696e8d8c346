"""Every place that names the supported Django versions agrees with scripts/project.py."""

import json
import re

from mkdocs.utils.yaml import yaml_load

from scripts import project
from scripts.project import DJANGO, NEWEST, ROOT, SERIES, series_in_words


def test_the_supported_series_are_in_order():
    assert SERIES == sorted(SERIES, key=lambda s: tuple(map(int, s.split("."))))
    assert all(release.startswith(series + ".") for series, release in DJANGO.items())


def test_requirements_pin_the_newest_release():
    requirements = (ROOT / "requirements.txt").read_text("utf-8")
    assert re.findall(r"^django==(\S+)$", requirements, re.M) == [DJANGO[NEWEST]]


def test_the_site_texts_name_the_supported_series():
    config = yaml_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    words = series_in_words()
    texts = {
        "site_description": config["site_description"],
        "copyright": config["copyright"],
        "llmstxt markdown_description": next(
            plugin["llmstxt"]["markdown_description"]
            for plugin in config["plugins"]
            if isinstance(plugin, dict) and "llmstxt" in plugin
        ),
    }
    wrong = {name: text for name, text in texts.items() if words not in text}
    assert not wrong, f"mkdocs.yml must say {words!r} in {sorted(wrong)}"


def test_the_catalogue_covers_the_supported_series():
    catalogue = json.loads(project.CATALOGUE.read_text("utf-8"))
    assert catalogue["django_versions"] == SERIES


def test_the_readme_names_the_supported_series():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "Django " + series_in_words(SERIES).replace("5.2", "5.2 LTS") in readme
