"""Checks on the built HTML: links and anchors, headings, alt text, machine-readable files.

mkdocs' own validation checks Markdown links; these tests also cover links
written as HTML and what the theme generates.
"""

import re
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from scripts.project import DOCS, ROOT


@pytest.fixture(scope="module")
def pages(site_dir):
    """{path relative to the site: parsed HTML} for every HTML page of the site."""
    return {
        path.relative_to(site_dir).as_posix(): BeautifulSoup(
            path.read_text("utf-8"), "lxml"
        )
        for path in sorted(site_dir.rglob("*.html"))
    }


def resolve(site_dir, page, href):
    """The file an internal href of `page` points to, and its fragment."""
    parts = urlsplit(href)
    base = (site_dir / page).parent
    target = (base / unquote(parts.path)).resolve() if parts.path else site_dir / page
    if target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def test_internal_links_and_anchors_resolve(site_dir, pages):
    ids = {
        page: {tag["id"] for tag in soup.find_all(id=True)}
        for page, soup in pages.items()
    }
    broken = []
    for page, soup in pages.items():
        if page == "404.html":
            continue  # its links are absolute, built from site_url
        for tag in soup.find_all(["a", "link", "script", "img"]):
            href = tag.get("href") or tag.get("src")
            if not href or urlsplit(href).scheme or href.startswith(("//", "mailto:")):
                continue
            target, fragment = resolve(site_dir, page, href)
            if not target.is_file():
                broken.append(f"{page}: {href} (no such file)")
            elif fragment and target.suffix == ".html":
                if fragment not in ids[target.relative_to(site_dir).as_posix()]:
                    broken.append(f"{page}: {href} (no anchor #{fragment})")
    assert not broken, "Broken links in the built site:\n" + "\n".join(broken)


def test_headings_are_in_order(pages):
    problems = []
    for page, soup in pages.items():
        article = soup.find("article") or soup
        levels = [int(h.name[1]) for h in article.find_all(re.compile(r"^h[1-6]$"))]
        if levels.count(1) != 1 or levels[0] != 1:
            problems.append(f"{page}: needs exactly one h1, first")
        for before, after in zip(levels, levels[1:], strict=False):
            if after > before + 1:
                problems.append(f"{page}: heading jumps from h{before} to h{after}")
                break
    assert not problems, "\n".join(problems)


def test_every_image_has_alt_text(pages):
    missing = [
        f"{page}: {img.get('src')}"
        for page, soup in pages.items()
        for img in soup.find_all("img")
        if not (img.get("alt") or "").strip()
    ]
    assert not missing


def test_machine_readable_files_are_built_and_linked_from_home(site_dir, pages):
    for name in ["llms.txt", "llms-full.txt", "sitemap.xml", "reference/signals.json"]:
        assert (site_dir / name).is_file(), name
    home_links = {a["href"] for a in pages["index.html"].find_all("a", href=True)}
    assert {"llms.txt", "llms-full.txt", "reference/signals.json"} <= home_links


def test_custom_404_page(pages):
    assert pages["404.html"].find("h1").get_text(strip=True) == "Page not found"


def test_sitemap_lists_every_page(site_dir):
    sitemap = (site_dir / "sitemap.xml").read_text("utf-8")
    for path in DOCS.rglob("*.md"):
        url = path.relative_to(DOCS).with_suffix("").as_posix().removesuffix("index")
        url = url if not url or url.endswith("/") else url + "/"
        assert f"/{url}</loc>" in sitemap, url


VERSION_NOTE = re.compile(
    r'^\s*(!!!|\?\?\?\+?)\s+(\S+)\s+"((?:New|Changed|Removed|Deprecated) in Django[^"]*)"'
)


def test_version_notes_look_the_same_everywhere():
    """'New in Django X.Y' notes are info admonitions titled exactly like Django's."""
    problems = []
    for path in DOCS.rglob("*.md"):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            match = VERSION_NOTE.match(line)
            if not match:
                continue
            where = f"{path.relative_to(ROOT)}:{number}"
            if match[2] != "info":
                problems.append(f'{where}: use !!! info "{match[3]}"')
            if not re.fullmatch(
                r"(New|Changed|Removed|Deprecated) in Django \d\.\d", match[3]
            ):
                problems.append(
                    f'{where}: title must read like "Changed in Django 6.1"'
                )
    assert not problems, "\n".join(problems)


def test_every_page_has_its_own_description(pages):
    """Search engines and link previews show each page's own description (front matter)."""
    default = pages["index.html"].find("meta", attrs={"name": "description"})["content"]
    missing = []
    for page, soup in pages.items():
        if page in ("index.html", "404.html"):
            continue
        meta = soup.find("meta", attrs={"name": "description"})
        if meta is None or meta["content"] == default:
            source = "docs/" + page.removesuffix("index.html").rstrip("/") + ".md"
            missing.append(f"{source}: add front matter 'description: ...'")
    assert not missing, "\n".join(missing)
