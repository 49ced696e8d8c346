"""Build the list of docs/questions.md from docs/questions.yml.

mkdocs runs this module as a hook (`hooks:` in mkdocs.yml). It replaces the
`<!-- questions -->` marker of docs/questions.md with one section per theme,
in the order of `themes:`, listing the questions whose `status` is `full`,
each linked to the section that answers it. Questions answered in part or
not at all stay in the data, with a note of what is missing, for later work.

The data file is read here and nowhere else in the build: it is removed from
the site's files. tests/pages/test_questions.py checks the data and the list.
"""

import re
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

PAGE = "questions.md"
DATA = "questions.yml"
MARKER = "<!-- questions -->"

# Outside `code`, these would be read as Markdown (emphasis, links, HTML).
_CODE = re.compile(r"(`[^`]*`)")
_SPECIAL = re.compile(r"([\\*_\[\]<>#])")


def load(docs_dir):
    """The data of docs/questions.yml."""
    return yaml.safe_load((Path(docs_dir) / DATA).read_text(encoding="utf-8"))


def answered(data, theme):
    """The questions of a theme that the handbook answers, in file order."""
    return [
        question
        for question in data["questions"]
        if question["theme"] == theme and question["status"] == "full"
    ]


def link_text(question):
    """A question as Markdown link text: `code` kept, everything else literal."""
    text = " ".join(question.split())
    return "".join(
        part if part.startswith("`") else _SPECIAL.sub(r"\\\1", part)
        for part in _CODE.split(text)
    )


def render(data):
    """The Markdown that replaces the marker: a heading and a list per theme."""
    lines = []
    for theme, title in data["themes"].items():
        questions = answered(data, theme)
        if not questions:
            continue
        lines += [f"## {title}", ""]
        lines += [
            f"- [{link_text(question['question'])}]({question['answer']})"
            for question in questions
        ]
        lines.append("")
    return "\n".join(lines)


def on_files(files, config):
    data = files.get_file_from_path(DATA)
    if data is not None:
        files.remove(data)
    return files


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri != PAGE:
        return markdown
    if markdown.count(MARKER) != 1:
        raise PluginError(
            f"docs/{PAGE} must contain the line {MARKER} exactly once: "
            f"hooks/questions.py puts the list of questions there."
        )
    return markdown.replace(MARKER, render(load(config["docs_dir"])))
