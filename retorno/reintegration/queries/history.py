"""The migration history a person gave at reception, read from their reintegration case.

Tier 1 only (docs/migration-history.md): the consent and the answers. The smuggler's use and cost
are sealed and never read here; a refusal (or "not asked") shows as such, with no answers.
"""

from django.http import HttpRequest

from retorno.accounts.access import require
from retorno.accounts.models import User
from retorno.audit.actions import audit_event
from retorno.audit.models import AuditEvent
from retorno.reception.audit_actions import AuditAction as ReceptionAuditAction
from retorno.reception.models import MigrationHistory
from retorno.reception.queries import migration_histories_of_person, migration_history_answers
from retorno.reintegration.models import ReintegrationCase
from retorno.reintegration.queries.records import case_get_for

HISTORY_VIEW = "reintegration.history_view"
SEALED_KEYS = ("smuggler_answered",)  # not even whether the sealed questions were answered


def case_migration_history_get_for(
    *, user: User, case_id: int, section: str = "", request: HttpRequest | None = None
) -> tuple[ReintegrationCase, list[MigrationHistory]]:
    """The case (404 unless ``user`` may see it) and its person's migration histories, newest return
    first. With ``section``, the read of each history is audited against the person, under the same
    action as reception's reads (the section says it was read from a reintegration case)."""
    require(user, HISTORY_VIEW)
    case = case_get_for(user=user, case_id=case_id)
    histories = migration_histories_of_person(case.person_id)
    if section:
        for history in histories:
            audit_event(
                actor=user,
                kind=AuditEvent.Kind.VIEW,
                action=ReceptionAuditAction.MIGRATION_HISTORY_VIEW,
                obj=history,
                person_id=case.person_id,
                section=section,
                request=request,
            )
    return case, histories


def migration_history_for_reintegration(history: MigrationHistory) -> dict:
    """One history in a plain shape: the day of that return, the consent and, only with consent,
    the answers (codes; "declined" for "prefers not to say"), without the sealed part."""
    if history.consent == MigrationHistory.Consent.AGREED:
        answers = {k: v for k, v in migration_history_answers(history).items() if k not in SEALED_KEYS}
    else:  # a refusal keeps no answer (the action sees to it); show none even so
        answers = {**NO_ANSWERS, "consent": history.consent, "recorded_at": history.recorded_at}
    return {"returned_on": history.arrival.flight.date, **answers}


NO_ANSWERS = {
    "reasons": [],
    "reasons_declined": False,
    "years_abroad": None,
    "years_abroad_declined": False,
    "countries": [],
    "countries_declined": False,
    "family_abroad": "",
    "previous_deportations": None,
    "previous_deportations_declined": False,
}
