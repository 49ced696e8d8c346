"""One home for the facts that tools and tests share.

Paths of the repository, the supported Django releases, and the command that
rewrites snippet output. Everything else reads them from here: the supported
releases live in pyproject.toml ([tool.handbook] django), so adding a Django
series is a one-line change there.
"""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
EXAMPLES = ROOT / "examples"
TESTS = ROOT / "tests"
REFERENCE = DOCS / "reference"
CATALOGUE = REFERENCE / "signals.json"

_HANDBOOK = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"][
    "handbook"
]

# {"5.2": "5.2.19", ...}: each supported Django series and the release tested.
DJANGO = dict(_HANDBOOK["django"])
SERIES = list(DJANGO)
NEWEST = SERIES[-1]

# What a contributor runs when a snippet's #> output is out of date.
FIX_OUTPUT = "make update-examples"


def series_in_words(series=SERIES):
    """ "5.2, 6.0 and 6.1", as the site's texts name the supported versions."""
    return ", ".join(series[:-1]) + " and " + series[-1]
