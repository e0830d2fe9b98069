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
