"""A clerk signs in, registers a returnee, finds them again, and switches to English."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_clerk_registers_and_finds_a_person(page, sign_in, clerk):
    sign_in(clerk)
    page.click("text=Registrar una persona")
    page.fill("#id_given_names", "José Luis")
    page.fill("#id_first_surname", "Xicará")
    page.fill("#id_second_surname", "Tzul")
    page.select_option("#id_sex", "M")
    page.fill("#id_birth_date", "1990-04-03")
    page.click("button[type=submit].primary")
    page.wait_for_selector("h1:has-text('José Luis Xicará Tzul')")
    assert "Persona registrada." in page.content()

    page.click("nav >> text=Buscar")
    page.fill("#id_q", "jose xicara")  # typed without accents; results arrive as you type
    page.wait_for_selector("#results a:has-text('Xicará')")
    assert "q=" not in page.url

    page.click("button[lang=en]")
    page.wait_for_selector("text=Find a person")
