"""Serve requests with Django's real WSGI or ASGI handler.

The test clients replace Django's handlers with their own (ClientHandler,
AsyncClientHandler); these helpers build the application that
handbook/wsgi.py and handbook/asgi.py build, and call it the way a server
does, so the request signals have the senders they have in production.
Each call of serve_wsgi() or serve_asgi() builds a new application, so it
uses the MIDDLEWARE in force; a WSGIBrowser keeps one, and its cookies.
"""

import asyncio
from http.cookies import SimpleCookie
from io import BytesIO
from urllib.parse import urlencode
from wsgiref.util import setup_testing_defaults

from django.core.asgi import get_asgi_application
from django.core.handlers.wsgi import WSGIHandler
from django.core.wsgi import get_wsgi_application


# --8<-- [start:wsgi]
def serve_wsgi(path):
    """GET `path` like a WSGI server: call the application, send, close."""
    environ = {"PATH_INFO": path}
    setup_testing_defaults(environ)  # a minimal, valid WSGI environ
    statuses = []
    application = get_wsgi_application()
    response = application(environ, lambda status, headers: statuses.append(status))
    try:
        b"".join(response)  # a server sends the body here
    finally:
        response.close()  # and must call close() at the end
    return int(statuses[0].split()[0])


# --8<-- [end:wsgi]


# --8<-- [start:asgi]
async def serve_asgi(path):
    """GET `path` like an ASGI server; return the response's status code."""
    headers = [(b"host", b"127.0.0.1")]
    scope = {"type": "http", "method": "GET", "path": path, "headers": headers}
    incoming = [{"type": "http.request"}]  # an empty body, then nothing
    sent = []

    async def receive():
        if incoming:
            return incoming.pop(0)
        await asyncio.Future()  # the client stays connected

    async def send(message):
        sent.append(message)

    await get_asgi_application()(scope, receive, send)
    return sent[0]["status"]


# --8<-- [end:asgi]


class WSGIBrowser:
    """A minimal WSGI server + browser: keeps cookies, closes every response."""

    def __init__(self):
        self.app = WSGIHandler()
        self.cookies = SimpleCookie()

    def request(self, method, path, data=None):
        """Send a request with the cookies received so far; return (status, body)."""
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
