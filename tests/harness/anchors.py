"""The anchors a page will have once built, read from its Markdown.

The link check uses these to name the file and line of a broken link
without building the site. The page is converted with the Markdown
extensions of mkdocs.yml that make ids (toc, attr_list, md_in_html,
tabs and admonitions around headings, fences that hide `#` lines, included
files), with syntax highlighting left out: it makes no ids. A `:::`
block of mkdocstrings documents an object; every id below its path counts.
`mkdocs build --strict` stays the authority: it refuses the same links.

`sections()` also says where each anchor's section starts and ends (for
checks that look for proof or version notes inside a section); it slugifies
headings the way the toc extension does.
"""

import html
import re
from dataclasses import dataclass
from functools import cache

import markdown
from markdown.extensions.toc import slugify, strip_tags, unique

from scripts.project import DOCS, ROOT
from tests.harness.fences import scan

EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.details",
    "pymdownx.snippets",
    "pymdownx.superfences",
    "pymdownx.tabbed",
]
CONFIG = {
    "pymdownx.snippets": {"base_path": [str(ROOT)], "dedent_subsections": True},
    "toc": {"permalink": True},
    "pymdownx.tabbed": {"alternate_style": True},
}
_ID = re.compile(r'\bid="([^"]+)"')
_OBJECT = re.compile(r"^:::\s+(\S+)", re.M)
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


@cache
def anchors(page):
    """(ids, object paths) of a docs page, given as a path relative to docs/."""
    text = _FRONT_MATTER.sub("", (DOCS / page).read_text("utf-8"))
    html = markdown.markdown(text, extensions=EXTENSIONS, extension_configs=CONFIG)
    return frozenset(_ID.findall(html)), tuple(_OBJECT.findall(text))


def has_anchor(page, fragment):
    ids, objects = anchors(page)
    return fragment in ids or any(
        fragment == path or fragment.startswith(path + ".") for path in objects
    )


# Sections: where each anchor's part of a page starts and ends ---------------

HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
ATTR_LIST = re.compile(r"[ \t]*\{:?([^}]*)\}[ \t]*$")
HTML_ID = re.compile(r'\bid="([^"]+)"')
EXPLICIT_ID = re.compile(r"\{:?[^}]*?#([\w-]+)[^}]*\}")


@dataclass
class Section:
    line: int  # 1-based line of the heading or anchor
    end: int  # first line after the section
    title: str


@cache
def sections(page):
    """{anchor: Section} of a docs page (a path relative to docs/), as mkdocs makes them.

    A heading's section runs to the next heading of the same or a higher level;
    an explicit anchor outside a heading, to the next heading.
    """
    path = DOCS / page
    lines = path.read_text("utf-8").splitlines()
    in_code = set()
    for fence in scan(path):
        body = fence.source.count("\n") if fence.source.strip() else 0
        in_code.update(range(fence.line, fence.line + body + 2))
    start = 0
    if lines and lines[0].strip() == "---":  # front matter
        start = next(n for n in range(1, len(lines)) if lines[n].strip() == "---") + 1
    headings, others, used = [], [], set()
    for number, line in enumerate(lines[start:], start + 1):
        if number in in_code:
            continue
        match = HEADING.match(line)
        if match:
            headings.append((number, len(match[1]), match[2]))
        else:
            ids = HTML_ID.findall(line) + EXPLICIT_ID.findall(line)
            others.extend((number, anchor) for anchor in ids)
            used.update(ids)
    found = []
    for number, level, text in headings:
        attrs = ATTR_LIST.search(text)
        explicit = re.findall(r"#([\w-]+)", attrs[1]) if attrs else []
        if attrs:
            text = text[: attrs.start()]
        # Rendered as the heading it is, so that `code`, links and escapes read as
        # they do in the built page; toc then slugifies the text of that HTML.
        name = html.unescape(strip_tags(markdown.markdown(f"{'#' * level} {text}")))
        used.update(explicit)
        found.append((number, level, name, explicit))
    counters = {}
    result = {}
    for index, (number, level, name, explicit) in enumerate(found):
        anchor = explicit[0] if explicit else unique(slugify(name, "-"), used, counters)
        end = next((n for n, lv, _, _ in found[index + 1 :] if lv <= level), None)
        result[anchor] = Section(number, end or len(lines) + 1, name)
    for number, anchor in others:
        end = next((n for n, _, _, _ in found if n > number), len(lines) + 1)
        result.setdefault(anchor, Section(number, end, anchor))
    return result
