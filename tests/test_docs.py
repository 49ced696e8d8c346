"""The snippet harness: every ```python fence in docs/ is linted and run.

Each snippet runs as its own test, against the example project, with a
clean receiver registry (conftest.py) and, unless its fence says otherwise,
a real transactional database whose `transaction.on_commit` callbacks run
on commit as in production. `#>` comments are compared to what it prints.
Primary keys start at 1 in each transactional snippet, on SQLite and on
PostgreSQL (reset_sequences). Rolled-back snippets make no such promise:
PostgreSQL keeps a sequence's changes when a transaction rolls back.
"""

import re
import tempfile
from functools import cache
from pathlib import Path

import pytest
from pytest_examples import find_examples
from pytest_examples.config import ExamplesConfig
from ruff.__main__ import find_ruff_bin

from scripts.project import DOCS, FIX_OUTPUT, ROOT
from scripts.shell import run
from tests.harness.fences import all_fences, include_problems, python_fences


def fence_of(example):
    return FENCE_AT.get((example.path, example.start_line))


def db_mode(example):
    fence = fence_of(example)
    return fence.options.get("db", "transactional") if fence else "transactional"


def as_param(example):
    fence = fence_of(example)
    marks = []
    reason = fence and fence.skip_reason()
    if reason:
        marks.append(pytest.mark.skip(reason=reason))
    db = db_mode(example)
    if db != "none":
        transactional = db == "transactional"
        marks.append(
            pytest.mark.django_db(
                transaction=transactional, reset_sequences=transactional
            )
        )
    return pytest.param(example, id=str(example), marks=marks)


FENCES = list(python_fences())
FENCE_AT = {(fence.path, fence.line): fence for fence in FENCES}
EXAMPLES = [
    as_param(example)
    for example in find_examples(str(DOCS))
    if example.prefix.lstrip("{.").split(None, 1)[0].rstrip("}") == "python"
]


CONFIG = {"line_length": 88, "quotes": "double", "target_version": "py312"}


@cache
def ruff_findings():
    """{snippet id: ruff's findings, located in the page}, from one ruff run.

    pytest-examples would start ruff once per snippet; this runs it once on
    all of them (per process), with the same options and pyproject.toml.
    """
    examples = [
        param.values[0]
        for param in EXAMPLES
        if not param.values[0].source.lstrip().startswith("--8<--")  # includes
    ]
    options = ExamplesConfig(**CONFIG).ruff_config()
    with tempfile.TemporaryDirectory() as folder:
        for index, example in enumerate(examples):
            Path(folder, f"s{index}.py").write_text(example.source, "utf-8")
        command = [find_ruff_bin(), "check", folder, "--no-cache", *options]
        command += ["--config", str(ROOT / "pyproject.toml"), "--output-format=concise"]
        result = run(command)
    if result.returncode not in (0, 1):
        raise RuntimeError(f"ruff failed to run:\n{result.stderr or result.stdout}")
    findings = {}
    for match in re.finditer(r"s(\d+)\.py:(\d+):(.*)$", result.stdout, re.M):
        example = examples[int(match[1])]
        line = int(match[2]) + example.start_line
        location = f"{example.path.relative_to(ROOT)}:{line}:{match[3]}"
        findings.setdefault(str(example), []).append(location)
    return findings


def lint(example, eval_example):
    """black, then ruff's findings for this snippet, as pytest-examples reports them."""
    eval_example.lint_black(example)
    found = ruff_findings().get(str(example))
    if found:
        pytest.fail(
            "ruff failed:\n" + "\n".join(f"  {f}" for f in found), pytrace=False
        )


def where(example):
    return f"{example.path.relative_to(ROOT)}:{example.start_line}"


@pytest.mark.parametrize("example", EXAMPLES)
def test_snippet(example, eval_example):
    eval_example.set_config(**CONFIG)
    if eval_example.update_examples:
        eval_example.format(example)
        eval_example.run_print_update(example, call="main")
        return
    problem = None
    try:
        lint(example, eval_example)
        eval_example.run_print_check(example, call="main")
    except pytest.fail.Exception as exc:
        problem = exc.msg
    if problem is None:
        return
    if problem.startswith("Print output changed"):
        what = "the #> output in the page is not what the snippet prints"
        fix = (
            f"{FIX_OUTPUT} rewrites the #> lines; check the diff before committing. "
            'If the output is right on another Django version, mark it {django=">=6.1"} '
            "(see CONTRIBUTING.md) and run make matrix; if it is right on the other "
            'database, mark it {db_vendor="sqlite"} or {db_vendor="postgresql"} '
            "and run make tests-postgres"
        )
    else:
        what = "the snippet is not formatted or linted as black/ruff want"
        fix = f"{FIX_OUTPUT} reformats it; fix ruff findings by hand"
    pytest.fail(f"{where(example)}: {what}.\n{problem}\nFix: {fix}.", pytrace=False)


def test_census():
    """Every Python fence is either executed by test_snippet or skipped for a stated reason."""
    collected = {(ex.values[0].path, ex.values[0].start_line) for ex in EXAMPLES}
    problems = []
    for fence in FENCES:
        for problem in fence.problems:
            problems.append(f"{fence.where}: {problem}")
        if not fence.problems and (fence.path, fence.line) not in collected:
            problems.append(
                f"{fence.where}: the snippet harness does not find this fence"
            )
    assert not problems, "Python fences that would not be tested:\n" + "\n".join(
        problems
    )


def test_includes():
    """Every --8<-- include names an existing file and section of examples/."""
    problems = [
        f"{fence.where}: {problem}"
        for fence in all_fences()
        for problem in include_problems(fence)
    ]
    assert not problems, (
        "Broken includes (fix the path or add the section marker):\n"
        + "\n".join(problems)
    )
