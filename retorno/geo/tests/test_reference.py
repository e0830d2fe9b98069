import pytest
from django.core.management import call_command

from retorno.geo.models import Country, Department, Municipality

pytestmark = pytest.mark.django_db


def test_guatemala_has_22_departments_and_340_municipalities():
    assert Department.objects.count() == 22
    assert Municipality.objects.count() == 340
    assert Municipality.objects.get(code="0101").name == "Guatemala"
    assert Municipality.objects.get(code="0514").name == "Sipacate"
    assert Municipality.objects.get(code="1333").department.name == "Huehuetenango"


def test_iso_3166_countries_in_both_languages():
    gt = Country.objects.get(alpha2="GT")
    assert (gt.alpha3, gt.numeric) == ("GTM", "320")
    assert Country.objects.get(alpha2="US").name_es == "Estados Unidos"
    assert Country.objects.count() >= 249


def test_reloading_is_idempotent():
    call_command("geo_load", verbosity=0)
    assert Municipality.objects.count() == 340 and Department.objects.count() == 22
