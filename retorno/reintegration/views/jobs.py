"""Job referrals: referring to a vacancy, the employer's answer, signed links."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from retorno.accounts.access import can, permission_required
from retorno.lib.views import form_problems, post_back, run_action
from retorno.messaging.queries import messages_about
from retorno.referrals.queries import partner_send_channels
from retorno.reintegration import actions, forms, queries
from retorno.reintegration.models import JobReferral
from retorno.reintegration.views.common import EDIT, VIEW, act, case_url, status_post


def _job_url(job: JobReferral) -> str:
    return reverse("reintegration:job_referral", args=[job.pk])


@require_POST
@permission_required(EDIT)
def job_referral_add(request: HttpRequest, case_id: int) -> HttpResponse:
    case = queries.case_get_for(user=request.user, case_id=case_id)
    form = forms.JobReferralForm(request.POST, can_override=can(request.user, "referral.consent_override"))
    done = _("Referred to the vacancy; the employer has the referral to answer.")
    run = act(request, actions.job_referral_create, case=case)
    return post_back(request, form=form, run=run, back=case_url(case.pk), done_message=done)


def _job_context(request: HttpRequest, job: JobReferral, **extra) -> dict:
    referral = job.referral
    return {
        "job": job,
        "case": job.case,
        "referral": referral,
        "history": queries.partner_referral_history(job),
        "links": queries.job_referral_links(job),
        "can_edit": can(request.user, EDIT),
        "can_link": can(request.user, EDIT) and can(request.user, "referral.link") and queries.employer_may_answer(job),
        "link_form": forms.LinkForm(),
        "send_channels": partner_send_channels(referral),
        "sent_messages": messages_about(referral),
        "today": timezone.localdate(),
        **extra,
    }


@permission_required(VIEW)
def job_referral_detail(request: HttpRequest, job_referral_id: int) -> HttpResponse:
    """One job referral: the vacancy, the employer's answers, and signed links for employers without an account."""
    job = queries.job_referral_get_for(
        user=request.user, job_referral_id=job_referral_id, section="reintegration", request=request
    )
    return render(request, "reintegration/job_referral.html", _job_context(request, job))


@require_POST
@permission_required(EDIT)
def job_referral_link_send(request: HttpRequest, job_referral_id: int) -> HttpResponse:
    """Send the employer a signed link to the email or phone on file."""
    job = queries.job_referral_get_for(user=request.user, job_referral_id=job_referral_id)
    run = act(request, actions.job_referral_link_send, job_referral=job, channel=request.POST.get("channel", ""))
    done = _("The link is on its way to the employer.")
    return post_back(request, form=forms.LinkForm(request.POST), run=run, back=_job_url(job), done_message=done)


@require_POST
@permission_required(EDIT)
def job_referral_link(request: HttpRequest, job_referral_id: int) -> HttpResponse:
    """Issue a signed link for the employer and show it this once (it is never stored)."""
    job = queries.job_referral_get_for(user=request.user, job_referral_id=job_referral_id)
    form = forms.LinkForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_problems(form))
        return redirect(_job_url(job))
    path = run_action(
        request,
        actions.job_referral_link_create,
        _("Link created: send it to the employer now, it is not shown again."),
        job_referral=job,
        days_valid=form.cleaned_data["days_valid"],
    )
    if not path:
        return redirect(_job_url(job))
    context = _job_context(request, job, new_link=request.build_absolute_uri(path))
    response = render(request, "reintegration/job_referral.html", context)
    response["Cache-Control"] = "no-store, private"
    return response


@require_POST
@permission_required(EDIT)
def job_referral_status(request: HttpRequest, job_referral_id: int) -> HttpResponse:
    job = queries.object_get_for(user=request.user, model=JobReferral, pk=job_referral_id)
    back = _job_url(job) if request.POST.get("next") == "job" else case_url(job.case_id)
    return status_post(
        request,
        action=actions.job_referral_set_status,
        fixed={"job_referral": job},
        extra=("on", "reason"),
        back=back,
        done=_("Status changed."),
    )
