"""The user of the current request, for receivers that are not given it.

A last resort: prefer passing the user from the code that knows it (a view,
ModelAdmin.save_model(), a service function). Outside a request (a shell, a
management command, a task) there is no user, and `current_user.get()` is
None.
"""

# --8<-- [start:current_user]
from contextvars import ContextVar

from asgiref.sync import iscoroutinefunction
from django.utils.decorators import sync_and_async_middleware

# A ContextVar, not a threading.local: under ASGI, the requests served by one
# event loop share its thread, but each has its own context.
current_user = ContextVar("current_user", default=None)


@sync_and_async_middleware
def current_user_middleware(get_response):
    """Make request.user available as current_user.get() while the view runs.

    Put it after AuthenticationMiddleware in MIDDLEWARE.
    """
    if iscoroutinefunction(get_response):

        async def middleware(request):
            token = current_user.set(await request.auser())
            try:
                return await get_response(request)
            finally:
                current_user.reset(token)  # never leak into the next request

    else:

        def middleware(request):
            token = current_user.set(request.user)
            try:
                return get_response(request)
            finally:
                current_user.reset(token)

    return middleware


# --8<-- [end:current_user]
