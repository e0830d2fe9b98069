"""What other apps ask protection about a person or an arrival: a flag and the chain of custody, never a reason."""

from retorno.people.models import Person
from retorno.protection.handovers import assessment_problems, without_assessment
from retorno.protection.models import (
    CaseKind,
    CustodyEvent,
    ProtectionCase,
    ProtectionReferral,
)
from retorno.referrals.hooks import Handover


def protection_involved(*, person: Person) -> bool:
    return (
        ProtectionCase.objects.filter(person=person).exists()
        or ProtectionReferral.objects.filter(person=person, status=ProtectionReferral.Status.PENDING).exists()
    )


def persons_with_protection_flag(person_ids) -> set[int]:
    """Which of these persons the protection team is involved with: a flag, never a reason.

    Reception shows it on the manifest and at check-in, so staff know to call protection.
    """
    ids = [i for i in person_ids if i]
    if not ids:
        return set()
    with_case = ProtectionCase.objects.filter(person_id__in=ids).values_list("person_id", flat=True)
    referred = ProtectionReferral.objects.filter(person_id__in=ids).values_list("person_id", flat=True)
    return set(with_case) | set(referred)


def minor_handover_recorded(person_or_arrival) -> bool:
    """True when a minor's case for this person (or arrival) records a handover.

    Reception's flight-close rule calls it for every unaccompanied minor. Accepts a Person, or
    any object with ``pk`` and ``person_id`` (an arrival): with an arrival, the handover must be
    on a case opened from that arrival, or on any of the person's minor cases when none was.
    """
    handovers = CustodyEvent.objects.filter(stage__in=CustodyEvent.HANDOVERS, case__kind=CaseKind.MINOR)
    if isinstance(person_or_arrival, Person):
        return handovers.filter(case__person=person_or_arrival).exists()
    person_id = getattr(person_or_arrival, "person_id", None)
    arrival_id = getattr(person_or_arrival, "pk", None)
    if person_id is None:
        raise TypeError("minor_handover_recorded() needs a Person or an arrival with person_id.")
    from_arrival = handovers.filter(case__arrival_id=arrival_id)
    if ProtectionCase.objects.filter(kind=CaseKind.MINOR, arrival_id=arrival_id).exists():
        return from_arrival.exists()
    return handovers.filter(case__person_id=person_id).exists()


def minor_handover_since(*, person: Person, since) -> Handover | None:
    """The handover of a minor recorded at or after ``since`` that lets a shelter check them out.

    Referrals' ``stay_check_out`` asks. The PGN's handover, or a family member's on the family
    assessment that recommended reunifying the child with them (the rule the handover action
    keeps: ``handovers.assessment_problems``), is verified. A family handover naming no assessment
    was recorded before assessments were required: it still lets the child leave, flagged.
    """
    events = CustodyEvent.objects.filter(
        stage__in=CustodyEvent.HANDOVERS, case__kind=CaseKind.MINOR, case__person=person, at__gte=since
    ).select_related("assessment")
    found = None
    for event in events:
        if not assessment_problems(event, event.assessment):
            return Handover.VERIFIED
        if without_assessment(event):
            found = Handover.WITHOUT_ASSESSMENT
    return found


def minor_handed_over(arrival) -> bool | None:
    """True once protection has taken custody of a minor referred from this arrival.

    Custody is taken when the referral is taken from the queue or the minor's case records a
    link in the chain of custody. None when protection holds nothing for this arrival yet, so
    reception's own acknowledgement decides (reception's flight-close rule calls this).
    """
    taken = ProtectionReferral.objects.filter(arrival_id=arrival.pk, status=ProtectionReferral.Status.TAKEN).exists()
    in_custody = CustodyEvent.objects.filter(case__arrival_id=arrival.pk).exists()
    return True if (taken or in_custody) else None
