"""Reintegration: cases, plans, documents, training, jobs and business grants."""

import datetime

from django.db.models import Count, F, Q, Sum
from django.utils.translation import gettext_lazy as _

from retorno.reintegration.models import (
    BusinessGrant,
    DocumentRequest,
    Enrolment,
    GrantTranche,
    JobReferral,
    ReintegrationCase,
)
from retorno.reports.catalogue import Extra, Indicator, register_indicator

SOURCE = _("Reintegration: cases and their services")
CASE = {"area": "reintegration", "source": SOURCE, "denominator": ""}


def register() -> None:
    register_indicator(
        Indicator(
            id="reintegration.cases_opened",
            name=_("Reintegration cases opened"),
            definition=_("Returnees who began a reintegration process."),
            numerator=_("reintegration cases opened in the period"),
            unit="persons",
            rows=lambda: ReintegrationCase.objects.all(),
            date="opened_on",
            measure=lambda: Count("id"),
            person="person",
            extras={"case_status": Extra("status", _("Case status"), dict(ReintegrationCase.Status.choices))},
            hxl="#affected+reintegration",
            **CASE,
        )
    )
    register_indicator(
        Indicator(
            id="reintegration.plans_on_time",
            name=_("Plans agreed on time"),
            definition=_("Cases whose reintegration plan was agreed within 30 days of opening."),
            numerator=_("cases opened in the period with a plan agreed no later than 30 days after opening"),
            unit="persons",
            rows=lambda: ReintegrationCase.objects.filter(plan_agreed_on__isnull=False).filter(
                plan_agreed_on__lte=F("opened_on") + datetime.timedelta(days=30)
            ),
            date="opened_on",
            measure=lambda: Count("id"),
            person="person",
            **CASE,
        )
    )
    register_indicator(
        Indicator(
            id="reintegration.documents_issued",
            name=_("Documents issued"),
            definition=_("Identity and other documents issued to returnees (DPI, certificates...)."),
            numerator=_("document requests issued in the period"),
            unit="events",
            rows=lambda: DocumentRequest.objects.filter(status=DocumentRequest.Status.ISSUED),
            date="decided_on",
            measure=lambda: Count("id"),
            person="person",  # a DPI drafted from triage may be issued before any case
            extras={"document": Extra("kind", _("Document"), dict(DocumentRequest.Kind.choices))},
            **CASE,
        )
    )
    register_indicator(
        Indicator(
            id="reintegration.trainings_completed",
            name=_("Trainings completed"),
            definition=_("Enrolments completed (with or without a certificate)."),
            numerator=_("enrolments completed in the period"),
            unit="persons",
            rows=lambda: Enrolment.objects.filter(completed_on__isnull=False),
            date="completed_on",
            measure=lambda: Count("id"),
            person="case__person",
            extras={"course": Extra("course__name", _("Course"))},
            **CASE,
        )
    )
    register_indicator(
        Indicator(
            id="reintegration.trainings_certified",
            name=_("Trainings certified"),
            definition=_("Enrolments that ended with a certificate (INTECAP, Ministry of Education...)."),
            numerator=_("certificates issued in the period"),
            unit="persons",
            rows=lambda: Enrolment.objects.filter(certified_on__isnull=False),
            date="certified_on",
            measure=lambda: Count("id"),
            person="case__person",
            **CASE,
        )
    )
    register_indicator(
        Indicator(
            id="reintegration.job_placements",
            name=_("Job placements"),
            definition=_("Returnees hired after a referral to an employer."),
            numerator=_("job referrals hired in the period"),
            unit="persons",
            rows=lambda: JobReferral.objects.filter(hired_on__isnull=False),
            date="hired_on",
            measure=lambda: Count("id"),
            person="case__person",
            **CASE,
        )
    )
    register_indicator(
        Indicator(
            id="reintegration.grants_approved",
            name=_("Business grants approved"),
            definition=_("Business plans approved for a grant (approved or since fully disbursed)."),
            numerator=_("grants approved, reviewed in the period"),
            unit="events",
            rows=lambda: BusinessGrant.objects.filter(
                Q(status=BusinessGrant.Status.APPROVED) | Q(status=BusinessGrant.Status.DISBURSED)
            ),
            date="reviewed_at",
            measure=lambda: Count("id"),
            person="case__person",
            extras={"sector": Extra("sector", _("Sector"))},
            **CASE,
        )
    )
    register_indicator(
        Indicator(
            id="reintegration.grants_disbursed",
            name=_("Grant money disbursed (GTQ)"),
            definition=_("Grant tranches paid, in quetzales."),
            numerator=_("sum of tranches paid, by the day the tranche status changed"),
            unit="money",
            rows=lambda: GrantTranche.objects.filter(status=GrantTranche.Status.PAID),
            date="status_changed_at",
            measure=lambda: Sum("amount"),
            person="grant__case__person",
            **CASE,
        )
    )
