"""What the reintegration pages and endpoints list: a case's services, reference lists, budgets."""

from django.db.models import QuerySet
from django.http import Http404

from retorno.accounts.access import can
from retorno.accounts.models import Organisation, User
from retorno.funding.models import BudgetLine
from retorno.funding.queries import budget_lines_to_pay_from
from retorno.reintegration.models import (
    BusinessGrant,
    Course,
    DocumentRequest,
    Enrolment,
    FollowUp,
    JobReferral,
    ReintegrationCase,
    SelfHelpGroup,
    Vacancy,
)
from retorno.reintegration.queries.records import cases_visible_to


def cases_of_person(user: User, person) -> list[ReintegrationCase]:
    """The person's cases, for the panel on their profile."""
    return list(cases_visible_to(user).filter(person=person))


def documents_without_case(user: User, person) -> list[DocumentRequest]:
    """The person's document requests waiting for a case (DPI drafts from reception's triage)."""
    if not can(user, "reintegration.view"):
        return []
    return list(DocumentRequest.objects.filter(person=person, case__isnull=True).select_related("issuer_org"))


def cases_listed(user: User, *, status: str = "", mine: bool = False) -> QuerySet[ReintegrationCase]:
    """Cases, newest first; ``status`` filters, ``mine`` keeps the user's own."""
    cases = cases_visible_to(user)
    if status:
        cases = cases.filter(status=status)
    if mine:
        cases = cases.filter(officer=user)
    return cases


def active_user_named(username: str) -> User | None:
    """The active account with this username (an officer named in an API call), or None."""
    return User.objects.filter(username=username, is_active=True).first()


def cases_live_of_officer(user: User) -> QuerySet[ReintegrationCase]:
    """The user's own cases still open or active (the worklist)."""
    return cases_visible_to(user).filter(officer=user, status__in=ReintegrationCase.LIVE)


def case_services(case: ReintegrationCase) -> dict:
    """Everything the case page shows beside the case: plan, documents, training, jobs, money, follow-ups."""
    return {
        "goals": case.goals_set.all(),
        "documents": case.documents.prefetch_related("payments"),
        "enrolments": case.enrolments.select_related("course__institution"),
        "job_referrals": case.job_referrals.select_related("vacancy__employer", "referral").prefetch_related(
            "followups__outcome"
        ),
        "grants": case.grants.all(),
        "payments": case.payments.select_related("budget_line__donor", "document", "enrolment"),
        "followups": case.followups.select_related("officer").order_by("due_on"),
        "sessions": case.group_sessions.select_related("group"),
        "remigrations": case.remigrations.all(),
    }


def job_referral_links(job: JobReferral):
    """The signed links issued for the job referral's employer referral (never the secret)."""
    return job.referral.links.select_related("created_by")


def grant_parts(grant: BusinessGrant) -> dict:
    """The grant page's tranches, equipment, follow-ups and the active budget lines to pay from."""
    return {
        "tranches": grant.tranches.select_related("payment__budget_line"),
        "equipment": grant.equipment.all(),
        "followups": grant.followups.select_related("outcome"),
        "budget_lines": budget_lines_to_pay_from(),
    }


def followup_parts(followup: FollowUp) -> dict:
    """The follow-up page's attempts, the person's contacts and the invitations sent."""
    return {
        "attempts": followup.attempts.select_related("by"),
        "contacts": followup.person.contacts.all(),
        "invitations": followup.invitations.all(),
    }


def courses(*, active_only: bool = False) -> QuerySet[Course]:
    rows = Course.objects.select_related("institution")
    return rows.filter(is_active=True) if active_only else rows


def vacancies(*, open_only: bool = False, sector: str | None = None) -> QuerySet[Vacancy]:
    rows = Vacancy.objects.select_related("employer", "municipality")
    if open_only:
        rows = rows.filter(is_open=True)
    if sector:
        rows = rows.filter(sector=sector)
    return rows


def groups() -> QuerySet[SelfHelpGroup]:
    return SelfHelpGroup.objects.select_related("municipality", "facilitator")


def group_sessions(group: SelfHelpGroup):
    return group.sessions.prefetch_related("attendees__person")


def live_cases_among(case_ids) -> list[ReintegrationCase]:
    """The open or active cases among ``case_ids`` (who may attend a group session)."""
    return list(ReintegrationCase.objects.filter(pk__in=set(case_ids), status__in=ReintegrationCase.LIVE))


def _get(model, pk, user: User, permission: str, queryset=None):
    """One row by id for a user who holds ``permission``; 404 for anyone else or an unknown id."""
    if permission and not can(user, permission):
        raise Http404
    try:
        return (queryset if queryset is not None else model.objects).get(pk=pk)
    except (model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def vacancy_get_for(*, user: User, vacancy_id: int) -> Vacancy:
    return _get(Vacancy, vacancy_id, user, "reintegration.view")


def course_get_for(*, user: User, course_id: int) -> Course:
    return _get(Course, course_id, user, "reintegration.view")


def employer_get_for(*, user: User, organisation_id: int) -> Organisation:
    """The organisation a vacancy is published for (checked as an employer by the action)."""
    return _get(Organisation, organisation_id, user, "reintegration.view")


def budget_line_to_pay_from(*, user: User, line_id: int) -> BudgetLine:
    """A line of the programme ledger an officer pays from (managing budgets needs more; paying does not)."""
    return _get(BudgetLine, line_id, user, "reintegration.edit")


def case_document(case: ReintegrationCase, document_id: int) -> DocumentRequest:
    """One of the case's documents (a payment names what it paid for); 404 for another case's."""
    return _get(DocumentRequest, document_id, None, "", case.documents)


def case_enrolment(case: ReintegrationCase, enrolment_id: int) -> Enrolment:
    return _get(Enrolment, enrolment_id, None, "", case.enrolments)


def group_get_for(*, user: User, group_id: int) -> SelfHelpGroup:
    return _get(SelfHelpGroup, group_id, user, "reintegration.view", groups())
