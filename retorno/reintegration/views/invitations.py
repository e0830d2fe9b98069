"""Follow-up invitations: the officer sends one; the returnee answers on a page that needs no
sign-in and no JavaScript (a cheap phone on a slow connection)."""

from django import forms as django_forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from retorno.accounts.access import permission_required
from retorno.lib.views import form_errors_to, run_action
from retorno.messaging.models import Channel
from retorno.reintegration import actions, queries
from retorno.reintegration.forms import OutcomeForm


class InviteForm(django_forms.Form):
    channel = django_forms.ChoiceField(label=gettext_lazy("Send by"), choices=Channel.choices)
    language = django_forms.ChoiceField(
        label=gettext_lazy("Language"), choices=[("es", gettext_lazy("Spanish")), ("en", gettext_lazy("English"))]
    )


class SelfReportForm(OutcomeForm):
    """The officer's outcome form in plain words, every choice a radio button (no JavaScript)."""

    PLAIN_LABELS = {
        "working": gettext_lazy("Are you working now?"),
        "income_band": gettext_lazy("About how much do you earn a month?"),
        "business_operating": gettext_lazy("If you started a business, is it still open?"),
        "still_with_employer": gettext_lazy("If the programme referred you to a job, are you still there?"),
        "living_in": gettext_lazy("Where do you live now? (municipality)"),
        "intends_to_migrate": gettext_lazy("Are you thinking of migrating again?"),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.label = self.PLAIN_LABELS.get(name, field.label)
            if isinstance(field, django_forms.ChoiceField) and name != "living_in":
                field.choices = [c for c in field.choices if c[0] != ""]
                field.widget = django_forms.RadioSelect(choices=field.choices)

    def outcome(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if not k.startswith("rss_")}
        data["rss_answers"] = self.answers()
        return data


@require_POST
@permission_required("reintegration.edit")
def followup_invite(request: HttpRequest, followup_id: int) -> HttpResponse:
    followup = queries.followup_get_for(user=request.user, followup_id=followup_id)
    form = InviteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose how to send the link."))
    else:
        done = _("The link is on its way: the person can answer from their phone.")
        run_action(request, actions.followup_invite, done, followup=followup, **form.cleaned_data)
    return redirect("reintegration:followup", followup_id=followup.pk)


def _private(response: HttpResponse) -> HttpResponse:
    response.no_store = True
    response["Cache-Control"] = "no-store, private"
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


REFUSALS = {
    "invalid": gettext_lazy("This link is not valid. Check that you copied all of it."),
    "expired": gettext_lazy("This link has expired. The programme will contact you."),
    "answered": gettext_lazy("You already answered. Thank you!"),
    "closed": gettext_lazy("This questionnaire is closed. Thank you."),
}


@require_http_methods(["GET", "POST"])
def self_report(request: HttpRequest, token: str) -> HttpResponse:
    """The returnee's questionnaire, in the language the invitation was sent in."""
    try:
        invitation = actions.invitation_open(token=token, request=request)
    except actions.InvitationRefused as refused:
        status = 404 if refused.reason == "invalid" else 410
        context = {"message": REFUSALS[refused.reason]}
        return _private(render(request, "reintegration/self_report_closed.html", context, status=status))
    with translation.override(
        request.GET.get("lang") if request.GET.get("lang") in ("es", "en") else invitation.language
    ):
        form = SelfReportForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                actions.followup_self_report(token=token, answers=form.outcome(), request=request)
            except actions.InvitationRefused as refused:
                context = {"message": REFUSALS[refused.reason]}
                return _private(render(request, "reintegration/self_report_closed.html", context, status=410))
            except ValidationError as error:
                form_errors_to(form, error)
            else:
                context = {"message": _("Thank you! Your answers reached the programme.")}
                return _private(render(request, "reintegration/self_report_closed.html", context))
        response = render(request, "reintegration/self_report.html", {"form": form, "token": token})
    return _private(response)
