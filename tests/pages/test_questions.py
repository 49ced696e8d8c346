"""docs/questions.yml: every question is well formed and points to a section that exists,
and every answered one to a section that proves its answer with code that runs.

hooks/questions.py turns the answered questions (status: full) into the list of
docs/questions.md; the last tests check that list, in Markdown and in the built site.
Anchors are computed from the Markdown headings the way mkdocs' toc extension
does (markdown.extensions.toc.slugify with "-", made unique with _1, _2...),
plus explicit ids ({#id} attributes, id="..." in HTML). Headings that reach a page
through an --8<-- include of Markdown, or from mkdocstrings, are not seen: answers
point at a page's own headings.

A section proves its answer when it holds a ```python fence that runs (not
test="skip: ..."), an --8<-- include of Python from examples/ or tests/, or a
table that a test checks row by row (TESTED_TABLE_HEADERS).
"""

import difflib
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import yaml_load

from hooks.questions import DATA, MARKER, PAGE, link_text, load, render
from scripts.project import DOCS, ROOT
from tests.harness.anchors import sections
from tests.harness.fences import include_problems, scan

DATA_FILE = DOCS / DATA
WHERE = DATA_FILE.relative_to(ROOT)
STATUSES = ("full", "partial", "none")
REQUIRED = ("id", "theme", "question", "source", "answer", "status")
OPTIONAL = ("search_words", "also_asked_at", "packages", "missing")
ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
URL = re.compile(r"^https?://\S+$")

# Tables that a test runs row by row, as good a proof as a snippet. A header
# counts only while a test module under tests/ or examples/ still holds it.
TESTED_TABLE_HEADERS = ("| Operation | Signals sent | Django |",)


# --- docs/questions.yml, with the line of every entry and value -------------------


@dataclass
class Entry:
    data: dict
    line: int  # 1-based line of "- id: ..."
    lines: dict  # key -> 1-based line of its value

    def at(self, key=None):
        return f"{WHERE}:{self.lines.get(key, self.line)}"

    @property
    def name(self):
        return self.data.get("id", "(no id)")


@cache
def questions_file():
    """(themes, [Entry]) of docs/questions.yml."""
    text = DATA_FILE.read_text("utf-8")
    data = yaml.safe_load(text)
    root = yaml.compose(text)
    nodes = {key.value: value for key, value in root.value}
    entries = [
        Entry(
            data=item,
            line=node.start_mark.line + 1,
            lines={key.value: value.start_mark.line + 1 for key, value in node.value},
        )
        for item, node in zip(data["questions"], nodes["questions"].value, strict=True)
    ]
    return data["themes"], entries


@cache
def tables_under_test():
    """The table headers of TESTED_TABLE_HEADERS that a test module still checks."""
    modules = [
        path
        for folder in ("tests", "examples")
        for path in (ROOT / folder).rglob("*.py")
        if path.resolve() != Path(__file__).resolve() and "migrations" not in path.parts
    ]
    texts = [path.read_text("utf-8") for path in modules]
    return {
        header for header in TESTED_TABLE_HEADERS if any(header in t for t in texts)
    }


def proofs(page, section):
    """What in a section runs: ```python fences, includes of tested code, tested tables."""
    path = DOCS / page
    found = []
    for fence in scan(path):
        if not section.line < fence.line < section.end:
            continue
        if fence.is_include:
            targets = re.findall(r'--8<--\s+"([^":]+)', fence.source)
            if not list(include_problems(fence)) and all(
                target.endswith(".py") and target.split("/")[0] in ("examples", "tests")
                for target in targets
            ):
                found.append(f"include at line {fence.line}")
        elif fence.lang == "python" and not fence.options.get("test", "").startswith(
            "skip"
        ):
            found.append(f"snippet at line {fence.line}")
    lines = path.read_text("utf-8").splitlines()[section.line : section.end - 1]
    found += [f"tested table {h!r}" for h in tables_under_test() if h in lines]
    return found


