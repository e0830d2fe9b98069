"""Speed at the desk (issue 9, item 10): everyone's transport need on one table, prefilled;
"save and next passenger" in triage."""

import pytest

from retorno.geo.models import Municipality
from retorno.reception import actions
from retorno.reception.models import NeedAssessment

from .conftest import import_manifest, manifest_csv, open_reception, synthetic_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def four(flight, clerk):
    import_manifest(flight, clerk, manifest_csv(synthetic_rows(4)))
    open_reception(flight, clerk)
    return [
        actions.arrival_check_in(actor=clerk, arrival=a) for a in flight.arrivals.order_by("manifest_row__row_number")
    ]


def test_save_and_next_opens_the_next_passenger_without_triage(four, clerk, client_for):
    client = client_for(clerk)
    actions.triage_record(actor=clerk, arrival=four[1], refreshments=True)  # already done: skipped
    response = client.post(
        f"/reception/arrivals/{four[0].pk}/triage/",
        {"t-refreshments": "on", "t-calls_national": "0", "t-calls_international": "0", "next": "1"},
    )
    assert response["Location"] == f"/reception/arrivals/{four[2].pk}/#triage-form"
    page = client.get(f"/reception/arrivals/{four[2].pk}/").content.decode()
    assert 'id="save-next"' in page
    # The last one without triage wraps to the first still waiting; none left: stays on the page.
    response = client.post(
        f"/reception/arrivals/{four[3].pk}/triage/",
        {"t-refreshments": "on", "t-calls_national": "0", "t-calls_international": "0", "next": "1"},
    )
    assert response["Location"] == f"/reception/arrivals/{four[2].pk}/#triage-form"


def test_transport_table_is_prefilled_and_saves_only_changes(flight, four, clerk, monitor, client_for):
    huehue = Municipality.objects.get(code="1301")
    four[0].person.origin_municipality = huehue
    four[0].person.save()
    actions.triage_record(actor=clerk, arrival=four[0], transport_home=True, medical=True, psychosocial=True)
    actions.triage_record(actor=clerk, arrival=four[1], transport_home=True)
    url = f"/reception/flights/{flight.pk}/transport/needs/"
    assert client_for(monitor).get(url).status_code == 403
    client = client_for(clerk)
    page = client.get(url).content.decode()
    assert page.count('<option value="') >= 340  # every municipality to type ahead
    row = page.split(f'data-arrival="{four[0].pk}"')[1].split("</tr>")[0]
    assert "[1301]" in row and f'name="vul-{four[0].pk}" min="0" max="5" value="2"' in row
    data = {f"dest-{four[0].pk}": f"{huehue.name}, {huehue.department.name} [1301]", f"vul-{four[0].pk}": "2"}
    data |= {f"dest-{four[1].pk}": "", f"vul-{four[1].pk}": "0", f"fam-{four[1].pk}": "on"}
    for other in four[2:]:
        data |= {f"dest-{other.pk}": "", f"vul-{other.pk}": "0"}
    client.post(url, data)
    saved = {a.arrival_id: a for a in NeedAssessment.objects.all()}
    assert set(saved) == {four[0].pk, four[1].pk}  # no transport need recorded and unchanged: not saved
    assert saved[four[0].pk].destination == huehue and saved[four[0].pk].vulnerability == 2
    assert saved[four[1].pk].family_collecting
    stamp = saved[four[0].pk].assessed_at
    client.post(url, data)  # the same again: nothing rewritten
    assert NeedAssessment.objects.get(arrival=four[0]).assessed_at == stamp


def test_transport_table_refuses_a_destination_not_in_the_list(flight, four, clerk, client_for):
    url = f"/reception/flights/{flight.pk}/transport/needs/"
    response = client_for(clerk).post(url, {f"dest-{four[0].pk}": "Atlantis", f"vul-{four[0].pk}": "1"}, follow=True)
    assert not NeedAssessment.objects.filter(arrival=four[0]).exists()
    assert "Atlantis" not in response.content.decode() or "lista" in response.content.decode()
