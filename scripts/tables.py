"""Write the reference tables from docs/reference/signals.json.

Each signal's entry holds a generated block between two HTML comments:

    <!-- signals.json: post_save -->
    ...tables generated from the catalogue...
    <!-- end signals.json: post_save (generated: make traces) -->

and docs/reference/index.md holds the `overview` block. The end marker names
the command that rewrites the block. Regenerate them all:

    .venv/bin/python -m scripts.update tables

tests/scripts/test_tables.py fails while a page is stale.
"""

import re

from packaging.version import Version

from scripts.catalogue import load
from scripts.project import REFERENCE

BLOCK = re.compile(
    r"(?P<start><!-- signals\.json: (?P<name>[\w-]+) -->\n)"
    r".*?"
    r"(?P<end><!-- end signals\.json: (?P=name) \(generated: make traces\) -->)",
    re.S,
)


def short_type(spec):
    """'django.http.HttpRequest | None' -> 'HttpRequest | None'."""
    return re.sub(r"(?:\w+\.)+(\w+)", r"\1", spec)


def function_label(dotted):
    """Class.method() when the function is a method, else the dotted path."""
    parts = dotted.split(".")
    if parts[-2][:1].isupper():
        return f"{parts[-2]}.{parts[-1]}()"
    return f"{dotted}()"


def version_label(item):
    if item.get("added"):
        return f"Django {item['added']}+"
    if item.get("django"):
        return f"Django {item['django']}"
    return ""


def cell(text):
    """Table-cell text: pipes escaped, except inside `code` (Markdown keeps those)."""
    parts = text.replace("\n", " ").split("`")
    return "`".join(
        part if inside_code else part.replace("|", r"\|")
        for inside_code, part in ((i % 2 == 1, part) for i, part in enumerate(parts))
    )


def case_arguments(signal, case):
    names = case.get("kwargs", list(signal["kwargs"]))
    if not names:
        return "none"
    labels = []
    for name in names:
        label = version_label(signal["kwargs"][name])
        labels.append(f"`{name}`" + (f" ({label})" if label else ""))
    return ", ".join(labels)


def signal_block(signal):
    lines = [
        f"- **Import:** `from {signal['module']} import {signal['name']}`"
        + "".join(
            f" (also `from {other} import {signal['name']}`)"
            for other in signal.get("also_importable_from", [])
        ),
    ]
    sites = []
    for site in signal["call_sites"]:
        label = version_label(site)
        sites.append(
            f"`{function_label(site['function'])}` with `{site['method']}()`"
            + (f" ({label})" if label else "")
        )
    lines.append("- **Sent from:** " + "; ".join(sites))
    lines.append(
        f"- **Django's documentation:** [`{signal['name']}`]({signal['django_docs']})"
        if signal["documented"]
        else "- **Django's documentation:** none, this signal is undocumented"
    )
    if signal.get("added"):
        lines.append(f"- **New in Django {signal['added']}.**")
    lines += ["", "| Sent when | Sender | Arguments |", "| --- | --- | --- |"]
    for case in signal["cases"]:
        label = version_label(case)
        when = (f"{label}: " if label else "") + case["trigger"]
        lines.append(
            f"| {cell(when)} | {cell(case['sender'])} "
            f"| {case_arguments(signal, case)} |"
        )
    if signal["kwargs"]:
        lines += ["", "| Argument | Type | Meaning |", "| --- | --- | --- |"]
        for name, kwarg in signal["kwargs"].items():
            label = version_label(kwarg)
            meaning = (f"{label}. " if label else "") + kwarg["meaning"]
            lines.append(
                f"| `{name}` | {cell('`' + short_type(kwarg['type']) + '`')} | {cell(meaning)} |"
            )
    else:
        lines += ["", "Besides `signal` and `sender`, no keyword arguments."]
    if signal["not_sent_by"]:
        lines += ["", "**Not sent by:** " + "; ".join(signal["not_sent_by"]) + "."]
    if signal["version_notes"]:
        lines += ["", "**History:**", ""]
        lines += [history_line(note) for note in signal["version_notes"]]
    return "\n".join(lines) + "\n"


def history_line(note):
    """A version note; one older than the handbook's versions names its source."""
    oldest = Version(load()["django_versions"][0])
    if Version(note["version"]) < oldest:
        return (
            f"- Django {note['version']}, according to its release notes: "
            f"{note['change']}"
        )
    return f"- Django {note['version']}: {note['change']}"


def overview_block():
    lines = [
        "| Signal | Import from | Sent | Django docs |",
        "| --- | --- | --- | --- |",
    ]
    for signal in load()["signals"]:
        name = f"[`{signal['name']}`]({signal['page']})"
        if signal.get("added"):
            name += f" (Django {signal['added']}+)"
        docs = f"[yes]({signal['django_docs']})" if signal["documented"] else "**no**"
        lines.append(
            f"| {name} | `{signal['module']}` | {cell(signal['summary'])} | {docs} |"
        )
    return "\n".join(lines) + "\n"


def block(name):
    if name == "overview":
        return overview_block()
    (signal,) = [s for s in load()["signals"] if s["name"] == name]
    return signal_block(signal)


def render(text):
    """The page text with every generated block rewritten."""
    return BLOCK.sub(
        lambda m: m["start"] + block(m["name"]) + m["end"],
        text,
    )


def pages():
    return sorted(REFERENCE.glob("*.md"))


def stale_pages():
    return [
        page
        for page in pages()
        if render(page.read_text(encoding="utf-8")) != page.read_text(encoding="utf-8")
    ]
