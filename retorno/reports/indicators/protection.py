"""Protection figures from the sealed compartment: aggregate counts over unencrypted codes only.

These queries read status, kind, result and date columns and the person's sex and birth date;
they never select, decrypt or return an encrypted field or a row. Every one is ``sealed``:
small cells are suppressed even for signed-in M&E staff (``retorno.reports.disclosure``).
"""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from retorno.protection.models import CaseKind, Identification, LegalCase, ProtectionCase, PsychosocialSession
from retorno.reports.catalogue import Extra, Indicator, register_indicator

SOURCE = _("Protection (sealed compartment), counted without opening any record")


def register() -> None:
    sealed = {"sealed": True, "area": "protection", "source": SOURCE, "denominator": ""}
    register_indicator(
        Indicator(
            id="protection.psychosocial_cases",
            name=_("Psychosocial cases opened"),
            definition=_("Psychosocial care cases opened in the period."),
            numerator=_("protection cases of kind psychosocial opened in the period"),
            unit="persons",
            rows=lambda: ProtectionCase.objects.filter(kind=CaseKind.PSYCHOSOCIAL),
            date="opened_at",
            measure=lambda: Count("id"),
            person="person",
            **sealed,
        )
    )
    register_indicator(
        Indicator(
            id="protection.psychosocial_sessions",
            name=_("Psychosocial sessions"),
            definition=_("Individual and group psychosocial sessions held."),
            numerator=_("sessions held in the period"),
            unit="events",
            rows=lambda: PsychosocialSession.objects.all(),
            date="at",
            measure=lambda: Count("id"),
            person="case__person",
            extras={"session_kind": Extra("kind", _("Kind of session"), dict(PsychosocialSession.Kind.choices))},
            **sealed,
        )
    )
    register_indicator(
        Indicator(
            id="protection.trafficking_screenings",
            name=_("Trafficking identifications by outcome"),
            definition=_("Trafficking identification processes started, by their outcome."),
            numerator=_("identifications started in the period"),
            unit="events",
            rows=lambda: Identification.objects.all(),
            date="started_at",
            measure=lambda: Count("id"),
            person="case__person",
            extras={"outcome": Extra("result", _("Outcome"), dict(Identification.Result.choices))},
            **sealed,
        )
    )
    register_indicator(
        Indicator(
            id="protection.victims_assisted",
            name=_("Trafficking victims assisted"),
            definition=_("People with a trafficking victim case opened (possible, probable or confirmed victims)."),
            numerator=_("distinct persons with a trafficking case opened in the period"),
            unit="persons",
            rows=lambda: ProtectionCase.objects.filter(kind=CaseKind.TRAFFICKING),
            date="opened_at",
            measure=lambda: Count("person", distinct=True),
            additive=False,
            person="person",
            extras={"case_status": Extra("status", _("Case status"), dict(ProtectionCase.Status.choices))},
            hxl="#affected+victims+trafficking",
            **sealed,
        )
    )
    register_indicator(
        Indicator(
            id="protection.cases_to_prosecutor",
            name=_("Cases referred to the Public Prosecutor by stage"),
            definition=_("Trafficking cases with a complaint before the Public Prosecutor's Office, by stage."),
            numerator=_("legal cases whose complaint was filed in the period, by current stage"),
            unit="events",
            rows=lambda: LegalCase.objects.all(),
            date="filed_on",
            measure=lambda: Count("id"),
            person="case__person",
            extras={"stage": Extra("status", _("Stage"), dict(LegalCase.Status.choices))},
            **sealed,
        )
    )
