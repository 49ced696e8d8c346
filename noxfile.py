"""The matrix: `make matrix` runs the Django-dependent tests on each supported Django,
and on PostgreSQL with the newest one.

The supported releases come from pyproject.toml ([tool.handbook] django),
read through scripts/project.py. What does not depend on the Django version
(lint, the strict build, the built-site, browser, gate and tool tests) runs
once, in `make test`. Environments are made by uv, from its cache.
"""

import sys
from pathlib import Path

import nox

sys.path.insert(0, str(Path(__file__).parent))
from scripts.project import DJANGO  # noqa: E402

nox.options.default_venv_backend = "uv"
nox.options.error_on_missing_interpreters = True

# The tests whose outcome can change with the Django version.
DJANGO_DEPENDENT = ["tests/test_docs.py", "tests/pages", "tests/examples"]


@nox.session
@nox.parametrize("django", list(DJANGO))
def tests(session, django):
    session.install("-r", "requirements.txt")
    session.install(f"django=={DJANGO[django]}")
    session.run("python", "-m", "django", "--version")
    session.run(
        "pytest",
        "-n",
        "auto",
        "--dist",
        "loadgroup",
        *DJANGO_DEPENDENT,
        *session.posargs,
    )


@nox.session
def postgres(session):
    """The same tests on PostgreSQL, newest Django: a throwaway server (scripts/postgres.py)."""
    session.install("-r", "requirements.txt")
    session.run(
        "python",
        "-m",
        "scripts.postgres",
        "--",
        "pytest",
        "-n",
        "auto",
        "--dist",
        "loadgroup",
        *DJANGO_DEPENDENT,
        *session.posargs,
    )


# Zensical 0.1.x does not install: it pins zensical-ui, of which PyPI has no files.
ZENSICAL = "0.0.73"


@nox.session(default=False)
def zensical(session):
    """Build the site with Zensical too and print what differs from mkdocs (make zensical)."""
    session.install("-r", "requirements.txt", f"zensical=={ZENSICAL}")
    session.run("python", "-m", "scripts.zensical_check", *session.posargs)
