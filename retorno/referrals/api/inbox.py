"""The partner's side of a referral: its inbox and the signed links answered without an account."""

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja.errors import HttpError

from retorno.accounts.access import require
from retorno.lib.api import choice
from retorno.referrals import actions
from retorno.referrals.actions.links import LinkRefused, link_answers
from retorno.referrals.api.common import router
from retorno.referrals.models import Referral, ReferralLink
from retorno.referrals.queries import partner_inbox, referral_get_for
from retorno.referrals.schemas import LinkReferralOut, ReferralStatusIn, SharedReferralOut


@router.get("/inbox", response=list[SharedReferralOut])
def inbox(request: HttpRequest, status: choice(Referral.Status) | None = None):
    """Referrals addressed to the caller's organisation, with only the shared data."""
    require(request.user, "referral.inbox")
    return list(partner_inbox(user=request.user, status=status or ""))


@router.get("/inbox/{int:referral_id}", response=SharedReferralOut)
def inbox_detail(request: HttpRequest, referral_id: int):
    require(request.user, "referral.inbox")
    return referral_get_for(user=request.user, referral_id=referral_id, section="referral_shared_data", request=request)


@router.post("/inbox/{int:referral_id}/answer", response=SharedReferralOut)
def inbox_answer(request: HttpRequest, referral_id: int, payload: ReferralStatusIn):
    """The partner's answer: accepted, rejected (with reason), completed or no_show (with reason)."""
    require(request.user, "referral.inbox")
    referral = referral_get_for(user=request.user, referral_id=referral_id)
    return actions.referral_set_status(actor=request.user, referral=referral, request=request, **payload.dict())


# --- signed links (no account) ------------------------------------------------------------


def _link_out(link: ReferralLink) -> Referral:
    referral = link.referral
    referral.answers = link_answers(link)
    referral.link_expires_at = link.expires_at
    return referral


def _refused(refused: LinkRefused):
    raise HttpError(
        404 if refused.reason == "invalid" else 410,
        _("This link is not valid (%(reason)s).") % {"reason": refused.reason},
    )


def _no_store(response: HttpResponse) -> None:
    """A signed link answers with personal data and no sign-in: no browser or proxy may keep it."""
    response["Cache-Control"] = "no-store, private"
    response["Pragma"] = "no-cache"
    response.no_store = True


@router.get("/links/{token}", response=LinkReferralOut, auth=None)
def link_view(request: HttpRequest, token: str, response: HttpResponse):
    """What a signed link shows: this referral's shared data and the answers allowed. No sign-in."""
    _no_store(response)
    try:
        link = actions.link_open(token=token, request=request)
    except LinkRefused as refused:
        _refused(refused)
    return _link_out(link)


@router.post("/links/{token}/answer", response=SharedReferralOut, auth=None)
def link_answer(request: HttpRequest, token: str, payload: ReferralStatusIn, response: HttpResponse):
    """Answer through a signed link; the link is spent. No sign-in."""
    _no_store(response)
    try:
        return actions.link_answer(token=token, request=request, **payload.dict())
    except LinkRefused as refused:
        _refused(refused)
