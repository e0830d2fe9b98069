"""The referral API's router and the helpers its endpoints share."""

from ninja import Router

from retorno.geo.queries import department_by_code, municipality_by_code

router = Router(tags=["referrals"])


def places_from_codes(data: dict) -> dict:
    """Turn INE codes into rows (an unknown code is a 422 on its field, through geo.queries).

    A blank code means "none", as everywhere in the API (``retorno.lib.api``'s patterns).
    """
    for place in ("department", "municipality"):
        if place in data and not data[place]:
            data[place] = None
    if data.get("department"):
        data["department"] = department_by_code(data["department"])
    if data.get("municipality"):
        data["municipality"] = municipality_by_code(data["municipality"])
    if data.get("target_groups") is not None and "target_groups" in data:
        data["target_groups"] = [str(getattr(g, "value", g)) for g in data["target_groups"]]
    return data


def offers_by_service(offers: list) -> dict[str, str]:
    return {str(getattr(o["service"], "value", o["service"])): o.get("detail", "") for o in offers}
