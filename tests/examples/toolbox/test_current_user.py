import asyncio

from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import AsyncRequestFactory, RequestFactory

from toolbox.current_user import current_user, current_user_middleware


def test_the_sync_middleware_sets_the_user_for_the_view_only():
    seen = []

    def view(request):
        seen.append(current_user.get())
        return HttpResponse()

    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    current_user_middleware(view)(request)
    assert seen == [request.user]
    assert current_user.get() is None


def test_the_async_middleware_sets_the_user_for_the_view_only():
    seen = []

    async def view(request):
        seen.append(current_user.get())
        return HttpResponse()

    async def auser():
        return "ada"

    request = AsyncRequestFactory().get("/")
    request.auser = auser
    asyncio.run(current_user_middleware(view)(request))
    assert seen == ["ada"]
    assert current_user.get() is None


def test_the_middleware_resets_the_user_when_the_view_raises():
    def view(request):
        raise RuntimeError("view failed")

    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    try:
        current_user_middleware(view)(request)
    except RuntimeError:
        pass
    assert current_user.get() is None
