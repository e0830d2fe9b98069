"""The institutions directory: entries, their units and contacts."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods, require_POST

from retorno.accounts.access import can, permission_required
from retorno.accounts.models import Organisation
from retorno.outreach import actions
from retorno.outreach.forms import ContactForm, InstitutionForm
from retorno.outreach.queries import institution_get_for, institutions_directory
from retorno.outreach.views.common import form_page, post_back


@permission_required("institution.view")
def institution_list(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind", "")
    q = request.GET.get("q", "").strip()[:100]
    rows = institutions_directory(user=request.user, kind=kind if kind in Organisation.Kind.values else "", q=q)
    return render(
        request,
        "outreach/institutions.html",
        {
            "institutions": rows,
            "kinds": Organisation.Kind.choices,
            "kind": kind,
            "q": q,
            "can_manage": can(request.user, "institution.manage"),
        },
    )


@permission_required("institution.view")
def institution_detail(request: HttpRequest, organisation_id: int) -> HttpResponse:
    org = institution_get_for(user=request.user, organisation_id=organisation_id)
    return render(
        request,
        "outreach/institution_detail.html",
        {
            "org": org,
            "units": org.units.all(),
            "contacts": org.contacts.filter(is_active=True),
            "contact_form": ContactForm(),
            "can_manage": can(request.user, "institution.manage"),
        },
    )


@require_http_methods(["GET", "POST"])
@permission_required("institution.manage")
def institution_new(request: HttpRequest) -> HttpResponse:
    form = InstitutionForm(request.POST or None)

    def run(data):
        return actions.institution_create(actor=request.user, request=request, **data)

    return form_page(
        request,
        form=form,
        title=_("Add an institution"),
        run=run,
        done=lambda org: reverse("outreach:institution", args=[org.pk]),
        cancel_url=reverse("outreach:institutions"),
    )


@require_http_methods(["GET", "POST"])
@permission_required("institution.manage")
def institution_edit(request: HttpRequest, organisation_id: int) -> HttpResponse:
    org = institution_get_for(user=request.user, organisation_id=organisation_id)
    form = InstitutionForm(request.POST or None, instance=Organisation.objects.get(pk=org.pk))

    def run(data):
        data.pop("slug", None)
        return actions.institution_update(actor=request.user, organisation=org, request=request, **data)

    back = reverse("outreach:institution", args=[org.pk])
    return form_page(
        request,
        form=form,
        title=pgettext("organisation", "Edit %(name)s") % {"name": org},
        run=run,
        done=lambda _o: back,
        cancel_url=back,
    )


@require_POST
@permission_required("institution.manage")
def contact_add(request: HttpRequest, organisation_id: int) -> HttpResponse:
    org = institution_get_for(user=request.user, organisation_id=organisation_id)
    return post_back(
        request,
        form=ContactForm(request.POST),
        run=lambda d: actions.institution_contact_add(actor=request.user, organisation=org, request=request, **d),
        back=reverse("outreach:institution", args=[org.pk]),
        done_message=_("Contact added."),
    )
