"""The survey's scoring versions, and recomputing every stored score with one (managers)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from retorno.accounts.access import can, permission_required
from retorno.lib.views import form_problems, run_action
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
        done = run_action(
            request,
            actions.outcomes_rescore,
            lambda result: (
                _("%(checked)s outcomes checked with %(version)s: %(changed)s scores changed.")
                % {"checked": result.checked, "version": result.version, "changed": result.changed}
            ),
            version=form.cleaned_data["version"],
        )
        if done and done.unscorable:
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
