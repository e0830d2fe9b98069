"""Hostile manifests: invisible characters, over-long values, missing name parts, namesakes with
two A-numbers, problems in the caller's language, and an import whose queries do not grow with its rows."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from retorno.people.actions import person_create
from retorno.reception import actions
from retorno.reception.manifest import Code
from retorno.reception.models import Arrival, ManifestRow

from .conftest import import_manifest

pytestmark = pytest.mark.django_db

HEADER = "No.;Nombres;Primer Apellido;Segundo Apellido;Fecha de Nacimiento;Número A\n"


def csv(*rows: str) -> bytes:
    return (HEADER + "".join(f"{i};{row}\n" for i, row in enumerate(rows, start=1))).encode("utf-8")


def stage(flight, clerk, data):
    return actions.manifest_stage(actor=clerk, flight=flight, data=data, filename="m.csv")


def codes(row) -> set[tuple[str, str]]:
    return {(p.field, p.code) for p in row.problems}


def test_control_and_bidi_characters_are_removed_and_the_row_flagged(flight, clerk):
    data = csv("Ana\x00 María;Pérez\u202e;López\u2066;14/02/1990;")
    _, result = stage(flight, clerk, data)

    assert codes(result.rows[0]) >= {
        ("given_names", Code.UNSAFE_CHARACTERS),
        ("first_surname", Code.UNSAFE_CHARACTERS),
        ("second_surname", Code.UNSAFE_CHARACTERS),
    }
    import_manifest(flight, clerk, data)
    row = ManifestRow.objects.get(flight=flight)
    assert row.full_name == "Ana María Pérez López"
    stored = f"{row.full_name}{row.values}{row.raw}"
    assert not any(ch in stored for ch in "\x00\u202e\u2066")


def test_an_over_long_value_is_refused_by_row_and_field_never_cut(flight, clerk):
    data = csv("Ana;" + "X" * 100_000 + ";López;14/02/1990;", "Luis;Batz;Cux;15/03/1991;")
    _, result = stage(flight, clerk, data)

    too_long = [p for p in result.rows[0].problems if p.code == Code.TOO_LONG]
    assert [(p.row_number, p.field, dict(p.params)) for p in too_long] == [
        (2, "first_surname", {"length": 100_000, "limit": 80})
    ]
    assert too_long[0].is_error and result.rows[0].values["first_surname"] is None
    import_manifest(flight, clerk, data)
    assert not any("XXXX" in r.full_name for r in ManifestRow.objects.filter(flight=flight))


def test_an_empty_required_name_part_is_a_row_error(flight, clerk):
    _, result = stage(flight, clerk, csv("Ana;;López;14/02/1990;", ";Batz;Cux;15/03/1991;"))

    assert ("first_surname", Code.MISSING_NAME_PART) in codes(result.rows[0])
    assert ("given_names", Code.MISSING_NAME_PART) in codes(result.rows[1])
    assert all(p.is_error for row in result.rows for p in row.problems if p.code == Code.MISSING_NAME_PART)


def test_namesakes_with_two_a_numbers_are_two_people(flight, clerk):
    data = csv("Mario;Ajanel;Us;13/07/1985;A123456789", "Mario;Ajanel;Us;13/07/1985;A987654321")
    _, result = stage(flight, clerk, data)

    assert codes(result.rows[1]) == {("full_name", Code.SAME_NAME_OTHER_DOCUMENT)}
    assert not result.rows[1].has_errors
    done = import_manifest(flight, clerk, data)
    assert (done.created_rows, done.skipped_rows) == (2, 0)
    assert sorted(flight.manifest_rows.values_list("a_number", flat=True)) == ["A123456789", "A987654321"]
    again = import_manifest(flight, clerk, data)  # each row finds its own again
    assert (again.created_rows, again.updated_rows, again.withdrawn_rows) == (0, 0, 0)


def test_problems_are_stored_as_codes_and_shown_in_the_callers_language(flight, clerk, api_for):
    import_manifest(flight, clerk, csv("Ana;;López;14/02/1990;"))
    stored = ManifestRow.objects.get(flight=flight).problems
    assert stored == [
        {
            "field": "first_surname",
            "code": "missing_name_part",
            "severity": "error",
            "params": {"part": "first_surname"},  # a code, put into words when shown
        }
    ]
    with translation.override("es"):
        assert ManifestRow.objects.get(flight=flight).problem_messages == ["Falta el primer apellido."]
    with translation.override("en"):
        assert ManifestRow.objects.get(flight=flight).problem_messages == ["The first surname is missing."]
    upload = SimpleUploadedFile("m.csv", b"Fecha de Nacimiento;Sexo\n14/02/1990;F\n")
    response = api_for(clerk).post(
        f"/api/v1/reception/flights/{flight.pk}/manifest",
        {"file": upload, "commit": "true"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 422
    assert "A required column is missing" in str(response.json())
    assert "Falta" not in str(response.json())


def test_the_api_preview_gives_each_problem_in_the_callers_language(flight, clerk, api_for):
    upload = SimpleUploadedFile("m.csv", csv("Ana;;López;14/02/1990;"))
    response = api_for(clerk).post(
        f"/api/v1/reception/flights/{flight.pk}/manifest", {"file": upload}, HTTP_ACCEPT_LANGUAGE="en"
    )
    (problem,) = response.json()["rows"][0]["problems"]
    assert problem["message"] == "The first surname is missing."
    assert problem["params"] == {"part": "first_surname"}  # the stored code; the words come from gettext
    assert (problem["message_es"], problem["message_en"]) == (
        "Falta el primer apellido.",
        "The first surname is missing.",
    )


def big_csv(n: int, registry) -> bytes:
    rows = [f"{registry.given_names};{registry.first_surname};{registry.second_surname};"
            f"{registry.birth_date:%d/%m/%Y};"]  # fmt: skip
    for i in range(n - 1):
        birth = datetime.date(1960, 1, 1) + datetime.timedelta(days=37 * i)
        rows.append(
            f"Nombre{chr(65 + i % 26)}{chr(65 + i // 26 % 26)};Apellido{chr(65 + i // 676)};Ruiz;{birth:%d/%m/%Y};"
        )
    return csv(*rows)


@pytest.mark.parametrize("rows", [20, 400])
def test_committing_a_manifest_takes_the_same_few_queries_whatever_its_size(
    rows, flight, clerk, django_assert_max_num_queries
):
    known = person_create(
        actor=clerk,
        given_names="Elvira",
        first_surname="Tzul",
        second_surname="Ixcoy",
        birth_date=datetime.date(1980, 5, 17),
    )
    data = big_csv(rows, known)
    staged, _ = stage(flight, clerk, data)
    with django_assert_max_num_queries(60):
        done = actions.manifest_commit(actor=clerk, manifest_import=staged)
    assert done.created_rows == rows
    assert Arrival.objects.filter(flight=flight).count() == rows
    assert flight.manifest_rows.get(row_number=2).person == known
    staged, _ = stage(flight, clerk, data)
    with django_assert_max_num_queries(40):  # unchanged: nothing written but the import itself
        again = actions.manifest_commit(actor=clerk, manifest_import=staged)
    assert (again.created_rows, again.updated_rows) == (0, 0)
