"""The migration that turns stored words into codes: what it knows becomes a code, the rest keeps its words."""

from importlib import import_module

from django.utils import translation

from retorno.reception.allocation_text import render
from retorno.reception.manifest.problems import stored_message

migration = import_module("retorno.reception.migrations.0005_messages_as_codes")


def test_pairs_of_words_become_codes():
    stored = {
        "field": "cui",
        "code": "duplicate_row",
        "severity": "error",
        "params": {"first_row": 4, "basis_es": "mismo CUI", "basis_en": "same CUI"},
    }
    done = migration.problem_to_code(stored)
    assert done["params"] == {"first_row": 4, "basis": "cui"}
    with translation.override("es"):
        assert stored_message(done) == "Misma persona que la fila 4 (mismo CUI)."
    with translation.override("en"):
        assert stored_message(done) == "Same person as row 4 (same CUI)."


def test_a_problem_stored_as_words_is_read_back_into_parameters():
    stored = {
        "field": "first_surname",
        "code": "missing_name_part",
        "severity": "error",
        "message_es": "Falta el primer apellido.",
        "message_en": "The first surname is missing.",
    }
    done = migration.problem_to_code(stored)
    assert done == {
        "field": "first_surname",
        "code": "missing_name_part",
        "severity": "error",
        "params": {"part": "first_surname"},
    }
    repeated = migration.problem_to_code(
        {
            "code": "too_many_rows",
            "message_es": "El archivo tiene más de 5000 filas; solo se leyeron las primeras 5000.",
        }
    )
    assert repeated["params"] == {"limit": "5000"}


def test_unknown_words_are_kept_as_they_were():
    stored = {"code": "cui_check", "params": {"value": "1", "reason_es": "otra cosa", "reason_en": "something else"}}
    done = migration.problem_to_code(stored)
    with translation.override("es"):
        assert "otra cosa" in stored_message(done)
    with translation.override("en"):
        assert "something else" in stored_message(done)
    odd = migration.problem_to_code({"code": "gone_code", "message_es": "Texto antiguo", "message_en": "Old text"})
    with translation.override("en"):
        assert stored_message(odd) == "Old text"


def test_allocation_decisions_drop_their_copies_of_the_words():
    with_params = {
        "arrival": 1,
        "reason": "can_pay",
        "params": {"currency": "USD"},
        "message_es": "x",
        "message_en": "y",
    }
    assert migration.decision_to_code(with_params) == {"arrival": 1, "reason": "can_pay", "params": {"currency": "USD"}}
    old = {
        "arrival": 2,
        "reason": "allocated",
        "message_es": "Pasaje asignado (US$ 10,00)",
        "message_en": "Ticket (USD 10.00)",
    }
    done = migration.decision_to_code(old)
    assert render(done["reason"], done["params"], "es") == "Pasaje asignado (US$ 10,00)"
    assert render(done["reason"], done["params"], "en") == "Ticket (USD 10.00)"
    plain = migration.decision_to_code(
        {"arrival": 3, "reason": "can_pay", "message_es": "No necesita apoyo: puede pagar su pasaje."}
    )
    assert plain["params"] == {} and render("can_pay", plain["params"], "en") == "No support needed: can pay the fare."
