"""Reading the audit log."""

from django.db.models import QuerySet

from retorno.audit.models import AuditEvent


def accesses_to_person(*, person_id: int) -> QuerySet[AuditEvent]:
    """Every view, export or emergency access that touched a person's record, newest first."""
    return (
        AuditEvent.objects.filter(person_id=person_id)
        .exclude(kind=AuditEvent.Kind.WRITE)
        .select_related("actor")
        .order_by("-at", "-id")
    )
