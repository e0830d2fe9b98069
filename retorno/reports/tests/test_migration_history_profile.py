"""The migration profile's consented migration-history tables: counts written by hand, the share
of refusals, small cells protected (always, for the smuggler figures)."""

import datetime
from decimal import Decimal

import pytest

from retorno.geo.models import Country
from retorno.reception import actions as reception
from retorno.reports.catalogue import CATALOGUE
from retorno.reports.compute import compute
from retorno.reports.profile import migration_history_tables
from retorno.reports.tests.fixtures import D, flight, walk_in

pytestmark = pytest.mark.django_db
YEAR = (datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))


@pytest.fixture
def histories(clerk):
    """Five arrivals on 2 Mar 2026: two agree, one refuses, one is not asked, one never recorded;
    one more agrees on a 2025 flight (outside the year)."""
    a, old = flight(clerk, D(2026, 3, 2)), flight(clerk, D(2025, 6, 1))
    ana, bea, cruz, dora = (walk_in(clerk, a, n, "F", D(1990, 1, 1), "1301") for n in ("Ana", "Bea", "Cruz", "Dora"))
    walk_in(clerk, a, "Eva", "F", D(1991, 1, 1), "1301")  # never asked
    eli = walk_in(clerk, old, "Eli", "M", D(1980, 1, 1), "0101")
    record = reception.migration_history_record
    record(
        actor=clerk,
        arrival=ana,
        consent="agreed",
        reasons=["economic", "violence"],
        years_abroad=6,
        countries=[Country.objects.get(alpha2="US"), Country.objects.get(alpha2="MX")],
        family_abroad="yes",
        previous_deportations=0,
        smuggler_used="yes",
        smuggler_cost=Decimal("12000"),
        smuggler_currency="USD",
    )
    record(
        actor=clerk,
        arrival=bea,
        consent="agreed",
        reasons=["economic"],
        years_abroad_declined=True,
        countries=[Country.objects.get(alpha2="US")],
        previous_deportations=2,
        smuggler_used="declined",
    )
    record(actor=clerk, arrival=cruz, consent="refused")
    record(actor=clerk, arrival=dora, consent="not_asked")
    record(actor=clerk, arrival=eli, consent="agreed", reasons=["climate"], years_abroad=1)


def by(indicator_id, key, **filters):
    result = compute(CATALOGUE[indicator_id], start=YEAR[0], end=YEAR[1], breakdowns=[key], filters=filters)
    return {row[key]: row["value"] for row in result.rows}


def test_counts_grouped_in_the_database(histories):
    assert by("history.consent", "consent") == {"agreed": 2, "refused": 1, "not_asked": 1}
    assert by("history.reasons", "reason") == {"economic": 2, "violence": 1}
    assert by("history.answers", "years_abroad") == {"5": 1, "declined": 1}
    assert by("history.countries", "country") == {"MX": 1, "US": 2}
    assert by("history.answers", "family_abroad") == {"": 1, "yes": 1}
    assert by("history.answers", "previous_deportations") == {"0": 1, "2": 1}
    assert by("history.smuggler", "smuggler_used") == {"declined": 1, "yes": 1}
    assert by("history.smuggler", "smuggler_cost", smuggler_used="yes") == {"10000": 1}


def test_share_of_refusals_and_protection(histories):
    exact = migration_history_tables(*YEAR, protected=False)
    assert exact["history_refusal_share"] == 33.3  # 1 refused of 3 asked who answered the consent question
    smuggler = next(t for t in exact["history_tables"] if t.keys == ["smuggler_used"])
    assert smuggler.protected and all(row[-1] is None for row in smuggler.rows)  # sealed tier: always protected
    protected = migration_history_tables(*YEAR, protected=True)
    assert protected["history_refusal_share"] is None  # counts under 10 are not published
    assert all(row[-1] is None for table in protected["history_tables"] for row in table.rows)


def test_the_profile_page_shows_the_section_without_names(histories, monitor, client_for, clerk):
    page = client_for(monitor).get("/reports/profile/?start=2026-01-01&end=2026-12-31").content.decode()
    assert 'id="refusal-share"' in page and ("33,3 %" in page or "33.3 %" in page)
    for name in ("Ana", "Bea", "Cruz", "Dora"):
        assert f"{name} Prueba" not in page
    assert client_for(clerk).get("/reports/profile/").status_code == 403
