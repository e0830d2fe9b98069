"""The administrator sees configuration, not case data: a crawl of every admin page (issue 10, item 4).

The whole demo programme is loaded, then every person's name and every free-text value of every
workflow record (what a ReadOnlyAdmin does not list in ``shown_text``) is replaced by a sentinel.
Every changelist, add, change and history page, as the administrator, must carry no sentinel.
"""

import contextlib
import io

import pytest
from django.contrib import admin
from django.db import models
from django.urls import NoReverseMatch, reverse

from retorno.lib.admin import ReadOnlyAdmin

pytestmark = pytest.mark.django_db
SENTINEL = "ZQXCENTINELA"


def _plant(model, names: list[str]) -> None:
    plain = models.QuerySet(model=model)  # a plain queryset: some models refuse updates by design
    for pk in plain.values_list("pk", flat=True):
        plain.filter(pk=pk).update(**dict.fromkeys(names, f"{SENTINEL}{pk}"))


def _person_bearing_names() -> None:
    from retorno.people.models import Person
    from retorno.reception.models import ManifestRow

    for model in (Person, ManifestRow):
        names = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField) and not f.choices and not f.unique and (f.max_length or 0) >= 20
        ]
        names = [n for n in names if any(w in n for w in ("name", "surname", "given"))]
        assert names, model
        _plant(model, names)


def _workflow_text() -> None:
    for model, model_admin in admin.site._registry.items():
        if not isinstance(model_admin, ReadOnlyAdmin):
            continue
        names = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, (models.CharField, models.TextField))
            and not f.choices
            and f.name not in getattr(model_admin, "shown_text", ())
            and not f.unique
            and (f.max_length or 100) >= 20
        ]
        if names:
            _plant(model, names)


@pytest.fixture
def demo_programme(programme):
    from importlib import import_module
    from importlib.util import find_spec

    from retorno.people.management.commands.demo_data import DEMO_APPS

    for app in (a for a in DEMO_APPS if find_spec(f"retorno.{a}.demo")):
        import_module(f"retorno.{app}.demo").load(options={"persons": 40, "quiet": True}, stdout=io.StringIO())


def _pages(model) -> list[str]:
    info = model._meta.app_label, model._meta.model_name
    urls = [reverse("admin:{}_{}_changelist".format(*info)), reverse("admin:{}_{}_add".format(*info))]
    for pk in model.objects.values_list("pk", flat=True)[:25]:
        for view in ("change", "history"):
            with contextlib.suppress(NoReverseMatch):
                urls.append(reverse(f"admin:{info[0]}_{info[1]}_{view}", args=[pk]))
    return urls


def test_no_admin_page_carries_a_name_or_case_text(demo_programme, administrator, client_for):
    from retorno.referrals.models import Referral
    from retorno.reintegration.models import ReintegrationCase

    assert Referral.objects.exists() and ReintegrationCase.objects.exists()  # the demo has case data
    _person_bearing_names()
    _workflow_text()
    client = client_for(administrator)
    crawled, leaks = 0, []
    for model in admin.site._registry:
        for url in _pages(model):
            response = client.get(url)
            assert response.status_code in (200, 403), (url, response.status_code)
            if SENTINEL in response.content.decode():
                leaks.append(url)
            crawled += 1
    assert client.get(reverse("admin:index")).status_code == 200
    assert crawled > 100
    assert leaks == []
