"""The gate explains itself: each test breaks a copy of the handbook in one way,
runs the check that must catch it, and asserts that the failure names the file
and line and tells the contributor what to do.
"""

import shutil
import sys

import django
import pytest

from scripts.project import ROOT
from scripts.shell import run_command, run_pytest
from tests.harness.fences import DB_VENDORS, database_vendor

PAGE = "docs/guide/first-signal.md"
COPIED = [
    "docs",
    "examples",
    "tests",
    "scripts",
    "hooks",
    "overrides",
    "mkdocs.yml",
    "pyproject.toml",
    "CONTRIBUTING.md",
]


@pytest.fixture
def handbook(tmp_path):
    """A copy of the handbook's sources to break."""
    for name in COPIED:
        source, target = ROOT / name, tmp_path / name
        if source.is_dir():
            shutil.copytree(
                source, target, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(source, target)
    return tmp_path


def run(handbook, *command):
    return run_command(*command, cwd=handbook)


def strict_build(handbook):
    """`mkdocs build --strict` of the copy, without llms.txt and the API page.

    Those two add nothing the mutations touch and take most of the build's
    time; the copy builds with no warning at all without a mutation.
    """
    return run_command(
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-d",
        "site",
        cwd=handbook,
        HANDBOOK_FULL_SITE="false",
    )


def pytest_in(handbook, *args):
    return run_pytest(*args, cwd=handbook)


def edit(handbook, path, old, new):
    file = handbook / path
    text = file.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    file.write_text(text.replace(old, new, 1), "utf-8")
    return text[: text.index(old)].count("\n") + 1  # line of the change


def append(handbook, path, text):
    file = handbook / path
    before = file.read_text("utf-8")
    file.write_text(before + text, "utf-8")
    return (
        before.count("\n") + 1 + text[: len(text) - len(text.lstrip("\n"))].count("\n")
    )


def fence_line(handbook, path, inside):
    """The line of the ```python fence that contains `inside`."""
    lines = (handbook / path).read_text("utf-8").splitlines()
    hit = next(i for i, line in enumerate(lines) if inside in line)
    return next(i for i in range(hit, -1, -1) if lines[i].startswith("```")) + 1


def test_wrong_output_names_the_snippet_and_the_fix(handbook):
    edit(handbook, PAGE, "#> 1\n", "#> 2\n")
    line = fence_line(handbook, PAGE, "print(ActivityLog.objects.count())")
    code, output = pytest_in(handbook, "tests/test_docs.py", "--page", PAGE)
    assert code != 0
    assert (
        f"{PAGE}:{line}: the #> output in the page is not what the snippet prints"
        in output
    )
    assert "make update-examples" in output


def test_a_python_fence_nobody_runs_fails_the_census(handbook):
    line = append(handbook, PAGE, "\n```py\nprint(1)\n```\n")
    code, output = pytest_in(handbook, "tests/test_docs.py", "-k", "census")
    assert code != 0
    assert f"{PAGE}:{line}: write ```python, not ```py" in output


def test_a_broken_include_names_the_fence_and_the_missing_file(handbook):
    line = fence_line(handbook, PAGE, '--8<-- "examples/shop/apps.py:ready"')
    edit(handbook, PAGE, "examples/shop/apps.py:ready", "examples/shop/app.py:ready")
    code, output = pytest_in(handbook, "tests/test_docs.py", "-k", "includes")
    assert code != 0
    assert (
        f"{PAGE}:{line}: --8<-- includes examples/shop/app.py, which does not exist"
        in output
    )
    code, output = strict_build(handbook)
    assert code != 0 and "examples/shop/app.py" in output


def test_a_broken_link_names_its_line(handbook):
    line = append(
        handbook, PAGE, "\nSee [the receivers page](receivers.md#no-such-heading).\n"
    )
    code, output = pytest_in(
        handbook, "tests/test_links_and_nav.py", "-k", "markdown_links"
    )
    assert code != 0
    assert (
        f"{PAGE}:{line}: receivers.md#no-such-heading -> no heading or anchor" in output
    )
    code, output = strict_build(handbook)
    assert code != 0 and "no-such-heading" in output
    assert "Aborted with 1 warnings in strict mode!" in output


def test_a_ruff_finding_names_its_line(handbook):
    """All snippets are linted in one ruff run; a finding still names its page line."""
    line = append(handbook, PAGE, "\n```python\nimport os\n\nprint(1)\n#> 1\n```\n")
    code, output = pytest_in(handbook, "tests/test_docs.py", "--page", PAGE)
    assert code != 0
    assert f"{PAGE}:{line + 1}:8: F401 [*] `os` imported but unused" in output
    assert "not formatted or linted as black/ruff want" in output


def test_a_version_note_with_the_wrong_version_names_its_line(handbook):
    """sending.md proves its 'Changed in Django 6.1' note with {django=">=6.1"} fences."""
    page = "docs/guide/sending.md"
    line = edit(
        handbook,
        page,
        '!!! info "Changed in Django 6.1"',
        '!!! info "Changed in Django 6.0"',
    )
    code, output = pytest_in(handbook, "tests/test_version_notes.py")
    assert code != 0
    assert (
        f"{page}:{line}: nothing in this section runs only on some versions" in output
    )
    assert "names Django 6.0" in output
    assert 'Fix: prove it with a fence marked {django=">=6.0"}' in output


LEAK = """
```python
from django.db.models.signals import post_save

from shop.models import Order


def remember(sender, **kwargs):
    pass


post_save.connect(remember, sender=Order, weak=False)
```
"""


def test_a_snippet_that_leaves_a_receiver_connected_fails(handbook):
    line = append(handbook, PAGE, LEAK)
    code, output = pytest_in(handbook, "tests/test_docs.py", "--page", PAGE)
    assert code != 0
    assert f"{PAGE}:{line}" in output
    assert "leaves 'remember' on django.db.models.signals.post_save connected" in output
    assert "disconnect it at the end of the snippet" in output


def test_a_page_missing_from_the_nav_is_named(handbook):
    (handbook / "docs" / "orphan.md").write_text("# Orphan\n", "utf-8")
    code, output = pytest_in(
        handbook, "tests/test_links_and_nav.py", "-k", "every_page_is_in_the_nav"
    )
    assert code != 0
    assert "docs/orphan.md is not in the nav" in output
    assert "add each page to `nav:` in mkdocs.yml" in output


def a_snippet_right_elsewhere_needs_its_marker(handbook, code, printed, option, skip):
    """A snippet whose #> output is right elsewhere fails, and passes once marked.

    `option` is the fence option that says where it runs; `skip` what the
    skip reason then says here.
    """
    snippet = (
        f"```python{{marker}}\n{code}\n\nprint({printed[0]})\n#> {printed[1]}\n```\n"
    )
    line = append(handbook, PAGE, "\n" + snippet.format(marker=""))
    status, output = pytest_in(handbook, "tests/test_docs.py", "--page", PAGE)
    assert status != 0
    assert (
        f"{PAGE}:{line}: the #> output in the page is not what the snippet prints"
        in output
    )
    assert f"mark it {{{option.split('=')[0]}=" in output

    edit(
        handbook,
        PAGE,
        snippet.format(marker=""),
        snippet.format(marker=f" {{{option}}}"),
    )
    status, output = pytest_in(handbook, "tests/test_docs.py", "--page", PAGE, "-rs")
    assert status == 0, output
    assert skip in output


def test_a_version_specific_snippet_needs_its_marker(handbook):
    """Output true on another supported Django fails here, unless the fence says which versions."""
    other = (5, 2) if django.VERSION[:2] != (5, 2) else (6, 1)
    series = f"=={other[0]}.{other[1]}.*"
    a_snippet_right_elsewhere_needs_its_marker(
        handbook,
        "import django",
        ("django.VERSION[:2]", other),
        f'django="{series}"',
        f"needs Django {series}",
    )


def test_a_database_specific_snippet_needs_its_marker(handbook):
    """Output true on the other database fails here, unless the fence says which one."""
    other = "postgresql" if database_vendor() == "sqlite" else "sqlite"
    a_snippet_right_elsewhere_needs_its_marker(
        handbook,
        "from django.db import connection",
        ("connection.vendor", other),
        f'db_vendor="{other}"',
        f"needs {DB_VENDORS[other]}",
    )
