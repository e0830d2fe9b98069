"""The consented migration history: recorded (or corrected) after triage, refusals kept as refusals."""

import json
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from retorno.accounts.access import require
from retorno.accounts.models import User
from retorno.audit.actions import audit_write, changes, snapshot
from retorno.funding.actions import rate_on
from retorno.geo.models import Country
from retorno.reception.audit_actions import AuditAction
from retorno.reception.models import Arrival, LeavingReason, MigrationHistory

H = MigrationHistory
SMUGGLER_CURRENCIES = ("USD", "GTQ", "MXN")
# Lower bounds in US dollars of the cost bands (the exact amount is sealed).
COST_BANDS = (
    (Decimal(15000), H.CostBand.FROM_15000),
    (Decimal(10000), H.CostBand.FROM_10000),
    (Decimal(5000), H.CostBand.FROM_5000),
    (Decimal(2000), H.CostBand.FROM_2000),
    (Decimal(0), H.CostBand.UNDER_2000),
)
TIER1_FIELDS = [
    "consent",
    "years_abroad",
    "years_abroad_declined",
    "countries_declined",
    "family_abroad",
    "previous_deportations",
    "previous_deportations_declined",
]


def cost_band(amount: Decimal, currency: str, day) -> str:
    """The band of ``amount`` once in dollars at the day's rate; UNKNOWN without a rate."""
    rate = rate_on(base=currency, quote="USD", day=day)
    if rate is None:
        return H.CostBand.UNKNOWN
    dollars = amount * rate
    return next(band for low, band in COST_BANDS if dollars >= low)


def _check_pairs(answers: dict) -> dict:
    """A question is answered, declined ("prefers not to say") or left blank: never two of these."""
    errors = {}
    for name in ("years_abroad", "previous_deportations", "countries", "reasons"):
        if answers[f"{name}_declined"] and answers[name]:
            errors[name] = _("Either an answer or “prefers not to say”, not both.")
    cost = answers["smuggler_cost"]
    if cost is not None and answers["smuggler_cost_declined"]:
        errors["smuggler_cost"] = _("Either an answer or “prefers not to say”, not both.")
    if (cost is not None or answers["smuggler_cost_declined"]) and answers["smuggler_used"] != H.Answer.YES:
        errors["smuggler_cost"] = _("The cost is asked only of someone who says a smuggler was used.")
    if cost is not None:
        if cost < 0:
            errors["smuggler_cost"] = _("The amount cannot be negative.")
        if answers["smuggler_currency"] not in SMUGGLER_CURRENCIES:
            errors["smuggler_currency"] = _("Give the currency of the amount.")
    return errors


@transaction.atomic
def migration_history_record(
    *,
    actor: User,
    arrival: Arrival,
    consent: str,
    reasons: list[str] | None = None,
    reasons_declined: bool = False,
    years_abroad: int | None = None,
    years_abroad_declined: bool = False,
    countries: list[Country] | None = None,
    countries_declined: bool = False,
    family_abroad: str = "",
    previous_deportations: int | None = None,
    previous_deportations_declined: bool = False,
    smuggler_used: str | None = "",
    smuggler_cost: Decimal | None = None,
    smuggler_currency: str = "",
    smuggler_cost_declined: bool = False,
    request: HttpRequest | None = None,
) -> MigrationHistory:
    """Record (or correct) the optional migration history of a checked-in arrival.

    Every question is optional. A refusal (or "not asked") is stored as such and keeps no answer:
    answers given with it are refused, and a correction to a refusal erases earlier answers.
    The smuggler's use and cost are sealed: the amount is encrypted, only its band in dollars
    (at the flight day's rate in the programme ledger) is kept in the clear for statistics, and
    the audit row says only whether they were answered ("[sealed]"). ``smuggler_used=None``
    keeps the sealed answers on record (a correction by someone who may not read them back).
    """
    require(actor, "reception.history_record")
    arrival = Arrival.objects.select_for_update(of=("self",)).select_related("flight").get(pk=arrival.pk)
    if not arrival.is_present:
        raise ValidationError(_("Only a person who has checked in can be asked."))
    reasons, countries = list(dict.fromkeys(reasons or [])), list(countries or [])
    answers = {
        "reasons": reasons,
        "reasons_declined": reasons_declined,
        "years_abroad": years_abroad,
        "years_abroad_declined": years_abroad_declined,
        "countries": countries,
        "countries_declined": countries_declined,
        "family_abroad": family_abroad or "",
        "previous_deportations": previous_deportations,
        "previous_deportations_declined": previous_deportations_declined,
        "smuggler_used": smuggler_used,
        "smuggler_cost": smuggler_cost,
        "smuggler_currency": (smuggler_currency or "").upper(),
        "smuggler_cost_declined": smuggler_cost_declined,
    }
    if consent != H.Consent.AGREED and any(v not in (None, "", False, []) for v in answers.values()):
        raise ValidationError({"consent": _("A refusal is recorded as a refusal: it keeps no answers.")})
    errors = _check_pairs(answers)
    unknown = [r for r in reasons if r not in LeavingReason.Reason.values or r == LeavingReason.Reason.DECLINED]
    if unknown:
        errors["reasons"] = _("Not one of the listed reasons.")
    if errors:
        raise ValidationError(errors)
    history = MigrationHistory.objects.filter(arrival=arrival).first()
    before = _logged(history) if history else {}
    if history is None:
        history = MigrationHistory(arrival=arrival, recorded_by=actor)
    history.consent = consent
    for name in TIER1_FIELDS[1:]:
        setattr(history, name, answers[name])
    if smuggler_used is not None or consent != H.Consent.AGREED:
        _seal_smuggler(history, answers, day=arrival.flight.date)
    history.recorded_by = actor
    history.full_clean(exclude=["arrival"])
    history.save()
    history.countries.set(countries)
    history.reasons.all().delete()
    codes = [LeavingReason.Reason.DECLINED] if reasons_declined else reasons
    LeavingReason.objects.bulk_create([LeavingReason(history=history, reason=code) for code in codes])
    after = _logged(history)
    old, new = changes(before, after)
    audit_write(
        actor=actor,
        action=AuditAction.MIGRATION_HISTORY_RECORD,
        obj=history,
        person_id=arrival.person_id,
        old=old,
        new=new or after,
        request=request,
    )
    return history


def _seal_smuggler(history: MigrationHistory, answers: dict, *, day) -> None:
    history.smuggler_used = answers["smuggler_used"] or ""
    cost = answers["smuggler_cost"]
    if cost is not None:
        currency = answers["smuggler_currency"]
        history.smuggler_cost_band = cost_band(Decimal(cost), currency, day)
        amount = str(Decimal(cost).quantize(Decimal("0.01")))
        history.smuggler_cost_sealed = json.dumps({"amount": amount, "currency": currency})
    else:
        history.smuggler_cost_band = H.CostBand.DECLINED if answers["smuggler_cost_declined"] else ""
        history.smuggler_cost_sealed = ""


def _logged(history: MigrationHistory) -> dict:
    """What the audit keeps: the tier-1 answers; the sealed ones only as a fingerprint of change."""
    values = snapshot(history, TIER1_FIELDS)
    values["reasons"] = sorted(history.reasons.values_list("reason", flat=True)) if history.pk else []
    values["countries"] = sorted(history.countries.values_list("alpha2", flat=True)) if history.pk else []
    sealed = (history.smuggler_used, history.smuggler_cost_band, history.smuggler_cost_sealed)
    values["smuggler"] = "[sealed]" if any(sealed) else ""
    return values
