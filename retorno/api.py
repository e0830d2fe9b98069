"""The versioned REST API: /api/v1/, OpenAPI 3 at /api/v1/openapi.json."""

from importlib import import_module
from importlib.util import find_spec

from ninja import NinjaAPI

from retorno.lib.api import api_auth, install_error_handlers

# Each domain app exposes ``router`` in its api.py, mounted at /api/v1/<app>/.
DOMAIN_APPS = (
    "people",
    "audit",
    "geo",
    "funding",
    "reception",
    "protection",
    "referrals",
    "reintegration",
    "outreach",
    "reports",
)

api = NinjaAPI(
    title="Retorno API",
    version="1",
    description="Returnee reception and reintegration. Authenticate with POST /api/v1/auth/token.",
    urls_namespace="api-v1",
    auth=api_auth(),
    docs_url="/docs",
    openapi_url="/openapi.json",
)
install_error_handlers(api)

api.add_router("/auth", import_module("retorno.accounts.api").router)
for app in DOMAIN_APPS:
    if find_spec(f"retorno.{app}.api") is not None:
        api.add_router(f"/{app}", import_module(f"retorno.{app}.api").router)
