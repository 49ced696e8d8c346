"""Measure what signals cost on this machine.

Run it from the examples/ folder of the handbook (`make bench` does this):

    python -m toolbox.bench           # the full run, well under two minutes
    python -m toolbox.bench --quick   # tiny sizes: only checks that it runs

It uses the example project's settings and a throwaway test database (in
memory on SQLite), never your development database. Each figure is the best
of several timings. Compare the figures with each other, on one machine:
they are not a test and they change from one run to the next.
"""

import argparse
import datetime
import os
import platform
import time
import timeit
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import django
from django.dispatch import Signal

from .testing import muted

CPUINFO = Path("/proc/cpuinfo")


@dataclass(frozen=True)
class Sizes:
    sends: int  # receiver calls per send() timing
    saves: int  # save() calls per timing
    rows: int  # rows loaded by each timing
    deleted: int  # rows deleted by each timing
    repeat: int  # timings per figure; the best one is kept


FULL = Sizes(sends=100_000, saves=500, rows=5_000, deleted=5_000, repeat=25)
QUICK = Sizes(sends=500, saves=10, rows=50, deleted=20, repeat=1)


def best_of(funcs, number, repeat):
    """Seconds per call of each function: the best of `repeat` timings.

    Each timing makes `number` calls. The functions take turns, so a busy
    machine slows them all alike.
    """
    timers = [timeit.Timer(func) for func in funcs]
    best = [float("inf")] * len(timers)
    for _ in range(repeat):
        for index, timer in enumerate(timers):
            best[index] = min(best[index], timer.timeit(number=number) / number)
    return best


def new_receiver():
    """A new receiver function each time: every closure is a distinct object."""

    def receiver(sender, **kwargs):
        return None

    return receiver


class Sender:
    """The sender of the benchmark's own signals."""


# --8<-- [start:measure_send]
def measure_send(sizes):
    """send() with 0, 1, 10 and 100 receivers, against calling them directly."""
    rows = []
    for count in (0, 1, 10, 100):
        signal = Signal()
        receivers = [new_receiver() for _ in range(count)]
        for receiver in receivers:
            signal.connect(receiver)

        def send(signal=signal):
            signal.send(sender=Sender, value=1)

        def call_directly(receivers=receivers, signal=signal):
            for receiver in receivers:
                receiver(signal=signal, sender=Sender, value=1)

        number = sizes.sends // max(count, 10)
        label = f"{count} receiver{'' if count == 1 else 's'}"
        rows.append((label, *best_of([send, call_directly], number, sizes.repeat)))
    return rows


# --8<-- [end:measure_send]


@contextmanager
def connected(connections):
    """Connect one new receiver to each (signal, sender) pair, for the block."""
    receiver = new_receiver()
    for signal, sender in connections:
        signal.connect(receiver, sender=sender)
    try:
        yield
    finally:
        for signal, sender in connections:
            signal.disconnect(receiver, sender=sender)


def interleaved(variants, func, number, repeat, setup="pass"):
    """Best seconds per call of `func` under each variant of receivers.

    `variants` maps a label to [(signal, sender), ...]: one new receiver is
    connected to each pair while `func` is timed. `setup` runs before each
    timing, untimed. The variants take turns, so a busy machine slows them
    all alike.
    """
    best = dict.fromkeys(variants, float("inf"))
    for _ in range(repeat):
        for label, connections in variants.items():
            with connected(connections):
                seconds = timeit.Timer(func, setup).timeit(number=number) / number
            best[label] = min(best[label], seconds)
    return best


def statements(func):
    """The SQL statements that func() sends through the default connection."""
    from django.db import connection

    sent = []

    def record(execute, sql, params, many, context):
        sent.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        func()
    return sent


def measure_filtering(sizes):
    """One matching receiver among 100 connected for other senders."""
    from django.db.models.signals import post_save

    from .models import BenchRow, SignalSubscriber

    others = [type(f"Other{index}", (), {}) for index in range(100)]
    matching = new_receiver()
    plain, caching = Signal(), Signal(use_caching=True)
    receivers = [new_receiver() for _ in others]
    for signal in (plain, caching):
        for receiver, other in zip(receivers, others, strict=True):
            signal.connect(receiver, sender=other)
        signal.connect(matching, sender=Sender)
    row = BenchRow(name="unsaved")
    # post_save with one receiver, for another model: the "no receivers for
    # BenchRow" answer is cached.
    with muted(post_save), connected([(post_save, SignalSubscriber)]):
        seconds = best_of(
            [
                lambda: plain.send(sender=Sender),
                lambda: caching.send(sender=Sender),
                lambda: matching(sender=Sender),
                lambda: post_save.send(sender=BenchRow, instance=row),
            ],
            sizes.sends // 10,
            sizes.repeat,
        )
    labels = [
        "Signal(): 1 receiver for this sender, 100 for others",
        "Signal(use_caching=True): the same 101 receivers",
        "calling the 1 matching receiver directly",
        "post_save.send(): 1 receiver, for another model",
    ]
    return list(zip(labels, seconds, strict=True))


def measure_save(sizes):
    """save() of one existing row, without and with save receivers."""
    from django.db.models.signals import post_save, pre_save

    from .models import BenchRow

    row = BenchRow.objects.create(name="saved")
    variants = {
        "no receivers": [],
        "pre_save + post_save receivers": [(pre_save, BenchRow), (post_save, BenchRow)],
    }
    # Other apps' receivers are muted: only the benchmark's own ones run.
    with muted(pre_save), muted(post_save):
        best = interleaved(variants, row.save, sizes.saves, sizes.repeat)
    row.delete()
    return list(best.items())


