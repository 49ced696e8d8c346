"""The snippet harness: every ```python fence in docs/ is linted and run.

Each snippet runs as its own test, against the example project, with a
clean receiver registry (conftest.py) and, unless its fence says otherwise,
a real transactional database whose `transaction.on_commit` callbacks run
on commit as in production. `#>` comments are compared to what it prints.
"""

import pytest
from pytest_examples import find_examples

from tests.harness.fences import DOCS, ROOT, all_fences, include_problems, python_fences

FIX = "make update-examples"


def as_param(example):
    fence = FENCE_AT.get((example.path, example.start_line))
    marks = []
    reason = fence and fence.skip_reason()
    if reason:
        marks.append(pytest.mark.skip(reason=reason))
    db = fence.options.get("db", "transactional") if fence else "transactional"
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


def where(example):
    return f"{example.path.relative_to(ROOT)}:{example.start_line}"


@pytest.mark.parametrize("example", EXAMPLES)
def test_snippet(example, eval_example):
    eval_example.set_config(line_length=88, quotes="double", target_version="py312")
    if eval_example.update_examples:
        eval_example.format(example)
        eval_example.run_print_update(example, call="main")
        return
    problem = None
    try:
        eval_example.lint(example)
        eval_example.run_print_check(example, call="main")
    except pytest.fail.Exception as exc:
        problem = exc.msg
    if problem is None:
        return
    if problem.startswith("Print output changed"):
        what = "the #> output in the page is not what the snippet prints"
        fix = (
            f"{FIX} rewrites the #> lines; check the diff before committing. "
            'If the output is right on another Django version, mark it {django=">=6.1"} '
            "(see CONTRIBUTING.md) and run make matrix"
        )
    else:
        what = "the snippet is not formatted or linted as black/ruff want"
        fix = f"{FIX} reformats it; fix ruff findings by hand"
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
