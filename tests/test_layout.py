"""Where things live, checked: a contributor finds a page's code and checks from names alone.

- docs/<section>/<page>.md has its claim checks in
  tests/pages/<section>/test_<page>.py (dashes become underscores). A page
  whose content is generated or checked outside its snippets must have one;
  a check file must have its page.
- tests/examples/<app>/test_<module>.py tests examples/<app>/<module>.py (or
  the package examples/<app>/<module>/), and nothing else lives there.
- Tools live in scripts/, not in tests/.
"""

import re

from scripts.project import DOCS, EXAMPLES, ROOT, TESTS

PAGES_TESTS = TESTS / "pages"
# Text that marks a page whose claims are checked outside its snippets.
CHECKED_OUTSIDE_SNIPPETS = re.compile(
    r"<!-- signals\.json:|<!-- trace:|<!-- questions -->|^\| Operation \| Signals sent \| Django \|",
    re.M,
)

MAIN_GUARD = re.compile(r"^if __name__ == .__main__.:", re.M)


def check_file(page):
    relative = page.relative_to(DOCS)
    return PAGES_TESTS / relative.parent / f"test_{relative.stem.replace('-', '_')}.py"


def page_of(check):
    relative = check.relative_to(PAGES_TESTS)
    name = relative.stem.removeprefix("test_").replace("_", "-") + ".md"
    return DOCS / relative.parent / name


def test_every_check_file_has_its_page():
    orphans = [
        f"{check.relative_to(ROOT)}: no page {page_of(check).relative_to(ROOT)}"
        for check in sorted(PAGES_TESTS.rglob("test_*.py"))
        if not page_of(check).is_file()
    ]
    assert not orphans, (
        "\n".join(orphans) + "\nFix: name the check file after its page "
        "(docs/<section>/<page>.md -> tests/pages/<section>/test_<page>.py)."
    )


def test_pages_checked_outside_their_snippets_have_a_check_file():
    missing = [
        f"{page.relative_to(ROOT)}: no {check_file(page).relative_to(ROOT)}"
        for page in sorted(DOCS.rglob("*.md"))
        if CHECKED_OUTSIDE_SNIPPETS.search(page.read_text("utf-8"))
        and not check_file(page).is_file()
    ]
    assert not missing, (
        "\n".join(missing) + "\nFix: put the checks of a page's generated or "
        "checked content in the check file named after it."
    )


def test_example_tests_mirror_examples():
    strays = []
    for test in sorted((TESTS / "examples").rglob("test_*.py")):
        relative = test.relative_to(TESTS / "examples")
        name = relative.stem.removeprefix("test_")
        target = EXAMPLES / relative.parent / name
        if not (target.with_suffix(".py").is_file() or target.is_dir()):
            strays.append(
                f"{test.relative_to(ROOT)}: no examples/{relative.parent / name}.py"
            )
    assert not strays, (
        "\n".join(strays) + "\nFix: tests/examples/ mirrors examples/; a page's "
        "claims go to tests/pages/<section>/test_<page>.py."
    )


def test_no_tools_in_tests():
    tools = [
        str(path.relative_to(ROOT))
        for path in sorted(TESTS.rglob("*.py"))
        if MAIN_GUARD.search(path.read_text("utf-8"))
    ]
    assert not tools, (
        "Command-line tools in tests/: "
        + ", ".join(tools)
        + "\nFix: move them to scripts/ and test them in tests/scripts/."
    )
