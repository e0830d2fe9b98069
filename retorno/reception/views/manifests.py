"""Manifest import pages: upload, preview with every row's problems, column mapping, commit, discard."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from retorno.lib.views import form_page, run_action
from retorno.reception import actions
from retorno.reception.forms import FIELD_LABELS, ManifestUploadForm, MappingForm
from retorno.reception.models import ManifestImport
from retorno.reception.queries import flight_get_for, manifest_import_get_for


@require_http_methods(["GET", "POST"])
@login_required
def manifest_upload(request: HttpRequest, flight_id: int) -> HttpResponse:
    flight = flight_get_for(user=request.user, flight_id=flight_id, permission="reception.flight_manage")

    def stage(data: dict):
        staged, _result = actions.manifest_stage(
            actor=request.user,
            flight=flight,
            data=data["file"].read(),
            filename=data["file"].name,
            source=data["source"],
            request=request,
        )
        return staged

    return form_page(
        request,
        form=ManifestUploadForm(request.POST or None, request.FILES or None, initial={"source": flight.carrier}),
        title=_("Import manifest"),
        run=stage,
        done=lambda staged: reverse("reception:import", args=[staged.pk]),
        cancel_url=reverse("reception:flight", args=[flight.pk]),
        done_message=_("Manifest read: check the preview before importing."),
        template="reception/manifest_upload.html",
        context={"flight": flight},
    )


def _problem_view(problems: list) -> list[dict]:
    return [
        {
            "field": p.field,
            "field_label": FIELD_LABELS.get(p.field, "") if p.field else "",
            "code": str(p.code),
            "error": p.is_error,
            "message": p.message,
        }
        for p in problems
    ]


@require_http_methods(["GET", "POST"])
@login_required
def manifest_preview(request: HttpRequest, import_id: int) -> HttpResponse:
    """Every row with its problems by field; the column-mapping step posts back here."""
    staged = manifest_import_get_for(user=request.user, import_id=import_id)
    if staged.status != ManifestImport.Status.STAGED:
        return redirect("reception:flight", flight_id=staged.flight_id)
    result = actions.manifest_reread(staged)
    headers = list(result.mapping.columns) + list(result.unmapped_columns)
    initial = {f"col_{i}": str(result.mapping.columns.get(h, "")) for i, h in enumerate(headers)}
    initial["date_order"] = (staged.mapping or {}).get("date_order") or ""
    form = MappingForm(request.POST or None, headers=headers, initial=initial)
    if request.method == "POST" and form.is_valid():
        run_action(
            request,
            actions.manifest_set_mapping,
            _("Column mapping saved."),
            manifest_import=staged,
            mapping=form.mapping(),
        )
        return redirect("reception:import", import_id=staged.pk)
    rows = [{"row": row, "problems": _problem_view(row.problems)} for row in result.rows]
    return render(
        request,
        "reception/manifest_preview.html",
        {
            "staged": staged,
            "flight": staged.flight,
            "result": result,
            "rows": rows,
            "file_problems": _problem_view(result.problems),
            "form": form,
        },
    )


@require_POST
@login_required
def manifest_commit(request: HttpRequest, import_id: int) -> HttpResponse:
    staged = manifest_import_get_for(user=request.user, import_id=import_id)
    done = run_action(request, actions.manifest_commit, _("Manifest imported."), manifest_import=staged)
    if not done:
        return redirect("reception:import", import_id=staged.pk)
    messages.info(
        request,
        _("%(created)s new, %(updated)s updated, %(skipped)s skipped, %(withdrawn)s withdrawn.")
        % {
            "created": done.created_rows,
            "updated": done.updated_rows,
            "skipped": done.skipped_rows,
            "withdrawn": done.withdrawn_rows,
        },
    )
    return redirect("reception:flight", flight_id=staged.flight_id)


@require_POST
@login_required
def manifest_discard(request: HttpRequest, import_id: int) -> HttpResponse:
    staged = manifest_import_get_for(user=request.user, import_id=import_id)
    run_action(request, actions.manifest_discard, _("Import discarded."), manifest_import=staged)
    return redirect("reception:flight", flight_id=staged.flight_id)
