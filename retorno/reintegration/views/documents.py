"""Documents requested for a case."""

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from retorno.accounts.access import permission_required
from retorno.lib.views import post_back
from retorno.reintegration import actions, forms, queries
from retorno.reintegration.models import DocumentRequest
from retorno.reintegration.views.common import EDIT, act, case_url, status_post


@require_POST
@permission_required(EDIT)
def document_add(request: HttpRequest, case_id: int) -> HttpResponse:
    case = queries.case_get_for(user=request.user, case_id=case_id)
    run = act(request, actions.document_request, case=case)
    done = _("Document requested.")
    return post_back(request, form=forms.DocumentForm(request.POST), run=run, back=case_url(case.pk), done_message=done)


@require_POST
@permission_required(EDIT)
def document_status(request: HttpRequest, document_id: int) -> HttpResponse:
    document = queries.object_get_for(user=request.user, model=DocumentRequest, pk=document_id)
    return status_post(
        request,
        action=actions.document_set_status,
        fixed={"document": document},
        extra=("on", "reason"),
        back=case_url(document.case_id) if document.case_id else reverse("people:detail", args=[document.person_id]),
        done=_("Status changed."),
    )
