"""`make bench-suite`: how long the contributor loops take on this machine.

Runs each loop once, as a contributor would, and prints a table of wall-clock
times, then the ten slowest tests of the pytest run. A benchmark, not a test:
nothing here asserts a time. Run it with the venv built and nothing else
busy; record the table in CONTRIBUTING.md with the date and the machine.

    python -m scripts.bench_suite                 # every loop (several minutes)
    python -m scripts.bench_suite --only check serve
"""

import argparse
import datetime
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import time

from scripts.project import DOCS, ROOT

PAGE = "docs/guide/receivers.md"  # a typical page: snippets, includes, links


def make(*args):
    return ["make", "--no-print-directory", *args]


LOOPS = {
    "test": ("warm `make test` (lint, strict build, all tests)", make("test")),
    "pytest": (
        "the pytest part alone (`make pytest`, built site reused)",
        make("pytest", "HANDBOOK_SITE_DIR=site", "PYTEST_ARGS=--durations=10"),
    ),
    "build": ("the strict build (`make build`)", make("build")),
    "check": (
        f"the page loop (`make check PAGE={PAGE}`)",
        make("check", f"PAGE={PAGE}"),
    ),
    "serve": ("a `make serve` rebuild after editing one page", None),
    "matrix": ("`make matrix` (every supported Django)", make("matrix")),
}


def timed(command):
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode:
        print(result.stdout[-3000:], result.stderr[-3000:], sep="\n")
        raise SystemExit(f"{' '.join(command)} failed (exit {result.returncode})")
    return elapsed, result.stdout


def serve_rebuild(page=DOCS / "guide" / "receivers.md", timeout=120):
    """Seconds from saving a page to the served site being rebuilt."""
    environ = {**os.environ, "HANDBOOK_FULL_SITE": "false", "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty"]
    command += ["--dev-addr", "127.0.0.1:8765"]
    server = subprocess.Popen(
        command,
        cwd=ROOT,
        env=environ,
        stderr=subprocess.STDOUT,
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    edit = "\nEdited by the suite benchmark.\n"
    try:
        wait_for(server, "Serving on", timeout)
        start = time.perf_counter()
        page.write_text(page.read_text("utf-8") + edit, "utf-8")
        line = wait_for(server, "Documentation built in", timeout)
        elapsed = time.perf_counter() - start
        return elapsed, float(re.search(r"built in ([\d.]+)", line)[1])
    finally:
        text = page.read_text("utf-8")
        if edit in text:  # take out only the benchmark's line
            page.write_text(text.replace(edit, "", 1), "utf-8")
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()


def wait_for(process, text, timeout):
    deadline = time.monotonic() + timeout
    for line in process.stdout:
        if text in line:
            return line
        if time.monotonic() > deadline:
            break
    raise SystemExit(f"mkdocs serve never printed {text!r}")


def slowest(output):
    part = output.split("slowest 10 durations", 1)
    if len(part) < 2:
        return []
    return [line for line in part[1].splitlines() if re.match(r"^\d+\.\d+s ", line)]


def machine():
    cpu = platform.processor() or platform.machine()
    return f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=list(LOOPS), default=list(LOOPS))
    args = parser.parse_args(argv)
    if not shutil.which("make"):
        raise SystemExit("make is not on PATH")
    rows, slow = [], []
    for name in args.only:
        title, command = LOOPS[name]
        print(f"timing: {title} ...", flush=True)
        if name == "serve":
            elapsed, built = serve_rebuild()
            rows.append((title, f"{elapsed:.1f} s (mkdocs: built in {built:.2f} s)"))
            continue
        elapsed, output = timed(command)
        rows.append((title, f"{elapsed:.1f} s"))
        slow = slow or slowest(output)
    today = datetime.date.today().isoformat()
    print(f"\nContributor loops, {today}, {machine()}\n")
    print("| loop | wall clock |\n| --- | --- |")
    for title, figure in rows:
        print(f"| {title} | {figure} |")
    if slow:
        print("\nThe ten slowest tests (pytest --durations=10, on xdist workers):\n")
        print("\n".join(f"    {line}" for line in slow))


if __name__ == "__main__":
    main()
