"""A protection officer opens a case referred from reception, records the protocol and refers it to the MP."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_takes_referral_records_protocol_and_refers_to_prosecutor(
    page, sign_in, clerk, protection_officer, person
):
    from retorno.protection.actions import protection_referral_receive
    from retorno.protection.models import Identification, LegalCase
    from retorno.protection.tests.conftest import fiscalia

    office = fiscalia()  # the MP unit in the institutions directory
    protection_referral_receive(actor=clerk, person=person, arrival=None)
    sign_in(protection_officer)
    page.click("nav >> text=Protección")
    page.wait_for_selector("#queue")
    assert "José Luis Xicará Tzul" in page.inner_text("#queue")
    page.select_option("#queue select[name=kind]", "trafficking")
    page.click("#queue button.primary")
    page.wait_for_selector("h1:has-text('#')")

    # The protocol: a few answers, saved; the interview can stop and resume.
    page.click("nav[aria-label] >> text=Protocolo de identificación")
    page.check("#protocol input[name=dec_conditions][value=yes]")
    page.check("#protocol input[name=ctl_documents][value=no]")
    page.check("#protocol input[name=exp_unpaid_work][value=yes]")
    page.click("#protocol button[type=submit]")
    page.wait_for_selector(".msg-success")
    assert page.is_checked("#protocol input[name=dec_conditions][value=yes]")
    page.select_option("#id_result", "probable")
    page.click("button.primary:has-text('Registrar el resultado')")
    page.wait_for_selector(".msg-success")
    assert Identification.objects.get().result == "probable"

    # Referral of the case to the Public Prosecutor's Office.
    page.click("nav[aria-label] >> text=Caso legal (MP)")
    page.fill("#id_complaint_number", "MP001-2026-4411")
    page.select_option("#id_prosecutor_office", str(office.pk))
    page.fill("#id_prosecutor", "Licda. Ramírez")
    page.fill("#id_filed_on", "2026-01-05")
    page.click("#legal-open button.primary")
    page.wait_for_selector("text=MP001-2026-4411")
    assert "MP001-2026-4411" not in page.url
    legal = LegalCase.objects.get()
    assert (legal.status, legal.complaint_number) == ("complaint_filed", "MP001-2026-4411")
    assert legal.prosecutor_office_org == office
