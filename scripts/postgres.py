"""Run a command against PostgreSQL: python scripts/postgres.py -- pytest ...

With DATABASE_URL set, the command runs against that server as it is.
Otherwise this script makes a throwaway PostgreSQL cluster in a temporary
directory, starts it listening on a Unix socket in that directory only (with
--tcp: on 127.0.0.1 and a free port instead), runs the command with
DATABASE_URL pointing at it, then stops the server and deletes the directory,
also when the command fails or is interrupted. The exit status is the
command's.

The cluster is made for tests: `trust` authentication, no fsync, the C
locale (text sorts by code point, as on SQLite). Run as root, the server runs
as an unprivileged user (postgres if that user exists, else nobody; --user
chooses), since PostgreSQL refuses to run as root.

Needs PostgreSQL's server programs (initdb, pg_ctl), found through
`pg_config --bindir`, /usr/lib/postgresql/*/bin or PATH. Standard library only.
"""

import argparse
import contextlib
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

DATABASE = "handbook"
SUPERUSER = "postgres"
SERVER_PROGRAMS = ("initdb", "pg_ctl", "postgres")
INSTALL_HINT = """\
PostgreSQL's server programs (initdb, pg_ctl, postgres) were not found in
`pg_config --bindir`, /usr/lib/postgresql/*/bin or PATH. Either:
  - install PostgreSQL: sudo apt-get install postgresql  (Debian, Ubuntu)
                        brew install postgresql          (macOS)
    (this script starts and removes its own server; no service needs to run), or
  - point the tests at a server you have, whose user may create databases:
    DATABASE_URL=postgres://USER:PASSWORD@HOST:5432/handbook python scripts/postgres.py -- pytest"""
# Settings for a server that lives for one test run: speed over durability.
SERVER_SETTINGS = {
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "50",
}


class Failure(Exception):
    """A step of setting up the server failed; the message says which and why."""


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if os.environ.get("DATABASE_URL"):
        return run(args.command, os.environ)
    bindir = find_bindir()
    if bindir is None:
        print(INSTALL_HINT, file=sys.stderr)
        return 3
    try:
        owner = server_user(args.user)
    except Failure as exc:
        print(f"postgres.py: {exc}", file=sys.stderr)
        return 3
    # SIGTERM (CI cancelling a job, `kill`) cleans up as Ctrl-C does.
    signal.signal(signal.SIGTERM, _interrupt)
    cluster = Cluster(bindir, owner, tcp=args.tcp, verbose=args.verbose)
    try:
        with cluster:
            env = {**os.environ, "DATABASE_URL": cluster.url}
            if args.verbose:
                print(f"postgres.py: DATABASE_URL={cluster.url}", file=sys.stderr)
            return run(args.command, env)
    except Failure as exc:
        print(f"postgres.py: {exc}", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        return 130


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="python scripts/postgres.py",
        usage="%(prog)s [--tcp] [--user NAME] [-v] -- COMMAND [ARG ...]",
        description=__doc__.split("\n\n", 1)[1].split("\n\n", 1)[0],
    )
    parser.add_argument(
        "--tcp",
        action="store_true",
        help="listen on 127.0.0.1 and a free port instead of a Unix socket",
    )
    parser.add_argument(
        "--user",
        help="when run as root: the unprivileged user the server runs as "
        "(default: postgres, else nobody)",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="show what PostgreSQL says"
    )
    options, command = argv, []
    if "--" in argv:
        split = argv.index("--")
        options, command = argv[:split], argv[split + 1 :]
    args = parser.parse_args(options)
    if not command:
        parser.error("no command given; put it after --, e.g. -- pytest -x")
    args.command = command
    return args


class Interrupted(KeyboardInterrupt):
    """SIGTERM, handled as Ctrl-C is: the command ends, then the server goes."""


def _interrupt(signum, frame):
    raise Interrupted


def run(command, env):
    """Run the command in the foreground; return its exit status as a shell would."""
    try:
        process = subprocess.Popen(command, env=env)
    except FileNotFoundError:
        print(f"postgres.py: command not found: {command[0]}", file=sys.stderr)
        return 127
    try:
        status = process.wait()
    except KeyboardInterrupt as exc:
        # A terminal's Ctrl-C reaches the command too; a SIGTERM is passed on.
        if isinstance(exc, Interrupted):
            process.terminate()
        try:
            status = process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            status = process.wait()
    return 128 - status if status < 0 else status


def find_bindir():
    """The directory of PostgreSQL's server programs, newest version first; or None."""
    candidates = []
    with contextlib.suppress(OSError, subprocess.CalledProcessError):
        out = subprocess.run(
            ["pg_config", "--bindir"], capture_output=True, text=True, check=True
        )
        candidates.append(out.stdout.strip())
    candidates += sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key, reverse=True
    )
    initdb = shutil.which("initdb")
    if initdb:
        candidates.append(str(Path(initdb).parent))
    for candidate in candidates:
        path = Path(candidate)
        if all(os.access(path / name, os.X_OK) for name in SERVER_PROGRAMS):
            return path
    return None


