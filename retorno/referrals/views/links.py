"""The page a partner without an account opens from a signed link (no sign-in)."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from retorno.referrals import actions
from retorno.referrals.actions.links import LinkRefused, link_answers
from retorno.referrals.forms import LinkAnswerForm
from retorno.referrals.queries import shared_data, sharing_allowed
from retorno.referrals.views.common import form_errors_to


def _private(response: HttpResponse) -> HttpResponse:
    response.no_store = True
    response["Cache-Control"] = "no-store, private"
    # The token must not leak to other sites ("no-referrer" would make browsers send Origin: null, failing CSRF).
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_http_methods(["GET", "POST"])
def link_page(request: HttpRequest, token: str) -> HttpResponse:
    """Show only this referral's shared data and take one answer."""
    try:
        link = actions.link_open(token=token, request=request)
    except LinkRefused as refused:
        status = 404 if refused.reason == "invalid" else 410
        return _private(render(request, "referrals/link_refused.html", {"reason": refused.reason}, status=status))
    form = LinkAnswerForm(request.POST or None, statuses=link_answers(link))
    if request.method == "POST" and form.is_valid():
        try:
            referral = actions.link_answer(token=token, request=request, **form.cleaned_data)
        except ValidationError as error:
            form_errors_to(form, error)
        except LinkRefused as refused:
            return _private(render(request, "referrals/link_refused.html", {"reason": refused.reason}, status=410))
        else:
            return _private(render(request, "referrals/link_done.html", {"referral": referral}))
    context = {
        "referral": link.referral,
        "shared": shared_data(link.referral),
        "visible": sharing_allowed(link.referral),
        "form": form,
        "link": link,
    }
    return _private(render(request, "referrals/link.html", context))
