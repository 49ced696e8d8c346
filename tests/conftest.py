import os
import sys
from collections import Counter

import pytest

from tests.harness import isolation

# pytest-examples maps ruff's findings to docs/<page>.md:<line> only with this format.
os.environ.setdefault("RUFF_OUTPUT_FORMAT", "concise")

FIX_OUTPUT = "make update-examples"


def pytest_addoption(parser):
    parser.addoption(
        "--page",
        action="append",
        default=[],
        metavar="docs/PAGE.md",
        help="run only the snippets of these pages (make snippets PAGE=...)",
    )


def pytest_collection_modifyitems(config, items):
    pages = [page.rstrip("/") for page in config.getoption("page")]
    if not pages:
        return
    keep, drop = [], []
    for item in items:
        example = getattr(item, "callspec", None) and item.callspec.params.get(
            "example"
        )
        where = str(example) if example else ""
        (keep if any(where.startswith(page) for page in pages) else drop).append(item)
    config.hook.pytest_deselected(items=drop)
    items[:] = keep


@pytest.fixture(autouse=True)
def clean_receivers():
    """No receiver connected by a test or snippet survives it."""
    main = sys.modules.get("__main__")
    with isolation.clean_receivers():
        yield
    # pytest-examples runs each snippet as __main__ and never puts it back.
    sys.modules["__main__"] = main


_snippet_outcomes = Counter()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    example = getattr(item, "callspec", None) and item.callspec.params.get("example")
    if example is None or item.originalname != "test_snippet":
        return report
    if report.when == "call" or (report.when == "setup" and report.skipped):
        if report.skipped:
            reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else ""
            _snippet_outcomes["skipped: " + reason.removeprefix("Skipped: ")] += 1
        else:
            _snippet_outcomes["executed"] += 1
    if report.failed:
        report.sections.append(
            (
                "How to fix this snippet",
                f"{example}: this snippet failed.\n"
                f"- Wrong #> output only? Rewrite it: {FIX_OUTPUT}\n"
                f"- Run this page's snippets alone: make snippets PAGE={example.path.relative_to(isolation.ROOT)}\n"
                '- Must it not run? Mark it: ```python {test="skip: <why>"} (see CONTRIBUTING.md)',
            )
        )
    return report


def pytest_terminal_summary(terminalreporter):
    if not _snippet_outcomes:
        return
    executed = _snippet_outcomes.pop("executed", 0)
    skipped = sum(_snippet_outcomes.values())
    reasons = ", ".join(
        f"{count} {reason.removeprefix('skipped: ')}"
        for reason, count in sorted(_snippet_outcomes.items())
    )
    line = f"snippets: executed {executed}, skipped {skipped}"
    terminalreporter.write_sep("-", line + (f" ({reasons})" if reasons else ""))