def split(answer):
    page, _, anchor = str(answer).partition("#")
    return page, anchor


# --- the data ---------------------------------------------------------------------


def test_questions_are_well_formed():
    themes, entries = questions_file()
    problems = []
    if not themes or not all(isinstance(t, str) and t.strip() for t in themes.values()):
        problems.append(f"{WHERE}: themes: must map each theme id to its page heading")
    first = {}
    for entry in entries:
        q = entry.data
        for key in REQUIRED:
            if not q.get(key):
                problems.append(f"{entry.at()}: {entry.name}: add `{key}:`")
        for key in sorted(set(q) - set(REQUIRED) - set(OPTIONAL)):
            problems.append(
                f"{entry.at(key)}: {entry.name}: unknown key `{key}:` "
                f"(known: {', '.join(REQUIRED + OPTIONAL)})"
            )
        if "id" in q:
            if not ID.match(str(q["id"])):
                problems.append(
                    f"{entry.at('id')}: id {q['id']!r}: use lower-case words joined by '-'"
                )
            if q["id"] in first:
                problems.append(
                    f"{entry.at('id')}: id {q['id']!r} is already used at "
                    f"{WHERE}:{first[q['id']]}: give one of them another id, or merge them"
                )
            first.setdefault(q["id"], entry.line)
        if q.get("theme") and q["theme"] not in themes:
            problems.append(
                f"{entry.at('theme')}: {entry.name}: theme {q['theme']!r} is not one of "
                f"themes: ({', '.join(themes)}); use one or add it there"
            )
        if q.get("status") and q["status"] not in STATUSES:
            problems.append(
                f"{entry.at('status')}: {entry.name}: status must be one of "
                f"{', '.join(STATUSES)}"
            )
        if q.get("status") in ("partial", "none") and not q.get("missing"):
            problems.append(
                f"{entry.at('status')}: {entry.name}: status {q['status']} needs a "
                "`missing:` note saying what the handbook does not answer yet"
            )
        urls = [("source", q.get("source"))] + [
            ("also_asked_at", url) for url in q.get("also_asked_at") or []
        ]
        for key, url in urls:
            if url and not URL.match(str(url)):
                problems.append(
                    f"{entry.at(key)}: {entry.name}: {url!r} is not an http(s) URL"
                )
        if "search_words" in q:
            words = q["search_words"]
            if not isinstance(words, list) or not words:
                problems.append(
                    f"{entry.at('search_words')}: {entry.name}: search_words must be a "
                    "list of phrases, or be left out"
                )
            else:
                problems.extend(
                    f"{entry.at('search_words')}: {entry.name}: search words {phrase!r} "
                    "are fewer than 2 words; write what a reader would type, "
                    "e.g. 'post_save not firing'"
                    for phrase in words
                    if len(str(phrase).split()) < 2
                )
        for package in q.get("packages") or []:
            if not isinstance(package, dict) or set(package) != {"name", "version"}:
                problems.append(
                    f"{entry.at('packages')}: {entry.name}: write each package as "
                    '{name: ..., version: "..."}, the version checked on PyPI'
                )
    assert not problems, "\n".join(problems)


