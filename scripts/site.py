"""Build the site and serve it from 127.0.0.1, for the tests and tools that need it."""

import gzip
import io
import os
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from scripts.shell import run


def build_site(target):
    """The built site: $HANDBOOK_SITE_DIR if set (make test builds it first), else a fresh build.

    The fresh build is not strict, so that a broken link is reported by the
    tests that name its file and line rather than by an aborted build.
    """
    if os.environ.get("HANDBOOK_SITE_DIR"):
        return Path(os.environ["HANDBOOK_SITE_DIR"]).resolve()
    run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "-d", str(target)],
        check=True,
    )
    return target


class QuietHandler(SimpleHTTPRequestHandler):
    """A static file server that compresses text like GitHub Pages does."""

    COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".txt", ".xml")

    def log_message(self, format, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the base class redirects to "page/"
            path = path / "index.html"
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (gzip_ok and path.suffix in self.COMPRESSED and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(directory):
    """Serve a folder on 127.0.0.1 in a thread; return (base_url, server)."""
    handler = partial(QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server
