"""The Django matrix: `make matrix` runs the test suite on each supported Django."""

import nox

nox.options.default_venv_backend = "venv"
nox.options.error_on_missing_interpreters = True

DJANGO = {"5.2": "django==5.2.19", "6.0": "django==6.0.10", "6.1": "django==6.1.3"}


@nox.session
@nox.parametrize("django", list(DJANGO))
def tests(session, django):
    session.install("-r", "requirements.txt")
    session.install(DJANGO[django])
    session.run("python", "-m", "django", "--version")
    # The built site is checked once, by make test; here only what depends on Django.
    session.run(
        "pytest",
        "--ignore=tests/browser",
        "--ignore=tests/test_built_site.py",
        "--ignore=tests/test_links_and_nav.py",
        *session.posargs,
    )
