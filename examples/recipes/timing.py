"""Request timing with request_started and request_finished (the middleware
that does the same is in recipes/middleware.py).

The receivers are not connected when the app starts: request signals are
sent for every request of the project, so a project turns this on by calling
connect_request_timing() (from an AppConfig.ready(), or in a test).
"""

# --8<-- [start:receivers]
import logging
import time
from contextvars import ContextVar

from django.core.signals import request_finished, request_started

logger = logging.getLogger(__name__)

# request_finished is sent without the request, so the start of the
# request is kept where only this request can see it: a context variable
# (one value per thread under WSGI, per task under ASGI).
_started = ContextVar("recipes_request_started", default=None)


def start_timer(sender, **kwargs):
    if "environ" in kwargs:  # WSGI
        path = kwargs["environ"].get("PATH_INFO", "")
    else:  # ASGI sends scope instead of environ
        path = kwargs["scope"]["path"]
    _started.set((path, time.perf_counter()))


def stop_timer(sender, **kwargs):
    started = _started.get()
    if started is None:  # no start seen in this context
        return
    _started.set(None)
    path, start = started
    elapsed_ms = (time.perf_counter() - start) * 1000
    logger.info("%s took %.1f ms", path, elapsed_ms, extra={"ms": elapsed_ms})


def connect_request_timing():
    request_started.connect(start_timer, dispatch_uid="recipes.start_timer")
    request_finished.connect(stop_timer, dispatch_uid="recipes.stop_timer")


def disconnect_request_timing():
    request_started.disconnect(dispatch_uid="recipes.start_timer")
    request_finished.disconnect(dispatch_uid="recipes.stop_timer")


# --8<-- [end:receivers]
