"""Record the order in which Django sends its signals, for docs/reference/traces.md.

Each scenario of examples/library/scenarios.py runs a common operation on
the library app; a Recorder, passed as the scenario's `during`, listens to
every built-in signal while the operation runs: the model signals only for
the library's models (as a project's own receivers would, with sender=...),
the other signals for every sender. tests/pages/reference/test_traces.py runs the
scenarios and compares the tables with the page; regenerate the page with

    .venv/bin/python -m scripts.update traces

which runs that test in update mode (same database, same test environment).

Left out of every trace, because they depend on the environment rather than
on the operation: connection_created (whether a query opens a connection
depends on CONN_MAX_AGE and on the server's threads), template_rendered
(only sent under a test runner) and class_prepared (migrate creates
historical model classes, each of which sends it).
"""

import re

from django.apps import AppConfig
from django.db import connection
from django.db.models.signals import ModelSignal

from accounts.models import User
from library.models import Author, Bestseller, Book, Loan, Tag
from library.scenarios import SCENARIOS
from scripts import catalogue, diagrams
from scripts.project import REFERENCE

LEFT_OUT = {"connection_created", "template_rendered", "class_prepared"}
LIBRARY_MODELS = [Author, Tag, Book, Loan, Bestseller]
UPDATE_ENV = "HANDBOOK_UPDATE_TRACES"  # set by scripts.update
PAGE = REFERENCE / "traces.md"


class Recorder:
    """Connects to every built-in signal while its `with` block runs."""

    def __init__(self):
        self.events = []
        self.connections = []
        self.outer_atomic = 0

    def receiver_for(self, name):
        def record(sender, **kwargs):
            # Describe the call now: pre_init's kwargs dict, for one, is
            # emptied by Model.__init__() once the receivers have run.
            depth = len(connection.atomic_blocks) - self.outer_atomic
            self.events.append((name, label(sender), DETAILS[name](kwargs), depth))

        return record

    def __enter__(self):
        # atomic() blocks opened by the operation, not by the test around it.
        self.outer_atomic = len(connection.atomic_blocks)
        for signal in catalogue.signals():
            name = signal["name"]
            if name in LEFT_OUT:
                continue
            instance = catalogue.resolve(f"{signal['module']}.{name}")
            record = self.receiver_for(name)
            if isinstance(instance, ModelSignal):
                senders = [*LIBRARY_MODELS, Book.tags.through]
                if name in {"pre_delete", "post_delete"}:
                    # Django never sends these for the automatic m2m table, and
                    # a receiver for it would stop Django from fast-deleting
                    # its rows: don't change what is being recorded.
                    senders.remove(Book.tags.through)
            else:
                senders = [None]
            for sender in senders:
                instance.connect(record, sender=sender, weak=False)
                self.connections.append((instance, record, sender))
        return self

    def __exit__(self, *exc):
        for instance, record, sender in self.connections:
            instance.disconnect(record, sender=sender)
        self.connections.clear()


# Labels ----------------------------------------------------------------------


def label(value):
    if value is None:
        return "None"
    if isinstance(value, type):
        if value is Book.tags.through:
            return "Book.tags.through"
        return value.__name__
    if isinstance(value, AppConfig):
        return value.label
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, (set, frozenset)):
        items = "{" + ", ".join(repr(v) for v in sorted(value)) + "}"
        if isinstance(value, frozenset):
            return f"frozenset({items})"
        return items if value else "set()"
    if isinstance(value, User):
        return value.get_username()
    if isinstance(value, (Author, Book, Tag, Loan)):
        return f"<{type(value).__name__}: {value}>"
    return repr(value)


def plan_label(plan):
    steps = [f"{migration.app_label}.{migration.name}" for migration, _ in plan]
    return "[" + ", ".join(steps) + "]"


DETAILS = {
    "pre_init": lambda kw: (
        (f"args: {len(kw['args'])} values" if kw["args"] else "args: ()")
        + (f", kwargs: {', '.join(sorted(kw['kwargs']))}" if kw["kwargs"] else "")
    ),
    "post_init": lambda kw: f"instance: {label(kw['instance'])}",
    "pre_save": lambda kw: (
        f"instance: {label(kw['instance'])}, "
        f"update_fields: {label(kw['update_fields'])}, raw: {kw['raw']}"
    ),
    "post_save": lambda kw: (
        f"instance: {label(kw['instance'])}, created: {kw['created']}, "
        f"update_fields: {label(kw['update_fields'])}"
    ),
    "pre_delete": lambda kw: (
        f"instance: {label(kw['instance'])}, origin: {label(kw['origin'])}"
    ),
    "m2m_changed": lambda kw: (
        f"action: {kw['action']}, instance: {label(kw['instance'])}, "
        f"reverse: {kw['reverse']}, model: {label(kw['model'])}, "
        f"pk_set: {label(kw['pk_set'])}"
    ),
    "pre_migrate": lambda kw: f"plan: {plan_label(kw['plan'])}",
    "request_started": lambda kw: (
        f"environ: PATH_INFO {kw['environ']['PATH_INFO']}"
        if "environ" in kw
        else f"scope: path {kw['scope']['path']}"
    ),
    "request_finished": lambda kw: "",
    "got_request_exception": lambda kw: f"request: {kw['request'].path}",
    "user_logged_in": lambda kw: f"user: {label(kw['user'])}",
    "user_login_failed": lambda kw: f"credentials: {kw['credentials']}",
}
DETAILS["post_delete"] = DETAILS["pre_delete"]
DETAILS["post_migrate"] = DETAILS["pre_migrate"]
DETAILS["user_logged_out"] = DETAILS["user_logged_in"]


