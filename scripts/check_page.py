"""`make check PAGE=docs/x.md`: everything `make test` checks for one page, in seconds.

For the page, it runs in one pytest process: the page's snippets, the census
and include checks of its fences, its links and anchors, the page's own
check file (tests/pages/<section>/test_<page>.py) if it has one, and the
tests of every example module the page includes
(examples/<app>/<module>.py -> tests/examples/<app>/test_<module>.py),
and reports the coverage of those modules. `make test` stays the one command
that checks everything, including 100% coverage of examples/.
"""

import argparse
import os
import subprocess
import sys

from scripts.project import DOCS, EXAMPLES, ROOT, TESTS

# One data file per run, so that two `make check` at once do not share one.
COVERAGE = ROOT / f".coverage.page.{os.getpid()}"


def check_file(page):
    """tests/pages/<section>/test_<page>.py for docs/<section>/<page>.md."""
    relative = page.relative_to(DOCS)
    name = "test_" + relative.stem.replace("-", "_") + ".py"
    return TESTS / "pages" / relative.parent / name


def mirror_test(module):
    """The test file of an example module: tests/examples/<app>/test_<module>.py.

    A module inside a package of an app (examples/app/pkg/x.py) is tested by
    tests/examples/app/test_pkg.py.
    """
    app, first, *_ = module.relative_to(EXAMPLES).with_suffix("").parts
    return TESTS / "examples" / app / f"test_{first}.py"


def included_modules(page):
    from tests.harness.fences import INCLUDE, scan  # noqa: PLC0415

    modules = set()
    for fence in scan(page):
        for line in fence.source.splitlines():
            match = INCLUDE.match(line)
            if match and match["path"].startswith("examples/"):
                modules.add(ROOT / match["path"])
    return sorted(modules)


def plan(page):
    """(test files to run, example modules the page includes)."""
    modules = included_modules(page)
    files = ["tests/test_docs.py", "tests/test_links_and_nav.py"]
    own = check_file(page)
    if own.is_file():
        files.append(str(own.relative_to(ROOT)))
    for test in sorted({mirror_test(module) for module in modules}):
        # A small module (apps.py, signals.py) may have no test file of its
        # own: the suite covers it, and make test requires 100% coverage.
        if test.is_file():
            files.append(str(test.relative_to(ROOT)))
    return files, modules


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", help="docs/<section>/<page>.md")
    args = parser.parse_args(argv)
    page = (ROOT / args.page).resolve()
    if page.suffix != ".md" or not page.is_file() or DOCS not in page.parents:
        sys.exit(f"{args.page}: not a page of docs/ (give docs/<section>/<page>.md)")
    files, modules = plan(page)
    page_arg = str(page.relative_to(ROOT))
    print(f"checking {page_arg}: {' '.join(files)}", flush=True)
    env_cov = ["--cov", "--cov-report=", "--cov-fail-under=0"]
    command = [sys.executable, "-m", "pytest", "-p", "no:xdist", "-q"]
    command += [*files, "--page", page_arg, *env_cov]
    environ = {**os.environ, "COVERAGE_FILE": str(COVERAGE)}
    # Not scripts.shell.run(): the output streams to the terminal as it comes.
    status = subprocess.run(command, cwd=ROOT, env=environ, check=False).returncode
    if status == 0 and modules:
        # Information, not a verdict: other pages' snippets may run the lines
        # missed here; make test requires 100% over the whole suite.
        include = ",".join(str(module.relative_to(ROOT)) for module in modules)
        report = [sys.executable, "-m", "coverage", "report", "--show-missing"]
        report += [f"--include={include}", "--fail-under=0"]
        print("\nCoverage of the example modules this page includes, by these tests:")
        subprocess.run(report, cwd=ROOT, env=environ, check=False)
    COVERAGE.unlink(missing_ok=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
