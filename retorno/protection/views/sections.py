"""What each section of a case page shows."""

from django.http import Http404
from django.utils.translation import gettext_lazy

from retorno.people.queries import consents_in_force
from retorno.protection import forms, protocol
from retorno.protection.models import HealthReferral, Identification, LegalCase, ProtectionCase

# Lazy: evaluated in the reader's language, not the language of the process at import.
SECTION_TITLES = {
    "overview": gettext_lazy("Overview"),
    "psychosocial": gettext_lazy("Psychosocial care"),
    "identification": gettext_lazy("Identification protocol"),
    "victim": gettext_lazy("Victim support"),
    "legal": gettext_lazy("Legal case (MP)"),
    "minor": gettext_lazy("Custody and family"),
}


def _section_context(case: ProtectionCase, section: str) -> dict:
    if section == "overview":
        return {
            "notes": case.notes.select_related("author")[:200],
            "consents": consents_in_force(person=case.person, sealed=True).values(),
            "status_changes": case.status_changes.select_related("by"),
            "note_form": forms.NoteForm(),
            "status_form": forms.StatusForm(initial={"status": ""}),
            "consent_form": forms.ConsentForm(),
            "assign_form": forms.AssignForm(),
        }
    if section == "psychosocial":
        return {
            "assessments": case.assessments.select_related("by"),
            "sessions": case.sessions.select_related("by"),
            "health_referrals": case.health_referrals.select_related("organisation"),
            "plan": getattr(case, "follow_up_plan", None) if hasattr(case, "follow_up_plan") else None,
            "assessment_form": forms.AssessmentForm(),
            "session_form": forms.SessionForm(),
            "health_form": forms.HealthReferralForm(),
            "outcomes": HealthReferral.Outcome.choices,
            "plan_form": forms.FollowUpPlanForm(
                initial={
                    "goals": case.follow_up_plan.goals,
                    "next_review_on": case.follow_up_plan.next_review_on,
                    "every_weeks": case.follow_up_plan.every_weeks,
                }
                if hasattr(case, "follow_up_plan")
                else None
            ),
        }
    if section == "identification":
        running = case.identifications.filter(result=Identification.Result.PENDING).first()
        answers = running.answers if running else {}
        return {
            "running": running,
            "concluded": case.identifications.exclude(result=Identification.Result.PENDING).select_related(
                "decided_by"
            ),
            "protocol_form": forms.IdentificationForm(initial=answers),
            "answered": protocol.answered_count(answers),
            "total": len(protocol.INDICATORS),
            "suggested": Identification.Result(protocol.suggested_result(answers)).label,
            "conclude_form": forms.ConcludeForm(initial={"result": protocol.suggested_result(answers)}),
            "signalled": protocol.signalled,
        }
    if section == "victim":
        return {
            "risks": case.risk_assessments.select_related("by"),
            "services": case.support_services.all(),
            "shelters": case.shelter_referrals.select_related("organisation", "consent"),
            "risk_form": forms.RiskForm(),
            "support_form": forms.SupportForm(),
            "shelter_form": forms.ShelterForm(),
        }
    if section == "legal":
        legal = LegalCase.objects.filter(case=case).first()
        return {
            "legal": legal,
            "legal_changes": legal.changes.select_related("by") if legal else [],
            "next_statuses": [(s, LegalCase.Status(s).label) for s in LegalCase.TRANSITIONS[legal.status]]
            if legal
            else [],
            "legal_form": forms.LegalOpenForm(),
            "legal_status_form": forms.LegalStatusForm(),
        }
    if section == "minor":
        return {
            "custody": case.custody_events.select_related("organisation", "recorded_by"),
            "tracing": case.tracing.select_related("by"),
            "decisions": case.best_interest_decisions.select_related("recorded_by"),
            "custody_form": forms.CustodyForm(),
            "tracing_form": forms.TracingForm(),
            "best_interest_form": forms.BestInterestForm(),
        }
    raise Http404
