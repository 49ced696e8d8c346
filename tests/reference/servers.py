"""Drive the project's real WSGI and ASGI handlers, the way a server does.

The test clients use their own handler classes (ClientHandler,
AsyncClientHandler) and send request_finished with sender None; these
helpers call django.core.handlers.wsgi.WSGIHandler and
django.core.handlers.asgi.ASGIHandler instead, so the capture and the
traces show what production sends.
"""

import asyncio
from http.cookies import SimpleCookie
from io import BytesIO
from urllib.parse import urlencode
from wsgiref.util import setup_testing_defaults

from asgiref.sync import ThreadSensitiveContext, sync_to_async
from django.core.handlers.asgi import ASGIHandler
from django.core.handlers.wsgi import WSGIHandler
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper


class WSGIBrowser:
    """A minimal WSGI server + browser: keeps cookies, closes every response."""

    def __init__(self):
        self.app = WSGIHandler()
        self.cookies = SimpleCookie()

    def request(self, method, path, data=None):
        body = urlencode(data or {}).encode()
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "CONTENT_TYPE": "application/x-www-form-urlencoded",
            "CONTENT_LENGTH": str(len(body)),
            "wsgi.input": BytesIO(body),
            "HTTP_COOKIE": "; ".join(
                f"{name}={morsel.value}" for name, morsel in self.cookies.items()
            ),
        }
        setup_testing_defaults(environ)
        status = []

        def start_response(status_line, headers):
            status.append(int(status_line.split()[0]))
            for name, value in headers:
                if name.lower() == "set-cookie":
                    self.cookies.load(value)

        response = self.app(environ, start_response)
        try:
            content = b"".join(response)
        finally:
            response.close()  # a WSGI server must call close()
        return status[0], content

    def post_form(self, path, data):
        """POST a form with a CSRF token, as a browser would after GETting it."""
        token = "x" * 32
        self.cookies["csrftoken"] = token
        return self.request("POST", path, {**data, "csrfmiddlewaretoken": token})


def asgi_scope(path, method="GET"):
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1")],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }


async def asgi_request(path, *, disconnect=False, leave_before_body=False):
    """Serve one GET with ASGIHandler; optionally disconnect before the response
    (disconnect=True) or even before sending the request body.

    Return the status code, or None when the client disconnected.
    """
    messages = [{"type": "http.request", "body": b"", "more_body": False}]
    if disconnect:
        messages.append({"type": "http.disconnect"})
    if leave_before_body:
        messages = [{"type": "http.disconnect"}]
    sent = []
    forever = asyncio.Event()

    async def receive():
        if messages:
            return messages.pop(0)
        await forever.wait()  # a client that stays connected

    async def send(message):
        sent.append(message)

    # ASGIHandler runs the sync parts of the request in a thread that lives as
    # long as this context; close that thread's connections before it ends.
    async with ThreadSensitiveContext():
        await ASGIHandler()(asgi_scope(path), receive, send)
        await sync_to_async(close_connections)()
    starts = [m["status"] for m in sent if m["type"] == "http.response.start"]
    return starts[0] if starts else None


def close_connections():
    """Close this thread's connections, even to SQLite's in-memory test database.

    (The SQLite backend's close() keeps an in-memory database open, and an
    unclosed connection of a finished thread ends in a ResourceWarning.)
    """
    for wrapper in connections.all(initialized_only=True):
        BaseDatabaseWrapper.close(wrapper)
