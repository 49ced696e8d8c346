import os
import sys
from collections import Counter
from pathlib import Path

import pytest
from asgiref.sync import SyncToAsync
from django.db import connections

from scripts.project import FIX_OUTPUT, ROOT
from scripts.site import build_site
from tests.harness import isolation

# pytest-examples maps ruff's findings to docs/<page>.md:<line> only with this format.
os.environ.setdefault("RUFF_OUTPUT_FORMAT", "concise")


def pytest_addoption(parser):
    parser.addoption(
        "--page",
        action="append",
        default=[],
        metavar="docs/PAGE.md",
        help="leave out the snippets and per-page checks of other pages (make check PAGE=...)",
    )


def pytest_collection_modifyitems(config, items):
    """With --page, leave out what belongs to other pages (snippets, per-page checks)."""
    pages = [page.rstrip("/") for page in config.getoption("page")]
    if not pages:
        return
    keep, drop = [], []
    for item in items:
        where = page_of(item)
        mine = where is None or any(where.startswith(page) for page in pages)
        (keep if mine else drop).append(item)
    config.hook.pytest_deselected(items=drop)
    items[:] = keep


def page_of(item):
    """The docs/ page a test is about (a snippet's page, or a `page` parameter), or None."""
    example = snippet_of(item)
    if example is not None:
        return str(example.path.relative_to(ROOT))
    callspec = getattr(item, "callspec", None)
    page = callspec.params.get("page") if callspec else None
    return str(page.relative_to(ROOT)) if isinstance(page, Path) else None


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory):
    """The built site (make test passes the one it built in $HANDBOOK_SITE_DIR)."""
    return build_site(tmp_path_factory.mktemp("site"))


@pytest.fixture(autouse=True)
def clean_receivers(request):
    """No receiver connected by a test or snippet survives it.

    A snippet that leaves a live receiver connected fails: a reader who runs
    the page's snippets one after another in a shell would see it fire again.
    """
    main = sys.modules.get("__main__")
    saved = isolation.snapshot()
    try:
        yield
        # pytest-examples runs each snippet as __main__ and never puts it back.
        sys.modules["__main__"] = main
        example = snippet_of(request.node)
        leaks = isolation.leaked_receivers(saved) if example else []
    finally:
        sys.modules["__main__"] = main
        isolation.restore(saved)
    if leaks:
        names = ", ".join(f"{getattr(r, '__qualname__', r)!r} on {s}" for s, r in leaks)
        pytest.fail(
            f"{example}: the snippet leaves {names} connected after it ends.\n"
            "Fix: disconnect it at the end of the snippet (signal.disconnect(receiver, "
            "sender=...)); receivers connected with weak=False stay until disconnected.",
            pytrace=False,
        )


@pytest.fixture(autouse=True)
def close_connections_of_async_code():
    """Close the database connection that async code opened in asgiref's thread.

    Outside a request, sync_to_async() (aexists(), asave(), the synchronous
    receivers of asend()) runs the ORM in one long-lived thread whose
    connection nothing closes; on PostgreSQL it would keep the test database
    open, and dropping it at the end of the run would fail.
    """
    yield
    SyncToAsync.single_thread_executor.submit(connections.close_all).result()


def snippet_of(item):
    """The pytest-examples CodeExample a test item runs, or None."""
    callspec = getattr(item, "callspec", None)
    return callspec.params.get("example") if callspec else None


# Skip reason -> count; None counts the snippets that ran. Counted from the
# reports, which reach this process from pytest-xdist's workers too.
_snippet_outcomes = Counter()
SNIPPET_TEST = "tests/test_docs.py::test_snippet["


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    example = snippet_of(item)
    if example is None or item.originalname != "test_snippet":
        return report
    if report.failed:
        report.sections.append(
            (
                "How to fix this snippet",
                f"{example}: this snippet failed.\n"
                f"- Wrong #> output only? Rewrite it: {FIX_OUTPUT}\n"
                f"- Check this page alone: make check PAGE={example.path.relative_to(ROOT)}\n"
                '- Must it not run? Mark it: ```python {test="skip: <why>"} (see CONTRIBUTING.md)',
            )
        )
    return report


def pytest_runtest_logreport(report):
    if not report.nodeid.startswith(SNIPPET_TEST):
        return
    if report.when == "call" or (report.when == "setup" and report.skipped):
        if report.skipped:
            reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else ""
            _snippet_outcomes[reason.removeprefix("Skipped: ")] += 1
        else:
            _snippet_outcomes[None] += 1


def pytest_terminal_summary(terminalreporter):
    if not _snippet_outcomes:
        return
    executed = _snippet_outcomes.pop(None, 0)
    skipped = sum(_snippet_outcomes.values())
    reasons = ", ".join(
        f"{count} {reason}" for reason, count in sorted(_snippet_outcomes.items())
    )
    line = f"snippets: executed {executed}, skipped {skipped}"
    terminalreporter.write_sep("-", line + (f" ({reasons})" if reasons else ""))
