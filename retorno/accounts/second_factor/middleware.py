"""Keep a user who still owes a second factor away from every page until the code is typed."""

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from retorno.accounts.second_factor.queries import is_enrolled, second_factor_missing


class SecondFactorRequiredMiddleware:
    """Install after django-otp's ``OTPMiddleware``.

    Pages (the Django admin included) redirect to the code page, or to enrolment for a user
    with no authenticator yet. The API is guarded where it authenticates: a session without
    the second factor does not count (``retorno.accounts.api_auth.StaffSession``) and the token endpoint
    asks for the code.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def exempt(self, path: str) -> bool:
        open_paths = (
            reverse("login"),
            reverse("logout"),
            reverse("second_factor_verify"),
            reverse("second_factor_setup"),
            reverse("set_language"),
            reverse("healthz"),
            "/api/",
            "/" + settings.STATIC_URL.lstrip("/"),
        )
        return path.startswith(open_paths)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if second_factor_missing(request) and not self.exempt(request.path_info):
            target = "second_factor_verify" if is_enrolled(request.user) else "second_factor_setup"
            return HttpResponseRedirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
