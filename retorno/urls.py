"""Top-level URLs. Each domain app with a urls.py is mounted under its own prefix."""

from importlib.util import find_spec

from django.contrib import admin
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.i18n import set_language

from retorno.accounts import views as account_views
from retorno.api import DOMAIN_APPS, api
from retorno.lib.health import healthz


def favicon(request):
    """Resolved per request: under DEBUG=False the static name is hashed by the manifest."""
    return HttpResponsePermanentRedirect(static("retorno/favicon.svg"))


urlpatterns = [
    path("", account_views.home, name="home"),
    path("accounts/", include("retorno.accounts.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("healthz", healthz, name="healthz"),
    # Browsers ask for /favicon.ico on pages without an icon link (admin, API docs).
    path("favicon.ico", favicon, name="favicon"),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
urlpatterns += [
    path(f"{app}/", include(f"retorno.{app}.urls"))
    for app in DOMAIN_APPS
    if find_spec(f"retorno.{app}.urls") is not None
]
