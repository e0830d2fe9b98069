"""The manifest preview names columns and fields in the reader's language, never by their codes."""

import re

import pytest

from retorno.reception import actions

pytestmark = pytest.mark.django_db

DATA = "No.;Nombres;Primer Apellido;Número A;DPI;Fecha de Nacimiento\n1;Ana;Tum;A123456789;12345;31/02/1990\n"


def test_the_preview_shows_field_names_not_codes(flight, clerk, client_for):
    staged, _ = actions.manifest_stage(actor=clerk, flight=flight, data=DATA.encode(), filename="m.csv")
    page = client_for(clerk).get(f"/reception/imports/{staged.pk}/").content.decode()

    shown = re.sub(r'value="[^"]*"|name="[^"]*"|id="[^"]*"|for="[^"]*"', "", page)  # codes may sit in attributes
    for code in ("given_names", "first_surname", "a_number", "birth_date", ">cui<"):
        assert code not in shown, code
    for label in ("Nombres", "Primer apellido", "Número A", "Fecha de nacimiento", "CUI (número de DPI)"):
        assert label in page, label
