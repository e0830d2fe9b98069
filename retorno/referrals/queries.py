"""Reading referrals."""

from django.db.models import QuerySet

from retorno.people.models import Person


def person_ids_shared_with(organisation_id: int) -> QuerySet:
    """Ids of the persons that an accepted referral shares with a partner organisation.

    Referrals are not recorded yet (issue 6), so no person is shared with any partner.
    """
    return Person.objects.none().values("id")
