"""Just enough of a WSGI server and an ASGI server to call Django as real
servers do, for the request-timing recipe: unlike the test client, they go
through Django's own handlers and close the response themselves.
"""

# --8<-- [start:wsgi]
import asyncio
from wsgiref.util import setup_testing_defaults

from django.core.handlers.asgi import ASGIHandler
from django.core.handlers.wsgi import WSGIHandler


def start_wsgi_request(path):
    """Call Django for GET `path`; returns the body iterable, not yet closed."""
    environ = {"PATH_INFO": path}
    setup_testing_defaults(environ)  # host, method, wsgi.* keys
    return WSGIHandler()(environ, lambda status, headers: None)


def wsgi_get(path):
    body = start_wsgi_request(path)
    try:
        return b"".join(body)  # send every chunk...
    finally:
        body.close()  # ...then close the response, as a WSGI server must


# --8<-- [end:wsgi]


# --8<-- [start:asgi]
async def asgi_get(path):
    """Call Django's ASGI handler for GET `path`; returns the body."""
    scope = {
        "type": "http",
        "method": "GET",
        "path": path,
        "query_string": b"",
        "headers": [(b"host", b"localhost")],
    }
    messages = [{"type": "http.request", "body": b"", "more_body": False}]
    never = asyncio.Event()
    body = []

    async def receive():
        if messages:
            return messages.pop(0)
        await never.wait()  # the client never disconnects

    async def send(message):
        body.append(message.get("body", b""))

    await ASGIHandler()(scope, receive, send)
    return b"".join(body)


# --8<-- [end:asgi]
