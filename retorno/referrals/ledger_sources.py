"""Shelter nights in the programme ledger, priced at the standard cost of a night.

Registered in ``ReferralsConfig.ready()``. A stay is entered once it has ended (its nights are
then known); ``ledger_sync`` keys it by the stay's id so it is never entered twice.
"""

import datetime

from django.utils import timezone

from retorno.funding.models import CostKind
from retorno.funding.sources import CostRow, LedgerSource, register_ledger_source
from retorno.referrals.models import Stay


def shelter_night_costs(since: datetime.date | None):
    stays = Stay.objects.filter(checked_out_at__isnull=False)
    if since:
        stays = stays.filter(checked_out_at__date__gte=since)
    for row in stays.values("id", "checked_in_at", "checked_out_at", "shelter_id").iterator():
        nights = max(1, (timezone.localdate(row["checked_out_at"]) - timezone.localdate(row["checked_in_at"])).days)
        yield CostRow(
            source_id=row["id"],
            day=timezone.localdate(row["checked_out_at"]),
            amount=None,
            quantity=nights,
            description=f"shelter {row['shelter_id']}",
        )


def register() -> None:
    register_ledger_source(LedgerSource("referrals.stay", CostKind.SHELTER_NIGHT, shelter_night_costs))
