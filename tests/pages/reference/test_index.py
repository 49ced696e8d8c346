"""The catalogue lists every signal Django defines, and every place that sends one.

If a Django release adds a signal (in a module that imports, or in one that
cannot be imported here, or as an instance of a new Signal subclass), or
sends one from a new place (even through a variable), these tests fail until
docs/reference/signals.json and the reference pages are updated.
"""

import json
import shutil

import pytest

from scripts import catalogue, scan
from scripts.shell import run_python

# One worker runs these: they share the parsed source of Django (scan.parse()).
pytestmark = pytest.mark.xdist_group("django-source")

DJANGO = scan.django_root()

# The .send() calls of Django's source that do not send a signal (emails).
NOT_SIGNALS = {
    ("django.contrib.auth.forms.PasswordResetForm.send_mail", "email_message"),
    ("django.core.mail._send_server_message", "mail"),  # Django 6.0+
    ("django.core.mail.mail_admins", "mail"),  # Django 5.2
    ("django.core.mail.mail_managers", "mail"),  # Django 5.2
    ("django.core.mail.send_mail", "mail"),
}


def run_scan(plant):
    """Import all of Django in a subprocess, after planting a signal named `plant`."""
    module, name = plant.rsplit(".", 1)
    code = (
        "from scripts import scan\n"
        "import django, importlib\nfrom django.dispatch import Signal\n"
        "django.setup()\n"
        f"setattr(importlib.import_module({module!r}), {name!r}, Signal())\n"
    )
    code += "scan.main()\n"
    return json.loads(run_python(code).stdout)


def object_problems(found):
    """What differs between the Signal objects found and the catalogue."""
    expected = {f"{s['module']}.{s['name']}": s for s in catalogue.signals()}
    problems = []
    for entry in found:
        listed = [name for name in entry["names"] if name in expected]
        if not listed:
            problems.append(f"{entry['names'][0]} is not in the catalogue")
            continue
        (name,) = listed
        signal = expected.pop(name)
        cls = catalogue.resolve(signal["class"])
        if entry["class"] != f"{cls.__module__}.{cls.__qualname__}":
            problems.append(f"{name} is a {entry['class']}")
        if entry["use_caching"] != signal["use_caching"]:
            problems.append(f"{name} has use_caching={entry['use_caching']}")
        for other in signal.get("also_importable_from", []):
            if f"{other}.{signal['name']}" not in entry["names"]:
                problems.append(f"{name} is not importable from {other}")
    problems += [f"{name} is in the catalogue but not in Django" for name in expected]
    return problems


def definition_problems(root):
    defined = set(scan.signal_definitions(root))
    listed = {f"{s['module']}.{s['name']}" for s in catalogue.signals()}
    return [f"{name} is not in the catalogue" for name in sorted(defined - listed)] + [
        f"{name} is not defined in Django's source" for name in sorted(listed - defined)
    ]


PLANTED = "django.core.signals.request_paused"


@pytest.fixture(scope="module")
def scanned():
    """One scan of all of Django, with one signal planted that is in no catalogue.

    The planted signal proves the scan would report a new one; the other
    tests look at everything else the same scan found.
    """
    return run_scan(plant=PLANTED)


def real_signals(scanned):
    return [entry for entry in scanned["signals"] if PLANTED not in entry["names"]]


def test_every_signal_object_of_django_is_in_the_catalogue(scanned):
    assert object_problems(real_signals(scanned)) == []
    expected = 24 if catalogue.RUNNING.release >= (6, 0) else 21
    assert len(real_signals(scanned)) == expected


def test_the_modules_that_could_not_be_imported_define_no_signal(scanned):
    """They need drivers or libraries this machine lacks; their source is checked."""
    assert all(
        name.startswith(("django.contrib.", "django.db.backends."))
        for name in scanned["not_imported"]
    )
    assert definition_problems(DJANGO) == []


def test_a_signal_planted_in_a_scanned_module_makes_the_test_fail(scanned):
    assert object_problems(scanned["signals"]) == [f"{PLANTED} is not in the catalogue"]


def copy_of_django(tmp_path):
    copy = tmp_path / "django"
    shutil.copytree(DJANGO, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_a_signal_added_to_django_source_makes_the_test_fail(tmp_path):
    copy = copy_of_django(tmp_path)
    with (copy / "core" / "signals.py").open("a") as source:
        source.write("\nrequest_paused = Signal()\n")
        source.write("request_resumed: Signal = Signal()\n")
    with (copy / "db" / "models" / "signals.py").open("a") as source:
        source.write("\nclass QuerySignal(ModelSignal):\n    pass\n")
        source.write("\npre_update = QuerySignal(use_caching=True)\n")
    assert definition_problems(copy) == [
        "django.core.signals.request_paused is not in the catalogue",
        "django.core.signals.request_resumed is not in the catalogue",
        "django.db.models.signals.pre_update is not in the catalogue",
    ]


def test_django_defines_no_other_signal_class():
    classes = {signal["class"] for signal in catalogue.signals()}
    assert scan.signal_classes(DJANGO) == sorted(classes - {"django.dispatch.Signal"})


def test_every_call_site_is_in_the_catalogue():
    names = {s["name"] for s in catalogue.signals()}
    found = scan.call_sites(DJANGO, names)
    listed = {
        (signal["name"], site["function"], site["method"])
        for signal in catalogue.signals()
        for site in signal["call_sites"]
        if catalogue.applies(site)
    }
    assert sorted(found - listed) == []
    assert sorted(listed - found) == []


def test_every_other_send_call_is_not_a_signal():
    """A signal sent through a variable (`signal.send(...)`) is caught here."""
    names = {s["name"] for s in catalogue.signals()}
    assert scan.other_sends(DJANGO, names) <= NOT_SIGNALS


def test_a_send_through_a_variable_makes_the_test_fail(tmp_path):
    copy = copy_of_django(tmp_path)
    with (copy / "core" / "signals.py").open("a") as source:
        source.write(
            "\n\ndef send_all(**kwargs):\n"
            "    for signal in (request_started, request_finished):\n"
            "        signal.send(sender=None, **kwargs)\n"
        )
    names = {s["name"] for s in catalogue.signals()}
    assert scan.other_sends(copy, names) - NOT_SIGNALS == {
        ("django.core.signals.send_all", "signal")
    }
