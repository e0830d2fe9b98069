"""Documents requested for a case."""

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from retorno.accounts.access import permission_required
from retorno.reintegration import actions, forms, queries
from retorno.reintegration.models import DocumentRequest
from retorno.reintegration.views.common import EDIT, _run, _status_post, _to_case


@require_POST
@permission_required(EDIT)
def document_add(request: HttpRequest, case_id: int) -> HttpResponse:
    case = queries.case_get_for(user=request.user, case_id=case_id)
    form = forms.DocumentForm(request.POST)
    if form.is_valid():
        _run(request, actions.document_request, _("Document requested."), case=case, **form.cleaned_data)
    return _to_case(case.pk)


@require_POST
@permission_required(EDIT)
def document_status(request: HttpRequest, document_id: int) -> HttpResponse:
    document = _status_post(
        request, DocumentRequest, document_id, actions.document_set_status, "document", ("on", "reason")
    )
    return _to_case(document.case_id)