def measure_loading(sizes):
    """Loading many rows, with pre_init/post_init receivers or without."""
    from django.db.models.signals import post_init, pre_init

    from .models import BenchRow, SignalSubscriber

    BenchRow.objects.bulk_create(
        BenchRow(name=f"row {index}", value=index) for index in range(sizes.rows)
    )
    variants = {
        "no init receivers": [],
        "post_init receiver for another model": [(post_init, SignalSubscriber)],
        "post_init receiver": [(post_init, BenchRow)],
        "pre_init + post_init receivers": [(pre_init, BenchRow), (post_init, BenchRow)],
    }
    with muted(pre_init), muted(post_init):
        best = interleaved(
            variants, lambda: list(BenchRow.objects.all()), 1, sizes.repeat
        )
    BenchRow.objects.all().delete()
    return [(label, seconds, seconds / sizes.rows) for label, seconds in best.items()]


def measure_delete(sizes):
    """QuerySet.delete() of many rows, with a delete receiver or without."""
    from django.db.models.signals import post_delete, pre_delete

    from .models import BenchRow

    def delete_all():
        BenchRow.objects.all().delete()

    def fill():
        BenchRow.objects.bulk_create(
            BenchRow(name=f"row {index}") for index in range(sizes.deleted)
        )

    variants = {
        "no delete receiver": [],
        "post_delete receiver": [(post_delete, BenchRow)],
    }
    with muted(pre_delete), muted(post_delete):
        best = interleaved(variants, delete_all, 1, sizes.repeat, setup=fill)
        counts = {}
        for label, connections in variants.items():
            fill()
            with connected(connections):
                counts[label] = len(statements(delete_all))
    return [(label, counts[label], best[label]) for label in variants]


def cpu_name():
    """The CPU's model name, as the operating system reports it."""
    try:
        text = CPUINFO.read_text(encoding="utf-8", errors="replace")
    except OSError:
        text = ""
    for line in text.splitlines():
        if line.startswith("model name"):
            return line.partition(":")[2].strip()
    return platform.processor() or platform.machine()


def micro(seconds):
    return f"{seconds * 1e6:,.2f} µs"


def milli(seconds):
    return f"{seconds * 1e3:,.1f} ms"


def table(title, header, rows):
    """A plain-text table with a title line, columns padded to fit."""
    lines = [header, *rows]
    widths = [max(len(line[column]) for line in lines) for column in range(len(header))]
    out = [title]
    for index, line in enumerate(lines):
        cells = [line[0].ljust(widths[0])]
        cells += [
            cell.rjust(width) for cell, width in zip(line[1:], widths[1:], strict=True)
        ]
        out.append("  " + "  ".join(cells).rstrip())
        if index == 0:
            out.append("  " + "  ".join("-" * width for width in widths))
    return "\n".join(out)


def run(sizes):
    """Every measurement, as report text."""
    from django.db import connection

    sections = [
        table(
            "send() against calling the receivers directly, per send",
            ("", "send()", "direct calls"),
            [(label, micro(a), micro(b)) for label, a, b in measure_send(sizes)],
        ),
        table(
            "Receivers connected for other senders, per send",
            ("", "time"),
            [(label, micro(a)) for label, a in measure_filtering(sizes)],
        ),
        table(
            f"save() of one row ({connection.display_name}), per save",
            ("", "time"),
            [(label, micro(a)) for label, a in measure_save(sizes)],
        ),
        table(
            f"Loading {sizes.rows:,} rows: list(BenchRow.objects.all())",
            ("", "total", "per row"),
            [(label, milli(a), micro(b)) for label, a, b in measure_loading(sizes)],
        ),
        table(
            f"QuerySet.delete() of {sizes.deleted:,} rows",
            ("", "SQL statements", "time"),
            [(label, str(n), milli(t)) for label, n, t in measure_delete(sizes)],
        ),
    ]
    return "\n\n".join(sections)


def header(sizes):
    from django.db import connection

    version = ".".join(map(str, connection.get_database_version()))
    mode = "--quick (the figures mean nothing)" if sizes == QUICK else "full"
    return "\n".join(
        [
            "Django signals benchmark",
            f"Django {django.get_version()}, Python {platform.python_version()}",
            f"CPU: {cpu_name()} ({os.cpu_count()} logical CPUs)",
            f"Database: {connection.display_name} {version}, test database",
            f"Date: {datetime.date.today().isoformat()}, sizes: {mode}",
        ]
    )


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="python -m toolbox.bench",
        description="Measure what Django signals cost on this machine.",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="tiny sizes, to check that the script runs (the figures mean nothing)",
    )
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    sizes = QUICK if args.quick else FULL
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "handbook.settings")
    django.setup()
    from django.db import connection

    started = time.perf_counter()
    old_name = connection.settings_dict["NAME"]
    # Django 5.2 serializes a new test database unless told not to, and keeps
    # the result on the connection; 6.0 and later do not serialize by default.
    no_serializing = {"serialize": False} if django.VERSION < (6, 0) else {}
    connection.creation.create_test_db(verbosity=0, autoclobber=True, **no_serializing)
    try:
        print(header(sizes))
        print()
        print(run(sizes))
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print(f"\nWhole run: {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
