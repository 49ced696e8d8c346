"""Every "New in / Changed in Django X.Y" note is backed by something that runs.

A note for a version newer than the oldest supported series must have, in
its section (from the heading above it to the next heading of the same or a
higher level), a fence that runs only on some versions and names X.Y
(`{django=">=X.Y"}`, `{django="<X.Y"}`...), or a generated catalogue block
whose signal has something `added` in X.Y or limited to versions naming X.Y,
or a row of a checked table (orm/operations.md) whose Django column lists
some of the supported series, X.Y among them.
A note for the oldest supported series or older describes what every
supported Django does, so a fence that runs on all of them backs it.
"""

import json
import re
from dataclasses import dataclass

from scripts.project import CATALOGUE, DOCS, ROOT, SERIES
from tests.harness.anchors import sections
from tests.harness.fences import scan

NOTE = re.compile(
    r'^\s*(?:!!!|\?\?\?\+?)\s+\S+\s+"(?:New|Changed|Removed|Deprecated) in Django (\d+\.\d+)"'
)
BLOCK = re.compile(r"<!-- signals\.json: (\w+) -->")
OLDEST = tuple(map(int, SERIES[0].split(".")))


@dataclass
class Note:
    page: object
    line: int
    version: str
    start: int  # first line of its section
    end: int  # last line of its section

    @property
    def where(self):
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def notes(page):
    lines = page.read_text("utf-8").splitlines()
    around = sections(page.relative_to(DOCS).as_posix()).values()
    for number, text in enumerate(lines, 1):
        match = NOTE.match(text)
        if not match:
            continue
        inside = [s for s in around if s.line < number < s.end]
        section = max(inside, key=lambda s: s.line, default=None)
        start, end = (section.line, section.end - 1) if section else (1, len(lines))
        yield Note(page, number, match[1], start, end)


def names_version(spec, version):
    return re.search(rf"(?<![\d.]){re.escape(version)}(?![\d])", spec) is not None


def catalogue_versions(name):
    """Versions that an item of a catalogue signal is added in or limited to."""
    signal = next(
        s
        for s in json.loads(CATALOGUE.read_text("utf-8"))["signals"]
        if s["name"] == name
    )
    found = set()

    def visit(item):
        if isinstance(item, dict):
            if isinstance(item.get("added"), str):
                found.add(item["added"])
            if isinstance(item.get("django"), str):
                found.update(re.findall(r"\d+\.\d+", item["django"]))
            for value in item.values():
                visit(value)
        elif isinstance(item, list):
            for value in item:
                visit(value)

    visit(signal)
    return found


def backing(note):
    """What in the note's section backs its version, or None."""
    fences = [
        fence
        for fence in scan(note.page)
        if note.start <= fence.line <= note.end and fence.lang == "python"
    ]
    text = note.page.read_text("utf-8").splitlines()[note.start - 1 : note.end]
    if tuple(map(int, note.version.split("."))) <= OLDEST:
        running = [f for f in fences if "skip" not in f.options.get("test", "")]
        return running[0].where if running else None
    for fence in fences:
        if names_version(fence.options.get("django", ""), note.version):
            return fence.where
    for row in text:  # a checked table row (orm/operations.md) on some versions
        cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
        versions = re.findall(r"\d+\.\d+", cells[-1]) if row.startswith("|") else []
        if note.version in versions and versions != SERIES:
            return "a table row checked on " + ", ".join(versions)
    for name in BLOCK.findall("\n".join(text)):
        if note.version in catalogue_versions(name):
            return f"signals.json: {name}"
    return None


def test_every_version_note_is_backed_by_code_that_runs():
    problems = [
        f"{note.where}: nothing in this section runs only on some versions and names "
        f'Django {note.version}.\nFix: prove it with a fence marked {{django=">={note.version}"}} '
        f'(and its {{django="<{note.version}"}} twin where behaviour differs) in the same '
        "section, or correct the version in the note; then run make matrix."
        for page in sorted(DOCS.rglob("*.md"))
        for note in notes(page)
        if backing(note) is None
    ]
    assert not problems, "\n".join(problems)
