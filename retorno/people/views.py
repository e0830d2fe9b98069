"""Registry pages: search, profile, create and edit."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from retorno.accounts.access import can, permission_required
from retorno.audit.queries import accesses_to_person
from retorno.people import actions
from retorno.people.actions import PERSON_FIELDS
from retorno.people.forms import ConsentForm, ContactForm, PersonForm, SearchForm
from retorno.people.identity import form_record, likely_matches
from retorno.people.models import Person
from retorno.people.profile import profile_panels
from retorno.people.queries import (
    consents_in_force,
    person_get_for,
    person_kept_record,
    person_merges,
    person_return_count,
    person_search,
)

CUI_WARNINGS = {
    "length": gettext_lazy("The CUI does not have 13 digits."),
    "check_digit": gettext_lazy("The CUI's check digit does not match: please check the number."),
    "department": gettext_lazy("The CUI's department code does not exist."),
    "municipality": gettext_lazy("The CUI's municipality code does not exist in that department."),
}


def warn_about_cui(request: HttpRequest, person: Person) -> None:
    problem = person.cui_problem
    if problem:
        messages.warning(request, CUI_WARNINGS[problem])


@require_http_methods(["GET", "POST"])
@permission_required("person.search")
def search(request: HttpRequest) -> HttpResponse:
    """The search page; results come by POST so names never enter URLs or logs."""
    form = SearchForm(request.POST or None)
    results = None
    if request.method == "POST" and form.is_valid():
        results = person_search(user=request.user, query=form.cleaned_data["q"])
    template = "people/_results.html" if request.headers.get("HX-Request") else "people/search.html"
    return render(request, template, {"form": form, "results": results})


def _form_errors_to(form, error: ValidationError) -> None:
    for field, msgs in error.message_dict.items() if hasattr(error, "message_dict") else [(None, error.messages)]:
        for msg in msgs:
            form.add_error(field if field in form.fields else None, msg)


@require_http_methods(["GET", "POST"])
@permission_required("person.create")
def create(request: HttpRequest) -> HttpResponse:
    form = PersonForm(request.POST or None)
    matches: list[dict] = []
    if request.method == "POST" and form.is_valid() and not request.POST.get("confirm_new"):
        matches = likely_matches(form_record(form.cleaned_data))
    if request.method == "POST" and form.is_valid() and not matches:
        try:
            person = actions.person_create(
                actor=request.user, request=request, **{f: form.cleaned_data[f] for f in PERSON_FIELDS}
            )
        except ValidationError as error:
            _form_errors_to(form, error)
        else:
            messages.success(request, _("Person registered."))
            warn_about_cui(request, person)
            return redirect("people:detail", person_id=person.pk)
    return render(
        request,
        "people/form.html",
        {
            "form": form,
            "title": _("Register a person"),
            "likely_matches": matches,
            "link_label": _("Open this person's record"),
        },
    )


@require_http_methods(["GET", "POST"])
@permission_required("person.edit")
def edit(request: HttpRequest, person_id: int) -> HttpResponse:
    person = person_get_for(user=request.user, person_id=person_id)
    form = PersonForm(request.POST or None, instance=Person.objects.get(pk=person.pk))
    if request.method == "POST" and form.is_valid():
        try:
            person = actions.person_update(
                actor=request.user, person=person, request=request, **{f: form.cleaned_data[f] for f in PERSON_FIELDS}
            )
        except ValidationError as error:
            _form_errors_to(form, error)
        else:
            messages.success(request, _("Changes saved."))
            warn_about_cui(request, person)
            return redirect("people:detail", person_id=person.pk)
    return render(
        request,
        "people/form.html",
        {"form": form, "person": person, "title": _("Edit %(name)s") % {"name": person.full_name}},
    )


@permission_required("person.view")
def detail(request: HttpRequest, person_id: int) -> HttpResponse:
    """A person's profile. Every view is audited; a merged-away record redirects to the kept one."""
    kept = person_kept_record(person_id)
    if kept is not None:
        person_get_for(user=request.user, person_id=kept)  # 404 unless the kept record is visible
        messages.info(request, _("That record was merged into this one."))
        return redirect("people:detail", person_id=kept)
    person = person_get_for(user=request.user, person_id=person_id, section="profile", request=request)
    context = {
        "person": person,
        "identifiers": person.identifiers.select_related("country"),
        "contacts": person.contacts.all(),
        "consents": consents_in_force(person=person).values(),
        "panels": profile_panels(request=request, person=person),
        "can_edit": can(request.user, "person.edit"),
        "can_consent": can(request.user, "consent.record"),
        "can_see_accesses": can(request.user, "audit.view_access"),
        "contact_form": ContactForm(),
        "consent_form": ConsentForm(),
        "returns": person_return_count(person=person),
        "merges": list(person_merges(person=person)) if can(request.user, "person.review_matches") else [],
        "can_merge": can(request.user, "person.merge"),
    }
    return render(request, "people/detail.html", context)


@require_http_methods(["POST"])
@permission_required("person.edit")
def contact_add(request: HttpRequest, person_id: int) -> HttpResponse:
    person = person_get_for(user=request.user, person_id=person_id)
    form = ContactForm(request.POST)
    if form.is_valid():
        actions.contact_add(actor=request.user, person=person, request=request, **form.cleaned_data)
        messages.success(request, _("Contact added."))
    else:
        messages.error(
            request,
            _("The contact was not saved: %(errors)s")
            % {"errors": "; ".join(m for ms in form.errors.values() for m in ms)},
        )
    return redirect("people:detail", person_id=person.pk)


@require_http_methods(["POST"])
@permission_required("consent.record")
def consent_add(request: HttpRequest, person_id: int) -> HttpResponse:
    person = person_get_for(user=request.user, person_id=person_id)
    form = ConsentForm(request.POST)
    if form.is_valid():
        try:
            actions.consent_record(actor=request.user, person=person, request=request, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Consent recorded."))
    else:
        messages.error(
            request,
            _("The consent was not saved: %(errors)s")
            % {"errors": "; ".join(m for ms in form.errors.values() for m in ms)},
        )
    return redirect("people:detail", person_id=person.pk)


@permission_required("audit.view_access")
def accesses(request: HttpRequest, person_id: int) -> HttpResponse:
    """Who has seen this record: every view, export and emergency access."""
    person = get_object_or_404(Person, pk=person_id)
    return render(
        request, "people/accesses.html", {"person": person, "events": accesses_to_person(person_id=person.pk)[:500]}
    )
