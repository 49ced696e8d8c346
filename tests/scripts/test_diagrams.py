"""The sequence diagrams of scripts/diagrams.py, from hand-made rows."""

import re

import pytest

from scripts.diagrams import Message, Spec, figure, split_calls, summary

ROWS = [
    Message(1, "pre_init", "Book", 0),
    Message(2, "pre_delete", "Loan", 1),
    Message(3, "post_delete", "Book", 1),
]


def test_a_request_starts_a_new_call_and_ends_after_splits_calls():
    rows = [
        Message(1, "request_started", "WSGIHandler", 0),
        Message(2, "request_finished", "WSGIHandler", 0),
        Message(3, "request_started", "WSGIHandler", 0),
    ]
    assert [len(g) for g in split_calls(Spec("Server", ("a", "b")), rows)] == [2, 1]
    spec = Spec("You", ("a", "b"), ends_after=("pre_init",))
    assert [len(g) for g in split_calls(spec, ROWS)] == [1, 2]


def test_lifelines_follow_first_use_and_atomic_rows_are_boxed():
    svg = figure("delete", Spec("Your code", ("author.delete()",)), ROWS)
    labels = re.findall(r'class="actor-label"[^>]*>([^<]+)<', svg)
    assert labels == ["Your code", "Django", "Book", "Loan"]
    assert svg.count('class="atomic"') == 1
    assert 'aria-labelledby="trace-delete-title trace-delete-desc"' in svg
    assert "\n\n" not in svg  # a blank line would end Markdown's raw HTML block


def test_summary_says_which_signals_are_inside_atomic():
    text = summary(Spec("Your code", ("author.delete()",)), [ROWS])
    assert text == (
        "Your code calls author.delete(): Django sends pre_init to the Book "
        "receivers, pre_delete to the Loan receivers, post_delete to the Book "
        "receivers. Signals 2 to 3 are sent inside atomic()."
    )


def test_a_wrong_number_of_call_labels_names_the_trace_and_the_fix():
    with pytest.raises(ValueError, match=r"trace 'x': 1 calls recorded, 2 labels"):
        figure("x", Spec("You", ("a", "b")), ROWS)
