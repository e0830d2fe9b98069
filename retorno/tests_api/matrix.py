"""The operations and pages the role × operation matrix exercises, and what each role expects.

Everything is read from the running code: API operations from the OpenAPI document, pages from
the URL configuration, the permission each one asks for from its view (see
``retorno.accounts.access_expectations`` for the rules and the few declarations).
"""

import inspect
import re
from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

from retorno.accounts import access_expectations as declared
from retorno.accounts.access import PERMISSIONS
from retorno.accounts.models import User

ANONYMOUS = "anonymous"
ROLES = [*User.Role.values, ANONYMOUS]
SKIPPED_NAMESPACES = {"admin", "api-v1"}  # the admin has its own crawl; the API is covered by operation
PERMISSION_IN_SOURCE = re.compile(
    r"""(?:permission_required|require|can)\(\s*(?:[\w.]+,\s*)?["']?([\w.]+)["']?\s*\)|permission(?::\s*str\s*)?\s*=\s*["']([\w.]+)["']"""
)


@dataclass(frozen=True)
class Operation:
    key: str  # "GET /api/v1/people/persons/{person_id}" or a URL name
    method: str
    path: str  # with {parameters}
    app: str  # API router or URL namespace: scopes the path parameters
    view: object
    spec: dict | None = None  # the OpenAPI operation

    def __str__(self) -> str:
        return self.key


@cache
def openapi() -> dict:
    from retorno.api import api

    return api.get_openapi_schema()


def _api_views() -> dict[tuple[str, str], object]:
    from retorno.api import api

    views = {}
    for prefix, router in api._routers:
        for route, path_view in router.path_operations.items():
            for op in path_view.operations:
                full = "/api/v1" + (prefix.rstrip("/") + "/" + route.lstrip("/")).replace("//", "/")
                full = re.sub(r"{\w+:(\w+)}", r"{\1}", full).rstrip("/") or "/api/v1"
                for method in op.methods:
                    views[(method.upper(), full)] = op.view_func
    return views


@cache
def api_operations() -> list[Operation]:
    views = _api_views()
    operations = []
    for path, item in openapi()["paths"].items():
        for method, spec in item.items():
            key = f"{method.upper()} {path}"
            view = views.get((method.upper(), path.rstrip("/")))
            operations.append(Operation(key, method.upper(), path, path.split("/")[3], view, spec))
    return operations


def _walk(patterns, prefix: str = "", namespace: str = ""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or namespace
            if ns in SKIPPED_NAMESPACES or entry.namespace == "api-v1":
                continue
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern) and entry.name:
            route = prefix + str(entry.pattern)
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            yield name, route, namespace, entry.callback


@cache
def pages() -> list[Operation]:
    found = {}
    for name, route, namespace, callback in _walk(get_resolver().url_patterns):
        if route.startswith(("static", "api/", "healthz", "i18n/")) or name in ("logout",):
            continue
        path = "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)
        found.setdefault(name, Operation(name, "GET", path, namespace or "accounts", callback))
    return list(found.values())


def _unwrap(view):
    """The view under its decorators (``functools.wraps`` or a closure around the view)."""
    for _ in range(10):
        inner = getattr(view, "__wrapped__", None)
        if inner is None:
            cells = [c.cell_contents for c in (getattr(view, "__closure__", None) or ())]
            inner = next((c for c in cells if inspect.isfunction(c) and c.__name__ == view.__name__), None)
        if inner is None:
            break
        view = inner
    return getattr(view, "view_class", view)


def _permissions_named(func, depth: int) -> set[str]:
    """Permissions named in a view's code, or (when it names none) in the Retorno helpers it calls."""
    try:
        source = inspect.getsource(func)
    except (OSError, TypeError):
        return set()
    module = inspect.getmodule(func)
    named = {a or b for a, b in PERMISSION_IN_SOURCE.findall(source)}
    # A module constant (VIEW = "reintegration.view") counts as the permission it holds.
    names = {getattr(module, n, n) if n.isupper() else n for n in named}
    names = {n for n in names if isinstance(n, str)} & set(PERMISSIONS)
    if names or depth == 0:
        return names
    for called in set(re.findall(r"\b(\w+)\(", source)):
        helper = getattr(module, called, None)
        if inspect.isfunction(helper) and helper.__module__.startswith("retorno.") and helper is not func:
            names |= _permissions_named(helper, depth - 1)
    return names


def declared_permission(operation: Operation):
    """The permission (or PUBLIC, SIGNED_IN, a set of roles) an operation or page expects."""
    table = declared.API if operation.key.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")) else declared.PAGES
    if operation.key in table:
        return table[operation.key]
    direct = getattr(operation.view, "required_permission", None)
    if direct:
        return direct
    names = _permissions_named(_unwrap(operation.view), depth=2)
    if len(names) == 1:
        return names.pop()
    for prefix, expectation in declared.PREFIXES.items():
        if not names and operation.key.split(" ")[-1].startswith(prefix):
            return expectation
    where = "API" if table is declared.API else "PAGES"
    found = f"it names {sorted(names)}" if names else "its code names no permission"
    raise LookupError(
        f"{operation.key}: declare who may use it in retorno/accounts/access_expectations.py, {where}[{operation.key!r}] "
        f"= a permission name, a tuple of them, PUBLIC, SIGNED_IN, SEALED or a frozenset of roles ({found})."
    )


def allowed_roles(expectation) -> frozenset[str]:
    if expectation == declared.SEALED:
        return declared.SEALED_ROLES
    if expectation == declared.PUBLIC:
        return frozenset(ROLES)
    if expectation == declared.SIGNED_IN:
        return frozenset(User.Role.values)
    if isinstance(expectation, frozenset):
        return expectation
    if isinstance(expectation, tuple):  # any of several permissions
        return frozenset().union(*(PERMISSIONS[p] for p in expectation))
    return PERMISSIONS[expectation]


def model_for(app: str, parameter: str):
    """The model a path parameter names: ``case_id`` under protection is a ProtectionCase."""
    key = f"{app} {parameter}"
    if key in declared.PATH_PARAMETERS:
        label = declared.PATH_PARAMETERS[key]
        if label and label.startswith("="):
            return label
        return apps.get_model(label) if label else None
    stem = parameter.removesuffix("_id").replace("_", "")
    candidates = []
    try:
        local = list(apps.get_app_config(app).get_models())
    except LookupError:
        local = []
    everywhere = [m for m in apps.get_models() if m.__module__.startswith("retorno.")]
    for rule in (
        lambda m: m.__name__.lower() == stem and m in local,
        lambda m: m.__name__.lower().endswith(stem) and m in local,
        lambda m: m.__name__.lower().startswith(stem) and m in local,
        lambda m: m.__name__.lower() == stem,
    ):
        candidates = [m for m in everywhere if rule(m)]
        if len(candidates) == 1:
            return candidates[0]
        if len(candidates) > 1:
            break
    raise LookupError(
        f"Path parameter {parameter!r} under {app!r}: declare its model in retorno/accounts/access_expectations.py, "
        f"PATH_PARAMETERS[{key!r}] = 'app_label.Model' (candidates: {[m.__name__ for m in candidates]})."
    )
