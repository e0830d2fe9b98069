"""Free-text institution names become directory entries, found again rather than duplicated."""

import pytest

from retorno.accounts.directory import organisation_for_name
from retorno.accounts.models import Organisation


@pytest.mark.django_db
def test_a_new_name_becomes_an_entry_of_the_kind_its_words_say():
    org = organisation_for_name(Organisation, "  Fiscalía  contra la Trata de Personas ")
    assert (org.name, org.kind) == ("Fiscalía contra la Trata de Personas", Organisation.Kind.PROSECUTION)
    assert organisation_for_name(Organisation, "RENAP").kind == Organisation.Kind.REGISTRY
    assert organisation_for_name(Organisation, "Juzgado de Paz de Tecún Umán").kind == Organisation.Kind.JUDICIARY


@pytest.mark.django_db
def test_an_existing_entry_is_found_by_name_or_acronym_in_any_case():
    pgn = Organisation.objects.create(
        name="Procuraduría General de la Nación", acronym="PGN", slug="pgn", kind=Organisation.Kind.PGN
    )
    assert organisation_for_name(Organisation, "pgn") == pgn
    assert organisation_for_name(Organisation, "PROCURADURÍA GENERAL DE LA NACIÓN") == pgn
    assert Organisation.objects.filter(name__icontains="Nación").count() == 1
    assert organisation_for_name(Organisation, "   ") is None


@pytest.mark.django_db
def test_generic_government_entries_of_the_mp_and_the_pgn_get_their_kinds():
    """Migration 0005: the prosecutor's office list and the PGN handover find entries typed before."""
    from importlib import import_module

    from django.apps import apps

    fiscalia = Organisation.objects.create(
        slug="mp-fiscalia-trata", name="Ministerio Público — Fiscalía contra la Trata", kind="government"
    )
    pgn = Organisation.objects.create(slug="pgn", name="Procuraduría General de la Nación (PGN)", kind="government")
    mineduc = Organisation.objects.create(slug="mineduc", name="Ministerio de Educación", kind="government")
    import_module("retorno.accounts.migrations.0007_prosecution_and_pgn_kinds").forwards(apps, None)
    kinds = dict(Organisation.objects.filter(pk__in=[fiscalia.pk, pgn.pk, mineduc.pk]).values_list("slug", "kind"))
    assert kinds == {"mp-fiscalia-trata": "prosecution", "pgn": "pgn", "mineduc": "government"}
