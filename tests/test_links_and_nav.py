"""Every Markdown link lands on a page and heading that exist; every page is in the nav.

`mkdocs build --strict` refuses the same mistakes; these tests add the
file and line, and say how to fix them, without building the site.
"""

import re
from urllib.parse import unquote

import pytest
from mkdocs.utils.yaml import yaml_load

from scripts.project import DOCS, ROOT
from tests.harness.anchors import has_anchor

LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
INLINE_CODE = re.compile(r"`[^`]*`")


def prose_lines(path):
    """(line number, text) of a page, without fenced code and inline code."""
    lines = path.read_text("utf-8").splitlines()
    inside = None
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        marker = re.match(r"(`{3,}|~{3,})", stripped)
        if marker and (inside is None or stripped.startswith(inside)):
            inside = None if inside else marker[1]
            continue
        if inside is None:
            yield number, INLINE_CODE.sub("", line)


PAGES = sorted(DOCS.rglob("*.md"))


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES])
def test_markdown_links_resolve(page):
    problems = []
    for number, line in prose_lines(page):
        for href in LINK.findall(line):
            if re.match(r"^[a-z]+:", href):
                continue  # external
            target, _, fragment = unquote(href).partition("#")
            where = f"{page.relative_to(ROOT)}:{number}"
            if target and not target.endswith(".md"):
                continue  # assets and generated files: checked on the built HTML
            source = (page.parent / target).resolve() if target else page
            if not source.is_file():
                problems.append(f"{where}: {href} -> {target} does not exist")
            elif fragment and not has_anchor(
                source.relative_to(DOCS).as_posix(), fragment
            ):
                problems.append(f"{where}: {href} -> no heading or anchor #{fragment}")
    assert not problems, (
        "Broken links (fix the path or anchor; anchors are heading texts in lower case "
        "with spaces turned into '-'):\n" + "\n".join(problems)
    )


def nav_pages(items):
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            yield from nav_pages(value)
        else:
            yield value


def test_every_page_is_in_the_nav():
    config = yaml_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    in_nav = set(nav_pages(config["nav"]))
    missing = [
        f"{path.relative_to(ROOT)} is not in the nav"
        for path in sorted(DOCS.rglob("*.md"))
        if path.relative_to(DOCS).as_posix() not in in_nav
    ]
    assert not missing, (
        "\n".join(missing) + "\nFix: add each page to `nav:` in mkdocs.yml."
    )
