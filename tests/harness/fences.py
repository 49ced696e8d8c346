"""Find the fenced code blocks in docs/ and read their options.

This scanner is independent of pytest-examples on purpose: the census test
compares what it finds with what the snippet harness runs, so a fence the
harness would silently miss is reported.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import django
from django.db import connections
from packaging.specifiers import InvalidSpecifier, SpecifierSet

from scripts.project import DOCS, EXAMPLES, ROOT

# Options a ```python fence may carry, inside braces: python {test="skip: why"}.
RUN_OPTIONS = {"test", "django", "db", "db_vendor"}
# Options pymdownx.superfences renders (titles, highlighted lines).
DISPLAY_OPTIONS = {"title", "hl_lines", "linenums"}
DB_MODES = {"transactional", "rollback", "none"}
# db_vendor= values: Django's connection.vendor, and how the skip reason names it.
DB_VENDORS = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}

_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
INCLUDE = re.compile(r'^\s*--8<--\s+"(?P<path>[^":]+)(?::(?P<section>[\w-]+))?"\s*$')
_OPTION = re.compile(r'([A-Za-z_][\w-]*)="([^"]*)"')


@dataclass
class Fence:
    path: Path
    line: int  # 1-based line of the opening fence
    fence: str
    lang: str
    info: str
    options: dict[str, str]
    source: str
    problems: list[str] = field(default_factory=list)

    @property
    def where(self):
        return f"{self.path.relative_to(ROOT)}:{self.line}"

    @property
    def is_include(self):
        lines = [line.strip() for line in self.source.splitlines() if line.strip()]
        return bool(lines) and all(line.startswith("--8<--") for line in lines)

    def skip_reason(self):
        """Why this fence is not executed on this Django, or None if it runs."""
        if self.is_include:
            return "include: the included file is tested"
        test = self.options.get("test", "")
        if test.startswith("skip"):
            return test.removeprefix("skip").lstrip(" :-") or None
        spec = self.options.get("django")
        if spec and not SpecifierSet(spec).contains(django.__version__):
            return f"needs Django {spec}"
        vendor = self.options.get("db_vendor")
        if vendor and vendor != database_vendor():
            return f"needs {DB_VENDORS.get(vendor, vendor)}"
        return None


def database_vendor():
    """The database the snippets run on, as connection.vendor names it: "sqlite", "postgresql"."""
    return connections["default"].vendor


def language(info):
    """The fence's language: `python` for ```python, ```{.python} or ```python {x="y"}."""
    token = info.strip().lstrip("{").split(None, 1)[0] if info.strip() else ""
    return token.lstrip(".").rstrip("}")


def scan(path):
    """Yield every fenced block of one Markdown file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    index = 0
    while index < len(lines):
        match = _OPEN.match(lines[index])
        if not match:
            index += 1
            continue
        start, fence, info = index, match["fence"], match["info"]
        body = []
        index += 1
        while index < len(lines):
            closing = lines[index].strip()
            if closing.startswith(fence[0] * len(fence)) and not closing.strip(
                fence[0]
            ):
                break
            body.append(lines[index])
            index += 1
        index += 1
        indent = len(match["indent"])
        source = "\n".join(line[indent:] for line in body)
        yield Fence(
            path=path,
            line=start + 1,
            fence=fence,
            lang=language(info),
            info=info,
            options=dict(_OPTION.findall(info)),
            source=source + "\n",
        )


def include_problems(fence):
    """What is wrong with the --8<-- lines of a fence (any language)."""
    for line in fence.source.splitlines():
        if not line.strip().startswith("--8<--"):
            continue
        match = INCLUDE.match(line)
        if not match:
            yield f'write includes as --8<-- "examples/app/file.py:section", not {line.strip()}'
            continue
        target = ROOT / match["path"]
        if not target.resolve().is_relative_to(EXAMPLES):
            yield (
                f"--8<-- includes {match['path']}: pages show code only from examples/; "
                "move the shown code into an example module and test it there"
            )
        elif not target.is_file():
            yield f"--8<-- includes {match['path']}, which does not exist"
        elif match["section"] and (
            f"--8<-- [start:{match['section']}]"
            not in target.read_text(encoding="utf-8")
        ):
            yield (
                f"--8<-- includes section {match['section']!r} of {match['path']}, "
                f"which has no '# --8<-- [start:{match['section']}]' marker"
            )


def all_fences(root=DOCS):
    for path in sorted(root.rglob("*.md")):
        yield from scan(path)


def python_fences(root=DOCS):
    """Every fence that holds Python code, with the problems found in each."""
    for fence in all_fences(root):
        lang = fence.lang.lower()
        if lang == "pycon" or not lang.startswith("py"):
            continue
        check(fence)
        yield fence


def check(fence):
    """Record what is wrong with a Python fence, in words a contributor can act on."""
    if fence.lang != "python":
        fence.problems.append(f"write ```python, not ```{fence.lang}")
    if fence.fence != "```":
        fence.problems.append("use a plain ``` fence (three backticks) for Python")
    unknown = set(fence.options) - RUN_OPTIONS - DISPLAY_OPTIONS
    if unknown:
        fence.problems.append(
            f"unknown fence option(s) {sorted(unknown)}; see CONTRIBUTING.md"
        )
    braced = dict(_OPTION.findall("".join(re.findall(r"\{[^}]*\}", fence.info))))
    if set(fence.options) & RUN_OPTIONS - set(braced):
        fence.problems.append('put run options in braces: ```python {test="skip: why"}')
    test = fence.options.get("test")
    if test is not None and (not test.startswith("skip") or not fence.skip_reason()):
        fence.problems.append('test= must read "skip: <the reason>"')
    db = fence.options.get("db")
    if db is not None and db not in DB_MODES:
        fence.problems.append(f"db= must be one of {sorted(DB_MODES)}")
    vendor = fence.options.get("db_vendor")
    if vendor is not None and vendor not in DB_VENDORS:
        fence.problems.append(f"db_vendor= must be one of {sorted(DB_VENDORS)}")
    spec = fence.options.get("django")
    if spec is not None:
        try:
            SpecifierSet(spec)
        except InvalidSpecifier:
            fence.problems.append(
                f'django="{spec}" is not a version specifier like ">=6.1"'
            )
    code = [line for line in fence.source.splitlines() if line.strip()]
    if (
        any(line.lstrip().startswith("--8<--") for line in code)
        and not fence.is_include
    ):
        fence.problems.append("a fence with an --8<-- include must hold nothing else")
