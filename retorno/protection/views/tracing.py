"""The writes of a minor's section that act on a record inside the case (named by an id in the form).

Each has the shape ``case_write`` calls: ``(actor=, case=, request=, **cleaned_data)``; the record is
looked up within the case, so an id of another case is a 404 (or, for the assessment a handover
names, the action's own refusal).
"""

from django.http import HttpRequest

from retorno.accounts.models import User
from retorno.protection import actions
from retorno.protection.models import CustodyEvent, FamilyAssessment, ProtectionCase, ReunificationVisit, TracingRequest
from retorno.protection.queries import family_assessment_of, handover_get, tracing_request_get, visit_get


def custody_write(
    *, actor: User, case: ProtectionCase, request: HttpRequest, assessment: int | None = None, **link
) -> CustodyEvent:
    found = family_assessment_of(case=case, assessment_id=assessment)
    return actions.custody_record(actor=actor, case=case, request=request, assessment=found, **link)


def handover_assessment_write(
    *, actor: User, case: ProtectionCase, request: HttpRequest, handover: int, assessment: int
) -> CustodyEvent:
    found = handover_get(case=case, handover_id=handover)
    chosen = family_assessment_of(case=case, assessment_id=assessment)
    return actions.handover_assessment_link(actor=actor, handover=found, assessment=chosen, request=request)


def tracing_status_record(
    *, actor: User, case: ProtectionCase, request: HttpRequest, tracing_request: int, **change
) -> TracingRequest:
    found = tracing_request_get(case=case, request_id=tracing_request)
    return actions.tracing_request_set_status(actor=actor, tracing_request=found, request=request, **change)


def tracing_request_edit(
    *, actor: User, case: ProtectionCase, request: HttpRequest, tracing_request: int, **details
) -> TracingRequest:
    found = tracing_request_get(case=case, request_id=tracing_request)
    return actions.tracing_request_update(actor=actor, tracing_request=found, request=request, **details)


def tracing_step_record(*, actor: User, case: ProtectionCase, request: HttpRequest, tracing_request: int, **step):
    found = tracing_request_get(case=case, request_id=tracing_request)
    return actions.tracing_step_add(actor=actor, tracing_request=found, request=request, **step)


def assessment_write(
    *, actor: User, case: ProtectionCase, request: HttpRequest, tracing_request: int | None = None, **checklist
) -> FamilyAssessment:
    found = tracing_request_get(case=case, request_id=tracing_request) if tracing_request else None
    return actions.family_assessment_record(actor=actor, case=case, request=request, tracing_request=found, **checklist)


def visit_done_record(
    *, actor: User, case: ProtectionCase, request: HttpRequest, visit: int, **made
) -> ReunificationVisit:
    return actions.visit_record(actor=actor, visit=visit_get(case=case, visit_id=visit), request=request, **made)
