"""The versioned REST API: /api/v1/, OpenAPI 3 at /api/v1/openapi.json."""

from importlib import import_module
from importlib.util import find_spec

from ninja import NinjaAPI

from retorno.accounts.api_auth import api_auth
from retorno.lib.api import install_error_handlers

# Each domain app exposes ``router`` in its api.py, mounted at /api/v1/<app>/.
DOMAIN_APPS = (
    "people",
    "audit",
    "geo",
    "funding",
    "reception",
    "protection",
    "messaging",
    "referrals",
    "reintegration",
    "outreach",
    "reports",
)


class RetornoAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        _local_times(schema)
        return schema


def _local_times(node) -> None:
    """JSON Schema's "time" format demands a UTC offset; Retorno's times of day are local
    wall-clock times ("14:30:00"), so the document says exactly that."""
    if isinstance(node, dict):
        if node.get("format") == "time":
            node.pop("format")
            node["pattern"] = r"^[0-2][0-9]:[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?$"
            node.setdefault("description", "Local time of day, HH:MM[:SS]")
        for value in node.values():
            _local_times(value)
    elif isinstance(node, list):
        for value in node:
            _local_times(value)


api = RetornoAPI(
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
