"""Regenerate the reference pages' generated blocks.

    .venv/bin/python -m scripts.update tables   # from signals.json
    .venv/bin/python -m scripts.update traces   # by running the scenarios
    .venv/bin/python -m scripts.update          # both

Tables need nothing but the catalogue. Traces are recorded by running
tests/pages/reference/test_traces.py in update mode, so they come from the same
database and test environment as the check that keeps them honest.
"""

import os
import sys

from scripts import tables
from scripts.project import ROOT, TESTS

UPDATE_TRACES = "HANDBOOK_UPDATE_TRACES"


def update_tables():
    for page in tables.stale_pages():
        page.write_text(tables.render(page.read_text(encoding="utf-8")), "utf-8")
        print(f"rewrote {page.relative_to(ROOT)}")
    return 0


def update_traces():
    import pytest

    os.environ[UPDATE_TRACES] = "1"
    test = TESTS / "pages" / "reference" / "test_traces.py"
    return pytest.main([str(test), "-p", "no:randomly", "-q", "--no-header"])


def main(argv):
    what = argv or ["tables", "traces"]
    status = 0
    if "tables" in what:
        status |= update_tables()
    if "traces" in what:
        status |= update_traces()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
