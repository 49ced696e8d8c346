"""The reference pages' tables are generated from signals.json and kept in sync.

If one fails, run `.venv/bin/python -m scripts.update tables` and
read the diff of docs/reference/.
"""

import re

from scripts import catalogue, tables
from scripts.project import REFERENCE

SIGNALS = catalogue.load()["signals"]


def blocks_per_page():
    return {
        page.name: tables.BLOCK.findall(page.read_text(encoding="utf-8"))
        for page in tables.pages()
    }


def test_every_generated_block_matches_the_catalogue():
    assert [page.name for page in tables.stale_pages()] == []


def test_each_signal_has_one_block_under_its_own_heading_on_its_page():
    found = {}
    for page, blocks in blocks_per_page().items():
        for _start, name, _end in blocks:
            found.setdefault(name, []).append(page)
    for signal in SIGNALS:
        page, anchor = signal["page"].split("#")
        assert anchor == signal["name"]
        assert found.pop(signal["name"]) == [page]
        text = (REFERENCE / page).read_text(encoding="utf-8")
        heading = text.index(f"\n## `{signal['name']}`\n")
        next_heading = text.find("\n## ", heading + 1)
        block = text.index(f"<!-- signals.json: {signal['name']} -->")
        assert heading < block < (len(text) if next_heading < 0 else next_heading)
    assert found == {"overview": ["index.md"]}


def test_a_stale_table_is_rewritten():
    page = REFERENCE / "model-signals.md"
    text = page.read_text(encoding="utf-8")
    original = "| `update_fields` | `frozenset | None` |"
    damaged = text.replace(original, "| `update_fields` | `list` |")
    assert damaged != text
    assert tables.render(damaged) == text


def test_the_catalogue_is_consistent():
    names = [signal["name"] for signal in SIGNALS]
    assert len(names) == len(set(names)) == 24
    for signal in SIGNALS:
        assert signal["documented"] == (signal["django_docs"] is not None)
        for case in signal["cases"]:
            assert set(case) <= {
                "id",
                "trigger",
                "sender",
                "sender_check",
                "kwargs",
                "django",
            }
            assert set(case.get("kwargs", [])) <= set(signal["kwargs"])
            ((kind, _),) = case["sender_check"].items()
            assert kind in {"is", "subclass_of", "instance_of", "equals"}
        for kwarg in signal["kwargs"].values():
            assert re.fullmatch(r"[\w.\[\] |]+", kwarg["type"])
            assert set(kwarg) <= {
                "type",
                "meaning",
                "added",
                "django",
                "same_as_sender",
                "sender_is_its_class",
            }


def test_history_older_than_the_handbook_names_its_source():
    old = {"version": "4.1", "change": "The `origin` argument was added."}
    new = {"version": "6.1", "change": "The `raw` argument was added."}
    assert tables.history_line(old) == (
        "- Django 4.1, according to its release notes: The `origin` argument was added."
    )
    assert tables.history_line(new) == "- Django 6.1: The `raw` argument was added."


def test_every_generated_block_names_the_command_that_rewrites_it():
    """Each block's end marker says `(generated: make traces)`; a block without it fails."""
    problems = []
    for page in sorted(REFERENCE.glob("*.md")):
        text = page.read_text("utf-8")
        for kind in ("signals.json", "trace"):
            starts = re.findall(rf"<!-- {re.escape(kind)}: ([\w-]+) -->", text)
            ends = re.findall(
                rf"<!-- end {re.escape(kind)}: ([\w-]+) \(generated: make traces\) -->",
                text,
            )
            if starts != ends:
                problems.append(f"{page.name}: {kind} blocks {starts} end as {ends}")
    assert not problems, "\n".join(problems)