def rows(events):
    """(signal, senders, details, atomic depth) rows; a run of the same signal
    and details with different senders (migrate's one call per app) becomes
    one row."""
    result = []
    for name, sender, details, depth in events:
        if (
            result
            and name in {"pre_migrate", "post_migrate"}
            and result[-1][0] == name
            and result[-1][2] == details
        ):
            result[-1][1].append(sender)
        else:
            result.append((name, [sender], details, depth))
    return result


# Diagrams: who calls, and a label for each call (scripts/diagrams.py splits
# the rows into calls). The migrate trace has none: one lifeline per app.
M2M_CALL_ENDS = (
    "m2m_changed post_add",
    "m2m_changed post_remove",
    "m2m_changed post_clear",
)
DIAGRAMS = {
    "create": diagrams.Spec("Your code", ("Book.objects.create(...)",)),
    "update": diagrams.Spec("Your code", ("book.save()",)),
    "update_fields": diagrams.Spec(
        "Your code", ('book.save(update_fields=["title"])',)
    ),
    "delete": diagrams.Spec("Your code", ("author.delete()",)),
    "m2m_forward": diagrams.Spec(
        "Your code",
        ("book.tags.add(sf, classic)", "book.tags.remove(sf)", "book.tags.clear()"),
        ends_after=M2M_CALL_ENDS,
    ),
    "m2m_reverse": diagrams.Spec(
        "Your code",
        ("sf.books.add(book)", "sf.books.remove(book)", "sf.books.clear()"),
        ends_after=M2M_CALL_ENDS,
    ),
    "m2m_set": diagrams.Spec("Your code", ("book.tags.set([classic])",)),
    "wsgi": diagrams.Spec("WSGI server", ("GET /library/books/",)),
    "asgi": diagrams.Spec("ASGI server", ("GET /library/hours/",)),
    "error": diagrams.Spec("WSGI server", ("GET /library/fail/error/",)),
    "login": diagrams.Spec(
        "WSGI server", ("POST /library/login/", "POST /library/logout/")
    ),
    "failed_login": diagrams.Spec("WSGI server", ("POST /library/login/",)),
}


def messages(events):
    """The rows as the diagram's messages: m2m_changed is labelled with its action."""
    result = []
    for number, (name, senders, details, depth) in enumerate(rows(events), 1):
        signal = name
        if name == "m2m_changed":
            signal += " " + re.match(r"action: (\w+)", details)[1]
        result.append(diagrams.Message(number, signal, ", ".join(senders), depth))
    return result


def block_pattern(name):
    return re.compile(
        rf"(<!-- trace: {name} -->\n).*?(<!-- end trace: {name} \(generated: make traces\) -->)",
        re.S,
    )


def replace_block(text, name, content):
    pattern = block_pattern(name)
    if not pattern.search(text):
        raise LookupError(f"no <!-- trace: {name} --> block in {PAGE.name}")
    return pattern.sub(lambda m: m[1] + content + m[2], text)


def page_block(text, name):
    match = block_pattern(name).search(text)
    return match and match[0].split("\n", 1)[1].rsplit("<!--", 1)[0]


def block_names(text):
    return re.findall(r"<!-- trace: (\w+) -->", text)


def record(name):
    """Run one scenario and return its block: the diagram, if it has one, and the table."""
    recorder = Recorder()
    SCENARIOS[name](recorder)
    if name not in DIAGRAMS:
        return table(recorder.events)
    figure = diagrams.figure(name, DIAGRAMS[name], messages(recorder.events))
    return figure + "\n" + table(recorder.events)


def table(events):
    lines = [
        "| # | Signal | Sender | Arguments (selected) |",
        "| --- | --- | --- | --- |",
    ]
    for number, (name, senders, details, _) in enumerate(rows(events), 1):
        link = f"[`{name}`]({catalogue.signal_named(name)['page']})"
        sender = ", ".join(f"`{s}`" for s in senders)
        cell = f"`{details}`" if details else ""
        lines.append(f"| {number} | {link} | {sender} | {cell} |")
    return "\n".join(lines) + "\n"
