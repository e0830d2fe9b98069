"""Reintegration's donors and budget lines join the programme ledger (one ledger).

Each reintegration donor becomes the funding donor with the same short name (or the same name),
or a new funding donor reported to in quetzales, so its amounts carry over unchanged. Each
reintegration budget line becomes the funding line with the same code (the line its payments
were already charged to by ``ledger_sync``), or a new line of that donor for the matching kind
of cost, its quetzal amount converted to the donor's currency at the latest recorded rate. Every
payment then points at that line and has its ledger entry there; entries ``ledger_sync`` had
charged elsewhere are moved to the line the officer chose. Nothing is deleted that was paid.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db import migrations, models
import django.db.models.deletion

CENT = Decimal("0.01")
KIND_OF_CATEGORY = {
    "documents": "document_fee",
    "training": "training",
    "grants": "grant",
    "transport": "transport_ticket",
    "other": "other",
}
KIND_OF_PURPOSE = {
    "documents": "document_fee",
    "training": "training",
    "grant": "grant",
    "transport": "transport_ticket",
    "other": "other",
}


def _rate(ExchangeRate, base, quote, day):
    """Units of ``quote`` for one ``base``: the latest rate on or before ``day`` (either way round),
    else the earliest after it; None when none was ever recorded."""
    if base == quote:
        return Decimal(1)
    for before in (True, False):
        found = []
        for b, q, inverse in ((base, quote, False), (quote, base, True)):
            rates = ExchangeRate.objects.filter(base=b, quote=q)
            if day is not None:
                rates = rates.filter(day__lte=day).order_by("-day") if before else rates.filter(day__gt=day).order_by("day")
            else:
                rates = rates.order_by("-day")
            rate = rates.first()
            if rate:
                found.append((rate.day, (Decimal(1) / rate.rate) if inverse else rate.rate))
        if found:
            found.sort(key=lambda r: r[0], reverse=before)
            return Decimal(found[0][1]).quantize(Decimal("0.00000001"))
        if day is None:
            break
    return None


def _converted(ExchangeRate, amount, currency, day):
    rate = _rate(ExchangeRate, "GTQ", currency, day)
    if rate is None:
        raise RuntimeError(
            f"No exchange rate between GTQ and {currency} is recorded. Record one (funding exchange rates) "
            "before this upgrade, so reintegration's quetzal budgets can join the ledger."
        )
    return rate, (Decimal(amount) * rate).quantize(CENT, ROUND_HALF_UP)


def into_the_ledger(apps, schema_editor):
    OldDonor = apps.get_model("reintegration", "Donor")
    OldLine = apps.get_model("reintegration", "BudgetLine")
    Payment = apps.get_model("reintegration", "Payment")
    Donor = apps.get_model("funding", "Donor")
    BudgetLine = apps.get_model("funding", "BudgetLine")
    LedgerEntry = apps.get_model("funding", "LedgerEntry")
    ExchangeRate = apps.get_model("funding", "ExchangeRate")
    today = datetime.date.today()
    donors = {}
    for old in OldDonor.objects.all():
        donor = Donor.objects.filter(code=old.code).first() or Donor.objects.filter(name=old.name).first()
        if donor is None:
            donor = Donor.objects.create(code=old.code, name=old.name, currency="GTQ", is_active=True)
        donors[old.pk] = donor
    lines = {}
    for old in OldLine.objects.all():
        line = BudgetLine.objects.filter(code=old.code).first()
        if line is None:
            donor = donors[old.donor_id]
            days = Payment.objects.filter(budget_line_id=old.pk).aggregate(
                first=models.Min("paid_on"), last=models.Max("paid_on")
            )
            starts = min(d for d in (days["first"], datetime.date(today.year, 1, 1)) if d)
            ends = max(d for d in (days["last"], datetime.date(today.year, 12, 31)) if d)
            _, amount = _converted(ExchangeRate, old.amount, donor.currency, None)
            line = BudgetLine.objects.create(
                donor=donor,
                code=old.code,
                name=old.name,
                kind=KIND_OF_CATEGORY.get(old.category, "other"),
                amount=amount,
                starts_on=starts,
                ends_on=ends,
                is_default=False,
                is_active=old.is_active,
            )
        lines[old.pk] = line
    for payment in Payment.objects.order_by("pk"):
        line = lines[payment.budget_line_id]
        payment.ledger_line = line
        payment.save(update_fields=["ledger_line"])
        source_type = f"reintegration.payment.{payment.purpose}"
        rate, amount_donor = _converted(ExchangeRate, payment.amount, line.donor.currency, payment.paid_on)
        entry = LedgerEntry.objects.filter(source_type=source_type, source_id=str(payment.pk)).first()
        if entry is None:
            LedgerEntry.objects.create(
                budget_line=line,
                kind=KIND_OF_PURPOSE.get(payment.purpose, "other"),
                day=payment.paid_on,
                quantity=1,
                amount=payment.amount,
                currency="GTQ",
                rate=rate,
                amount_donor=amount_donor,
                description=payment.purpose,
                source_type=source_type,
                source_id=str(payment.pk),
                override_by_id=payment.override_by_id,
                override_reason=payment.override_reason,
                recorded_at=payment.recorded_at,
                recorded_by_id=payment.recorded_by_id,
            )
            continue
        entry.override_by_id, entry.override_reason = payment.override_by_id, payment.override_reason
        if entry.budget_line_id != line.pk:
            entry.budget_line, entry.rate, entry.amount_donor = line, rate, amount_donor
        entry.save()


def not_back(apps, schema_editor):
    if apps.get_model("reintegration", "Payment").objects.exists():
        raise RuntimeError("Reintegration's payments joined the programme ledger; this cannot be undone automatically.")


class Migration(migrations.Migration):
    dependencies = [
        ("funding", "0003_budget_line_open_and_overrides"),
        ("reintegration", "0007_document_draft_before_a_case"),
    ]

    operations = [
        migrations.AddField(
            model_name="payment",
            name="ledger_line",
            field=models.ForeignKey(
                null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="funding.budgetline"
            ),
        ),
        migrations.RunPython(into_the_ledger, not_back),
    ]
