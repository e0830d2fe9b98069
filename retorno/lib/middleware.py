"""Cross-cutting HTTP behaviour."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class NoStoreForSensitivePagesMiddleware:
    """Keep pages about people out of browser and proxy caches.

    Every authenticated page can show a person's data, and shared airport tablets
    must not keep it; views may also mark a response themselves with ``no_store``.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (user is not None and user.is_authenticated) or getattr(response, "no_store", False):
            response["Cache-Control"] = "no-store, private"
            response["Pragma"] = "no-cache"
        return response
