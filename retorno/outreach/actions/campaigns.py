"""Campaigns: plan, activities with their reach, materials."""

import datetime

from django.db import transaction
from django.http import HttpRequest

from retorno.accounts.models import User
from retorno.outreach.actions.common import require, save_new
from retorno.outreach.models import AuditAction, Campaign, CampaignActivity, CampaignMaterial


@transaction.atomic
def campaign_create(
    *,
    actor: User,
    name: str,
    objective: str,
    audience: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    channels: list[str] = (),
    municipalities: list = (),
    partners: list = (),
    request: HttpRequest | None = None,
) -> Campaign:
    require(actor, "outreach.manage")
    campaign = Campaign(
        name=name.strip(),
        objective=objective.strip(),
        audience=audience,
        starts_on=starts_on,
        ends_on=ends_on,
        channels=list(channels),
        created_by=actor,
    )
    return save_new(
        campaign,
        actor=actor,
        action=AuditAction.CAMPAIGN_CREATE,
        request=request,
        m2m={"municipalities": list(municipalities), "partners": list(partners)},
    )


@transaction.atomic
def campaign_activity_record(
    *,
    actor: User,
    campaign: Campaign,
    kind: str,
    date: datetime.date,
    municipality=None,
    description: str = "",
    reached_female: int = 0,
    reached_male: int = 0,
    reached_unknown: int = 0,
    reached_minors: int = 0,
    schools: int = 0,
    broadcasts: int = 0,
    request: HttpRequest | None = None,
) -> CampaignActivity:
    """One activity and whom it reached (people by sex, minors among them, schools, broadcasts)."""
    require(actor, "outreach.manage")
    activity = CampaignActivity(
        campaign=campaign,
        kind=kind,
        date=date,
        municipality=municipality,
        description=description.strip(),
        reached_female=reached_female,
        reached_male=reached_male,
        reached_unknown=reached_unknown,
        reached_minors=reached_minors,
        schools=schools,
        broadcasts=broadcasts,
        recorded_by=actor,
    )
    return save_new(activity, actor=actor, action=AuditAction.CAMPAIGN_ACTIVITY, request=request)


@transaction.atomic
def campaign_material_add(
    *, actor: User, campaign: Campaign, title: str, file, request: HttpRequest | None = None
) -> CampaignMaterial:
    require(actor, "outreach.manage")
    material = CampaignMaterial(campaign=campaign, title=title.strip(), file=file, uploaded_by=actor)
    return save_new(material, actor=actor, action=AuditAction.CAMPAIGN_MATERIAL, request=request)
