"""scripts/check_page.py finds, from a page's name, everything make test checks for it."""

import pytest

from scripts import check_page
from scripts.project import DOCS, EXAMPLES, ROOT, TESTS


def test_a_page_maps_to_its_check_file_and_the_tests_of_what_it_includes():
    files, modules = check_page.plan(DOCS / "reference" / "traces.md")
    assert files[:2] == ["tests/test_docs.py", "tests/test_links_and_nav.py"]
    assert "tests/pages/reference/test_traces.py" in files
    assert EXAMPLES / "library" / "scenarios.py" in modules
    assert "tests/examples/library/test_scenarios.py" in files


def test_a_module_inside_a_package_is_tested_by_the_package_test():
    module = EXAMPLES / "notifications" / "demos" / "connecting" / "receivers.py"
    assert (
        check_page.mirror_test(module) == TESTS / "examples/notifications/test_demos.py"
    )


def test_a_page_without_a_check_file_runs_its_snippets_and_links_only():
    files, _ = check_page.plan(DOCS / "guide" / "introduction.md")
    assert not (ROOT / "tests/pages/guide/test_introduction.py").exists()
    assert "tests/pages/guide/test_introduction.py" not in files


def test_something_that_is_not_a_page_is_refused():
    with pytest.raises(SystemExit) as refused:
        check_page.main(["README.md"])
    assert "not a page of docs/" in str(refused.value)


def test_a_module_without_a_test_file_of_its_own_is_left_to_the_suite():
    files, modules = check_page.plan(DOCS / "guide" / "activation.md")
    assert EXAMPLES / "notifications" / "apps.py" in modules
    assert not (TESTS / "examples/notifications/test_apps.py").exists()
    assert "tests/examples/notifications/test_apps.py" not in files
