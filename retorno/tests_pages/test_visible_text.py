"""Every page, as every role, in both languages: no raw codes, no text in the other language.

Walks the whole URL configuration, so pages added later are covered without editing this file.
Detail pages get ids of demo objects (``demo_data``); a page a role may not see is skipped for
that role (its refusal is tested by the page's own app). Only GET pages that answer 200 with HTML
are read.
"""

import re

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from retorno.accounts.models import User
from retorno.tests_pages.visible import Checker, data_values

pytestmark = [pytest.mark.django_db, pytest.mark.walker, pytest.mark.xdist_group("page_walker")]

# Path parameters that are not object ids: the values worth visiting.
WORD_VALUES = {
    "section": ["overview", "psychosocial", "identification", "victim", "legal", "minor"],
}
# Pages that are not HTML for a person (files, redirects to files, signed links need a token).
NOT_PAGES = re.compile(
    r"(\.pdf|\.csv|\.json|htcds|answer/<str:token>|openapi|healthz|jsi18n|logout|/history/|/delete/|password|autocomplete)"
)
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = ":".join(filter(None, [namespace, pattern.namespace]))
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield prefix + str(pattern.pattern), ":".join(filter(None, [namespace, pattern.name])), pattern


def pages() -> list[tuple[str, str, tuple[str, ...]]]:
    found = {}
    for route, name, pattern in _walk(get_resolver().url_patterns):
        if NOT_PAGES.search(route) or route.startswith("^") or "(?P" in route:
            continue
        params = tuple(pattern.pattern.converters) if hasattr(pattern.pattern, "converters") else ()
        found.setdefault(name, (route, name, params))
    return sorted(found.values())


def _model_for(param: str, name: str):
    """``flight_id`` -> reception.Flight, preferring the page's own app; admin ``object_id`` from the name."""
    if param == "object_id" and name.startswith("admin:"):
        app_label, _sep, rest = name[len("admin:") :].partition("_")
        model_name = rest.rsplit("_", 1)[0]
        try:
            return apps.get_model(app_label, model_name)
        except LookupError:
            return None
    if not param.endswith("_id"):
        return None
    wanted = param[: -len("_id")].replace("_", "")
    app_label = name.split(":")[0]
    candidates = [m for m in apps.get_models() if m._meta.model_name == wanted]
    candidates.sort(key=lambda m: m._meta.app_label != app_label)
    if not candidates and app_label in {c.label for c in apps.get_app_configs()}:
        candidates = [m for m in apps.get_app_config(app_label).get_models() if m._meta.model_name.endswith(wanted)]
    return candidates[0] if candidates else None


def _values(param: str, name: str) -> list:
    if param in WORD_VALUES:
        return WORD_VALUES[param]
    model = _model_for(param, name)
    if model is None:
        return []
    ids = list(model.objects.order_by("pk").values_list("pk", flat=True))
    if len(ids) > 4:  # first, last and two between: enough to meet one each role may see
        ids = [ids[0], ids[len(ids) // 3], ids[2 * len(ids) // 3], ids[-1]]
    return ids


def _urls(name: str, params: tuple[str, ...]) -> list[str]:
    combos = [{}]
    for param in params:
        values = _values(param, name)
        if not values:
            return []
        combos = [{**c, param: v} for c in combos for v in values]
    return [reverse(name, kwargs=c) for c in combos]


ROLES = [role for role, _label in User.Role.choices]
_checker = None
_data = None


def _faults(html: str, lang: str, admin: bool) -> list[str]:
    global _checker, _data
    _checker = _checker or Checker()
    _data = _data if _data is not None else data_values()
    return _checker.faults(html, lang, _data, admin=admin)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", pages(), ids=lambda p: p[1])
def test_page_shows_labels_in_the_readers_language(demo_programme, client, page, role, lang):
    route, name, params = page
    user = User.objects.filter(role=role, is_active=True).order_by("pk").first()
    if user is None:
        pytest.skip(f"no demo user with role {role}")
    urls = _urls(name, params)
    if params and not urls:
        pytest.skip(f"no demo object for {params} of {route}")
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    read = 0
    faults = {}
    for url in urls or [reverse(name)]:
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        read += 1
        found = _faults(response.content.decode(), lang, admin=name.startswith("admin:"))
        if found:
            faults[url] = found
    if not read:
        pytest.skip(f"{role} reads no {route}")
    assert not faults, "\n".join(f"{url}: {f}" for url, found in faults.items() for f in found)


TEST_WORDS = {"referencia", "orden", "fechas", "ejemplo", "prueba", "test", "demo", "fulano", "lorem", "foo", "xxx"}


def test_demo_people_have_real_names(demo_programme):
    """Nobody on the demo flight, in the registry or on a worklist is called "Referencia Orden Fechas"."""
    from retorno.people.models import Person
    from retorno.reception.models import ManifestRow

    names = [p.full_name for p in Person.objects.all()] + list(ManifestRow.objects.values_list("full_name", flat=True))
    assert names
    testish = [n for n in names if TEST_WORDS & {w.lower() for w in n.split()}]
    assert not testish


def test_every_admin_model_is_named_in_both_languages():
    """The admin's lists are named by the models' verbose names: "Transport overrides" in Spanish is a fault."""
    from django.contrib import admin
    from django.utils import translation

    untranslated = []
    for model in admin.site._registry:
        if not model.__module__.startswith("retorno."):
            continue
        with translation.override("es"):
            spanish = str(model._meta.verbose_name_plural)
        with translation.override("en"):
            english = str(model._meta.verbose_name_plural)
        if spanish == english:
            untranslated.append(model._meta.label)
    assert not untranslated
