"""The referral API's router and the helpers its endpoints share."""

from django.utils.translation import gettext as _
from ninja import Router
from ninja.errors import HttpError

from retorno.geo.models import Department, Municipality

router = Router(tags=["referrals"])


def places_from_codes(data: dict) -> dict:
    """Turn INE codes into rows, with a clear error when unknown."""
    if data.get("department"):
        department = Department.objects.filter(code=data["department"]).first()
        if department is None:
            raise HttpError(422, _("Unknown department code: %(code)s") % {"code": data["department"]})
        data["department"] = department
    if data.get("municipality"):
        municipality = Municipality.objects.filter(code=data["municipality"]).first()
        if municipality is None:
            raise HttpError(422, _("Unknown municipality code: %(code)s") % {"code": data["municipality"]})
        data["municipality"] = municipality
    if data.get("target_groups") is not None and "target_groups" in data:
        data["target_groups"] = [str(getattr(g, "value", g)) for g in data["target_groups"]]
    return data


def offers_by_service(offers: list) -> dict[str, str]:
    return {str(getattr(o["service"], "value", o["service"])): o.get("detail", "") for o in offers}
