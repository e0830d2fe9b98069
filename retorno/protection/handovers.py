"""The rule a handover of a minor to a family member rests on, shared by the action that records it
and by the shelter's check-out check (through ``referrals.hooks``).

Since family assessments exist, a handover to a parent, guardian or relative names the assessment
of that caregiver, on the same case, that recommended reunifying them; the PGN's handover needs
none (the PGN makes its own assessment). A family handover with no assessment at all can only
have been recorded before the rule (the action refuses it since): it stays valid, and is flagged.
"""

import unicodedata

from django.utils.translation import gettext as _

from retorno.protection.models import CustodyEvent, FamilyAssessment


def assessment_problems(event: CustodyEvent, assessment: FamilyAssessment | None) -> dict[str, str]:
    """What keeps ``event`` (a link of the chain of custody) from resting on ``assessment``; empty when nothing."""
    if event.stage != CustodyEvent.Stage.HANDOVER_GUARDIAN:
        return {}
    if assessment is None or assessment.case_id != event.case_id:
        return {"assessment": _("Record a family assessment of this caregiver before handing the minor over.")}
    if not assessment.recommends_reunification:
        return {"assessment": _("The family assessment does not recommend reunifying the minor with this caregiver.")}
    if same_name(assessment.caregiver_name, event.guardian_name):
        return {}
    return {"guardian_name": _("The family assessment is of another caregiver: assess this one first.")}


def without_assessment(event: CustodyEvent) -> bool:
    """A family handover recorded before assessments were required: none is named."""
    return event.stage == CustodyEvent.Stage.HANDOVER_GUARDIAN and event.assessment_id is None


def assessments_for(event: CustodyEvent, assessments) -> list[FamilyAssessment]:
    """Of ``assessments`` (the case's), those ``event`` may rest on: recommending reunifying with its caregiver."""
    return [a for a in assessments if not assessment_problems(event, a)]


def same_name(a: str, b: str) -> bool:
    """Two spellings of one name: case, accents and spacing ignored."""
    return _folded(a) == _folded(b) != ""


def _folded(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name or "")
    return " ".join("".join(c for c in plain if not unicodedata.combining(c)).casefold().split())
