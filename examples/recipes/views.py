from django.http import HttpResponse, StreamingHttpResponse


def hello(request):
    return HttpResponse("Hello")


# --8<-- [start:stream]
def countdown(request):
    """A streaming response: the body is produced while it is being sent."""

    def chunks():
        for n in (3, 2, 1):
            yield f"{n}\n"

    return StreamingHttpResponse(chunks(), content_type="text/plain")


# --8<-- [end:stream]