def test_answers_point_to_sections_that_exist():
    _, entries = questions_file()
    problems = []
    for entry in entries:
        answer = entry.data.get("answer")
        if not answer:
            continue  # reported by test_questions_are_well_formed
        page, anchor = split(answer)
        where = f"{entry.at('answer')}: {entry.name}: answer {answer}"
        if not page.endswith(".md") or not anchor:
            problems.append(f"{where}: write it as page.md#anchor, relative to docs/")
        elif not (DOCS / page).is_file():
            close = difflib.get_close_matches(
                page, [p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")], 1
            )
            hint = f" (did you mean {close[0]}?)" if close else ""
            problems.append(f"{where}: docs/{page} does not exist{hint}")
        elif anchor not in sections(page):
            close = difflib.get_close_matches(anchor, list(sections(page)), 1)
            hint = f"; the closest is #{close[0]}" if close else ""
            problems.append(
                f"{where}: docs/{page} has no heading or anchor #{anchor}{hint}. "
                "Fix: point answer at the heading's anchor (its text in lower case, "
                "spaces turned into '-')"
            )
    assert not problems, "\n".join(problems)


def test_answered_questions_are_proven_by_code_that_runs():
    _, entries = questions_file()
    problems = []
    for entry in entries:
        if entry.data.get("status") != "full":
            continue
        page, anchor = split(entry.data.get("answer"))
        section = (DOCS / page).is_file() and sections(page).get(anchor)
        if not section:
            continue  # reported by test_answers_point_to_sections_that_exist
        if not proofs(page, section):
            problems.append(
                f"{entry.at('answer')}: {entry.name}: its answer, docs/{page} lines "
                f"{section.line}-{section.end - 1} ({section.title!r}), holds no "
                "```python snippet that runs and no --8<-- include of tested code. "
                "Fix: point answer at the section that shows it running, add a snippet "
                "to that section, or set status: partial with a missing: note"
            )
    assert not problems, "\n".join(problems)


# --- the page ---------------------------------------------------------------------

LINK = re.compile(r"^- \[(?P<text>.*)\]\((?P<href>[^)\s]+)\)$")


def test_the_page_lists_every_answered_question_once():
    themes, entries = questions_file()
    page = (DOCS / PAGE).read_text("utf-8")
    front_matter = page.split("\n---\n", 1)[0]
    assert (
        page.startswith("---\n") and "\ndescription:" in front_matter and "\n# " in page
    ), f"docs/{PAGE} must start with front matter (description: ...) and a # title"
    assert page.count(MARKER) == 1, (
        f"docs/{PAGE}: put the line {MARKER} where the list goes, once"
    )
    config = yaml_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    assert "hooks/questions.py" in (config.get("hooks") or []), (
        "mkdocs.yml: add hooks/questions.py under `hooks:`; it builds the list"
    )

    rendered = render(load(DOCS)).splitlines()
    listed = Counter((m["text"], m["href"]) for m in map(LINK.match, rendered) if m)
    answered = [entry for entry in entries if entry.data["status"] == "full"]
    problems = []
    for entry in answered:
        count = listed.pop((link_text(entry.data["question"]), entry.data["answer"]), 0)
        if count != 1:
            problems.append(
                f"{entry.at()}: {entry.name} is listed {count} times, not once"
            )
    problems.extend(
        f"the list shows {text!r} -> {href}, which is no answered question"
        for text, href in listed
    )
    headings = [line[3:] for line in rendered if line.startswith("## ")]
    shown = [themes[t] for t in themes if any(e.data["theme"] == t for e in answered)]
    if headings != shown:
        problems.append(f"the list has the headings {headings}, not {shown}")
    assert not problems, "\n".join(problems)


def test_the_built_page_links_each_answered_question(site_dir):
    _, entries = questions_file()
    soup = BeautifulSoup(
        (site_dir / "questions" / "index.html").read_text("utf-8"), "html.parser"
    )
    article = soup.find("article") or soup
    items = article.select("li > a[href]")
    built = Counter(" ".join(a.get_text().split()) for a in items)
    problems = [
        f"{entry.at()}: {entry.name}: the built page shows it "
        f"{built[' '.join(entry.data['question'].replace('`', '').split())]} times"
        for entry in entries
        if entry.data["status"] == "full"
        and built[" ".join(entry.data["question"].replace("`", "").split())] != 1
    ]
    answered = sum(entry.data["status"] == "full" for entry in entries)
    if len(items) != answered:
        problems.append(
            f"{len(items)} links in the list, {answered} answered questions"
        )
    if (site_dir / DATA).exists():
        problems.append(f"site/{DATA} was published; hooks/questions.py removes it")
    assert not problems, "\n".join(problems)
