"""Reference lists: courses and vacancies."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from retorno.accounts.access import can, permission_required
from retorno.reintegration import actions, forms
from retorno.reintegration.models import Course, Vacancy
from retorno.reintegration.views.common import EDIT, VIEW, _run


@require_http_methods(["GET", "POST"])
@permission_required(VIEW)
def course_list(request: HttpRequest) -> HttpResponse:
    form = forms.CourseForm(request.POST or None)
    if request.method == "POST":
        if not can(request.user, EDIT):
            raise PermissionDenied
        if form.is_valid() and _run(request, actions.course_create, _("Course added."), **form.cleaned_data):
            return redirect("reintegration:courses")
    courses = Course.objects.select_related("institution")
    return render(request, "reintegration/course_list.html", {"courses": courses, "form": form})


@require_http_methods(["GET", "POST"])
@permission_required(VIEW)
def vacancy_list(request: HttpRequest) -> HttpResponse:
    form = forms.VacancyForm(request.POST or None, initial={"posted_on": timezone.localdate()})
    if request.method == "POST":
        if not can(request.user, EDIT):
            raise PermissionDenied
        if form.is_valid() and _run(request, actions.vacancy_create, _("Vacancy published."), **form.cleaned_data):
            return redirect("reintegration:vacancies")
    vacancies = Vacancy.objects.select_related("employer", "municipality")
    return render(request, "reintegration/vacancy_list.html", {"vacancies": vacancies, "form": form})


@require_POST
@permission_required(EDIT)
def vacancy_open(request: HttpRequest, vacancy_id: int) -> HttpResponse:
    vacancy = get_object_or_404(Vacancy, pk=vacancy_id)
    is_open = request.POST.get("is_open") == "1"
    _run(
        request,
        actions.vacancy_set_open,
        _("Vacancy reopened.") if is_open else _("Vacancy closed."),
        vacancy=vacancy,
        is_open=is_open,
    )
    return redirect("reintegration:vacancies")
