"""Field forms page: download the XLSForms, upload Kobo/ODK submissions, see what was refused and why."""

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from retorno.accounts.access import can, permission_required
from retorno.lib.views import form_errors_to
from retorno.reintegration.fieldforms.kobo import kobo_configured, kobo_pull
from retorno.reintegration.fieldforms.submissions import field_submissions_import, parse_export
from retorno.reintegration.fieldforms.xlsform import FORMS, xlsform

MAX_UPLOAD = 5 * 1024 * 1024


class SubmissionsForm(forms.Form):
    file = forms.FileField(label=_("Kobo / ODK export (CSV or JSON)"))


def xlsform_response(kind: str) -> HttpResponse:
    if kind not in FORMS:
        raise Http404
    response = HttpResponse(
        xlsform(kind), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{FORMS[kind][0]}.xlsx"'
    return response


@permission_required("reintegration.view")
def xlsform_download(request: HttpRequest, kind: str) -> HttpResponse:
    return xlsform_response(kind)


def import_upload(*, actor, upload) -> object:
    if upload.size > MAX_UPLOAD:
        raise ValidationError({"file": _("The file is too large (at most 5 MB).")})
    name = upload.name or ""
    records = parse_export(upload.read(), filename=name)
    source = "json" if name.lower().endswith(".json") else "csv"
    return field_submissions_import(actor=actor, records=records, source=source)


@require_http_methods(["GET", "POST"])
@permission_required("reintegration.view")
def field_forms(request: HttpRequest) -> HttpResponse:
    form = SubmissionsForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and can(request.user, "reintegration.edit"):
        try:
            if request.POST.get("kobo") and kobo_configured():
                report = kobo_pull(actor=request.user)
            elif form.is_valid():
                report = import_upload(actor=request.user, upload=form.cleaned_data["file"])
        except ValidationError as error:
            form_errors_to(form, error)
    context = {
        "form": form,
        "report": report,
        "can_import": can(request.user, "reintegration.edit"),
        "kobo": kobo_configured(),
    }
    return render(request, "reintegration/field_forms.html", context)
