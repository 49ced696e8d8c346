"""docs/reference/traces.md shows exactly the signals Django sends, in order.

Each scenario of examples/library/scenarios.py is run for real under the
recorder of scripts/traces.py, and its table is compared with the
block of the page. To rewrite the page after a change:
`.venv/bin/python -m scripts.update traces`.
"""

import os

import pytest

from scripts import traces


@pytest.mark.django_db(transaction=True, reset_sequences=True)
@pytest.mark.parametrize("name", list(traces.SCENARIOS))
def test_trace_on_the_page_is_what_django_sends(name):
    recorded = traces.record(name)
    text = traces.PAGE.read_text(encoding="utf-8")
    if os.environ.get(traces.UPDATE_ENV):
        traces.PAGE.write_text(
            traces.replace_block(text, name, recorded), encoding="utf-8"
        )
        return
    assert traces.page_block(text, name) == recorded, (
        f"The {name!r} trace in docs/reference/traces.md is out of date; "
        "rewrite it with: .venv/bin/python -m scripts.update traces"
    )


def test_every_block_of_the_page_has_a_scenario():
    text = traces.PAGE.read_text(encoding="utf-8")
    assert traces.block_names(text) == list(traces.SCENARIOS)
