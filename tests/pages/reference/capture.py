"""What every reference page's capture test shares.

docs/reference/signals.json lists, for each built-in signal, the cases in
which Django sends it. Each reference page's check file registers one
trigger per case (a function that does what the case describes while a
`Capture` records every call); `check()` then compares each call's sender
and keyword arguments with the catalogue.
"""

import unittest

import pytest
from django.test import TransactionTestCase

from scripts import catalogue
from toolbox.testing import recording


class Capture:
    """Records every call of one signal while each `with` block runs.

    The recording is the handbook's own `toolbox.testing.recording()`;
    `calls` keeps (sender, keyword arguments) pairs across blocks.
    """

    def __init__(self, signal):
        self.signal = signal
        self.calls = []

    def __enter__(self):
        self._recording = recording(self.signal)
        self._records = self._recording.__enter__()
        return self

    def __exit__(self, *exc):
        self._recording.__exit__(*(exc or (None, None, None)))
        self.calls += [(record.pop("sender"), record) for record in self._records]

    @property
    def senders(self):
        return [sender for sender, _ in self.calls]


class Triggers(dict):
    """{"signal:case": trigger function} for the cases of one page."""

    def on(self, *ids):
        def register(function):
            for case_id in ids:
                self[case_id] = function
            return function

        return register


def on_page(item, page):
    return item["page"].split("#")[0] == page


def each_case(page):
    """Parametrize a test with the (signal, case) pairs of one page on this Django."""
    pairs = [(s, c) for s, c in catalogue.cases() if on_page(s, page)]
    return pytest.mark.parametrize(
        ("signal", "case"), pairs, ids=[f"{s['name']}:{c['id']}" for s, c in pairs]
    )


def untriggered(page, triggers):
    """Cases of the page (on any Django version) without a trigger, and triggers without a case."""
    cases = {
        f"{signal['name']}:{case['id']}"
        for signal in catalogue.load()["signals"]
        if on_page(signal, page)
        for case in signal["cases"]
    }
    return sorted(cases ^ set(triggers))


def check(signal, case, triggers, tmp_path):
    """Run the case's trigger and compare every call with the catalogue."""
    instance = catalogue.resolve(f"{signal['module']}.{signal['name']}")
    capture = Capture(instance)
    function = triggers[f"{signal['name']}:{case['id']}"]
    if "tmp_path" in function.__code__.co_varnames:
        expected = function(capture, tmp_path)
    else:
        expected = function(capture)
    assert capture.calls, f"{signal['name']} was not sent"
    wanted = catalogue.case_kwargs(signal, case)
    for sender, kwargs in capture.calls:
        assert catalogue.matches_sender(sender, case["sender_check"]), sender
        assert set(kwargs) == wanted
        for name, value in kwargs.items():
            spec = signal["kwargs"][name]
            assert catalogue.matches_type(value, spec["type"]), (name, value, spec)
            if spec.get("same_as_sender"):
                assert value is sender, (name, value, sender)
            if spec.get("sender_is_its_class"):  # Django sends value.__class__
                assert sender is value.__class__, (name, value, sender)
    assert capture.senders == expected


def page_tests(page, triggers):
    """The two tests of every reference page's check file: each case, none left out."""

    @pytest.mark.django_db(transaction=True)
    @each_case(page)
    def test_capture(signal, case, tmp_path):
        check(signal, case, triggers, tmp_path)

    def test_every_case_on_the_page_has_a_trigger():
        assert untriggered(page, triggers) == []

    return test_capture, test_every_case_on_the_page_has_a_trigger


# Test cases that the migration and settings triggers run, as a test runner would.


class AllApps(TransactionTestCase):
    __test__ = False  # run by the triggers, not collected by pytest

    def test_nothing(self):
        pass


class OnlyLibrary(TransactionTestCase):
    __test__ = False  # run by the triggers, not collected by pytest
    available_apps = ["library"]

    def test_nothing(self):
        pass


def run_test_case(case_class):
    """Run a TransactionTestCase's one test; assert it passed."""
    result = unittest.TestResult()
    case_class("test_nothing")(result)
    assert result.wasSuccessful()
