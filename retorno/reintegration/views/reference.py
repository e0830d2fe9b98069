"""Reference lists: courses and vacancies."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from retorno.accounts.access import permission_required
from retorno.lib.views import run_action
from retorno.reintegration import actions, forms, queries
from retorno.reintegration.views.common import EDIT, VIEW, list_page


@require_http_methods(["GET", "POST"])
@permission_required(VIEW)
def course_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        form=forms.CourseForm(request.POST or None),
        action=actions.course_create,
        title=_("Courses and titles"),
        done=_("Course added."),
        url=reverse("reintegration:courses"),
        template="reintegration/course_list.html",
        context={"courses": queries.courses()},
    )


@require_http_methods(["GET", "POST"])
@permission_required(VIEW)
def vacancy_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        form=forms.VacancyForm(request.POST or None, initial={"posted_on": timezone.localdate()}),
        action=actions.vacancy_create,
        title=_("Vacancies"),
        done=_("Vacancy published."),
        url=reverse("reintegration:vacancies"),
        template="reintegration/vacancy_list.html",
        context={"vacancies": queries.vacancies()},
    )


@require_POST
@permission_required(EDIT)
def vacancy_open(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    vacancy = queries.vacancy_get_for(user=request.user, vacancy_id=vacancy_id)
    is_open = request.POST.get("is_open") == "1"
    done = _("Vacancy reopened.") if is_open else _("Vacancy closed.")
    run_action(request, actions.vacancy_set_open, done, vacancy=vacancy, is_open=is_open)
    return redirect("reintegration:vacancies")