def _version_key(bindir):
    version = Path(bindir).parent.name
    return [int(part) if part.isdigit() else 0 for part in version.split(".")]


def server_user(name):
    """The passwd entry the server runs as: None if this is not root (run as ourselves)."""
    if os.geteuid() != 0:
        return None
    names = [name] if name else ["postgres", "nobody"]
    for candidate in names:
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(candidate)
    raise Failure(
        f"PostgreSQL will not run as root and no user {' or '.join(names)} exists; "
        "create one (useradd --system postgres) or name one with --user"
    )


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Cluster:
    """A PostgreSQL cluster in a temporary directory, from initdb to deletion."""

    def __init__(self, bindir, owner, *, tcp=False, verbose=False):
        self.bindir = bindir
        self.owner = owner  # a pwd entry, or None to run as the current user
        self.tcp = tcp
        self.verbose = verbose
        self.root = None
        self.port = free_port() if tcp else 5432  # a socket's port only names it
        self.started = False

    @property
    def data(self):
        return self.root / "data"

    @property
    def log(self):
        return self.root / "server.log"

    @property
    def host(self):
        return "127.0.0.1" if self.tcp else str(self.root)

    @property
    def url(self):
        if self.tcp:
            return f"postgres://{SUPERUSER}@{self.host}:{self.port}/{DATABASE}"
        # libpq's form for a socket directory: the host goes in the query.
        host = quote(self.host, safe="/")
        return f"postgres://{SUPERUSER}@/{DATABASE}?host={host}&port={self.port}"

    def __enter__(self):
        try:
            self.root = Path(tempfile.mkdtemp(prefix="handbook-pg-"))
            if self.owner:
                os.chown(self.root, self.owner.pw_uid, self.owner.pw_gid)
                self._check_reachable()
            self._initdb()
            self._start()
            self._as_owner(
                [
                    self.bindir / "createdb",
                    "--host",
                    self.host,
                    "--port",
                    str(self.port),
                    "--username",
                    SUPERUSER,
                    DATABASE,
                ],
                "createdb",
            )
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc_info):
        # Ctrl-C or SIGTERM during clean-up must not leave a server behind.
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            if self.started:
                self._stop()
            if self.root is not None:
                shutil.rmtree(self.root, ignore_errors=True)
        finally:
            signal.signal(signal.SIGINT, previous)
        return False

    def _check_reachable(self):
        """Fail early, and clearly, if the server's user cannot reach the directory."""
        probe = subprocess.run(
            ["test", "-w", str(self.root), "-a", "-x", str(self.root)],
            user=self.owner.pw_uid,
            group=self.owner.pw_gid,
            extra_groups=[],
            check=False,
        )
        if probe.returncode != 0:
            raise Failure(
                f"user {self.owner.pw_name} cannot reach {self.root}: a directory "
                f"above it is closed to other users. Point TMPDIR at one it can "
                "reach, e.g. TMPDIR=/tmp"
            )

    def _initdb(self):
        self._as_owner(
            [
                self.bindir / "initdb",
                "--pgdata",
                self.data,
                "--username",
                SUPERUSER,
                "--auth",
                "trust",
                "--encoding",
                "UTF8",
                "--no-locale",
                "--no-sync",
            ],
            "initdb",
        )
        listen = "127.0.0.1" if self.tcp else ""
        settings = {
            **SERVER_SETTINGS,
            "listen_addresses": f"'{listen}'",
            "port": str(self.port),
            "unix_socket_directories": f"'{self.root}'",
        }
        with (self.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write("\n# scripts/postgres.py\n")
            conf.writelines(f"{name} = {value}\n" for name, value in settings.items())

    def _start(self):
        self._as_owner(
            [self.bindir / "pg_ctl", "--pgdata", self.data, "--log", self.log]
            + ["--wait", "--timeout", "60", "start"],
            "starting the server",
        )
        self.started = True

    def _stop(self):
        with contextlib.suppress(Failure):
            self._as_owner(
                [self.bindir / "pg_ctl", "--pgdata", self.data]
                + ["--mode", "fast", "--wait", "stop"],
                "stopping the server",
            )
        self.started = False

    def _as_owner(self, command, what):
        """Run a PostgreSQL program as the cluster's owner; raise Failure if it fails."""
        owner = {}
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env["LC_ALL"] = "C"
        if self.owner:
            owner = {
                "user": self.owner.pw_uid,
                "group": self.owner.pw_gid,
                "extra_groups": [],
            }
            env |= {"HOME": str(self.root), "USER": self.owner.pw_name}
        result = subprocess.run(
            [str(part) for part in command],
            cwd=self.root,  # the owner may not be allowed into ours
            env=env,
            capture_output=True,
            text=True,
            check=False,
            **owner,
        )
        if self.verbose:
            sys.stderr.write(result.stdout + result.stderr)
        if result.returncode != 0:
            details = (result.stdout + result.stderr).strip()
            if self.log.exists():
                details += "\nServer log:\n" + self.log.read_text(errors="replace")
            raise Failure(
                f"{what} failed ({command[0]}, exit {result.returncode}):\n{details}"
            )


if __name__ == "__main__":
    sys.exit(main())
