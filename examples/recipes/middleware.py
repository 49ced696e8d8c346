"""Request timing with a middleware, to compare with recipes/timing.py."""

# --8<-- [start:middleware]
import logging
import time

from asgiref.sync import iscoroutinefunction
from django.utils.decorators import sync_and_async_middleware

logger = logging.getLogger(__name__)


@sync_and_async_middleware
def timing_middleware(get_response):
    """Logs how long the rest of the stack took to return the response.

    It works in both modes, so Django never has to adapt it: under ASGI it
    runs in the event loop, not in a thread.
    """

    def log(request, response, start):
        elapsed_ms = (time.perf_counter() - start) * 1000
        logger.info(
            "%s %s took %.1f ms (status %s)",
            request.method,
            request.path,
            elapsed_ms,
            response.status_code,
            extra={"ms": elapsed_ms},
        )

    if iscoroutinefunction(get_response):

        async def middleware(request):
            start = time.perf_counter()
            response = await get_response(request)
            log(request, response, start)
            return response

    else:

        def middleware(request):
            start = time.perf_counter()
            response = get_response(request)
            log(request, response, start)
            return response

    return middleware


# --8<-- [end:middleware]
