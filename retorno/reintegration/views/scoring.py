"""The survey's scoring versions, and recomputing every stored score with one (managers)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from retorno.accounts.access import can, permission_required
from retorno.lib.views import error_text, form_problems
from retorno.reintegration import actions, forms, queries, rss
from retorno.reintegration.actions.scoring import RESCORE


@require_http_methods(["GET", "POST"])
@permission_required("reintegration.figures")
def survey_scoring(request: HttpRequest) -> HttpResponse:
    """How survey answers become scores, version by version; a manager may recompute the stored ones."""
    form = forms.RescoreForm(request.POST or None)
    if request.method == "POST":
        if not can(request.user, RESCORE):
            raise PermissionDenied
        if not form.is_valid():
            messages.error(request, form_problems(form))
            return redirect("reintegration:survey_scoring")
        try:
            done = actions.outcomes_rescore(actor=request.user, version=form.cleaned_data["version"], request=request)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, error_text(error))
        else:
            messages.success(
                request,
                _("%(checked)s outcomes checked with %(version)s: %(changed)s scores changed.")
                % {"checked": done.checked, "version": done.version, "changed": done.changed},
            )
            if done.unscorable:
                messages.warning(
                    request,
                    _("%(n)s outcomes have answers this version does not know; they keep their scores.")
                    % {"n": done.unscorable},
                )
        return redirect("reintegration:survey_scoring")
    context = {
        "versions": queries.scoring_versions(),
        "current": rss.scoring(),
        "form": form if can(request.user, RESCORE) else None,
    }
    return render(request, "reintegration/survey_scoring.html", context)
