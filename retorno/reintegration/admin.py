"""Reference data is edited here; workflow records are read-only (changes go through the actions)."""

from django.contrib import admin

from retorno.lib.admin import ReadOnlyAdmin
from retorno.reintegration.models import Course, FollowUpSchedule, Payment, ReintegrationCase, Vacancy


@admin.register(FollowUpSchedule)
class FollowUpScheduleAdmin(admin.ModelAdmin):
    list_display = ("trigger", "months", "is_active")


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ("name", "institution", "kind", "sector", "is_active")
    list_filter = ("kind", "sector", "is_active")


@admin.register(Vacancy)
class VacancyAdmin(admin.ModelAdmin):
    list_display = ("title", "employer", "sector", "positions", "is_open")
    list_filter = ("sector", "is_open")


@admin.register(ReintegrationCase)
class ReintegrationCaseAdmin(ReadOnlyAdmin):
    list_display = ("id", "status", "officer", "returned_on", "plan_agreed_on")
    list_filter = ("status",)


@admin.register(Payment)
class PaymentAdmin(ReadOnlyAdmin):
    list_display = ("id", "paid_on", "budget_line", "amount", "purpose", "override_by")
    list_filter = ("purpose", "budget_line")
