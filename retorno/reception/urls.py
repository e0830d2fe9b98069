from django.urls import path

from retorno.reception import views, views_work

app_name = "reception"
urlpatterns = [
    path("", views.flights, name="flights"),
    path("flights/new/", views.flight_create, name="flight_create"),
    path("flights/<int:flight_id>/", views.flight, name="flight"),
    path("flights/<int:flight_id>/counts/", views.flight_counts_partial, name="counts"),
    path("flights/<int:flight_id>/status/", views.flight_status, name="status"),
    path("flights/<int:flight_id>/close/", views.flight_close, name="flight_close"),
    path("flights/<int:flight_id>/manifest/", views.manifest_upload, name="manifest_upload"),
    path("flights/<int:flight_id>/checkin/", views.checkin, name="checkin"),
    path("flights/<int:flight_id>/walk-in/", views.walk_in, name="walk_in"),
    path("flights/<int:flight_id>/transport/", views.transport, name="transport"),
    path("flights/<int:flight_id>/transport/allocate/", views.allocate, name="allocate"),
    path("flights/<int:flight_id>/transport/budget/", views.budget, name="budget"),
    path("flights/<int:flight_id>/transport/tickets/", views.tickets_bulk, name="tickets_bulk"),
    path("flights/<int:flight_id>/minors/", views.minors, name="minors"),
    path("flights/<int:flight_id>/summary/", views.summary, name="summary"),
    path("flights/<int:flight_id>/summary.pdf", views.summary_pdf, name="summary_pdf"),
    path("flights/<int:flight_id>/summary.csv", views.summary_csv, name="summary_csv"),
    path("imports/<int:import_id>/", views.manifest_preview, name="import"),
    path("imports/<int:import_id>/commit/", views.manifest_commit, name="import_commit"),
    path("imports/<int:import_id>/discard/", views.manifest_discard, name="import_discard"),
    path("arrivals/<int:arrival_id>/", views.arrival, name="arrival"),
    path("arrivals/<int:arrival_id>/checkin/", views.arrival_check_in, name="arrival_checkin"),
    path("arrivals/<int:arrival_id>/no-show/", views.arrival_no_show, name="arrival_no_show"),
    path("arrivals/<int:arrival_id>/triage/", views.triage, name="triage"),
    path("arrivals/<int:arrival_id>/services/", views.service, name="service"),
    path("arrivals/<int:arrival_id>/assessment/", views.assessment, name="assessment"),
    path("arrivals/<int:arrival_id>/override/", views.override, name="override"),
    path("arrivals/<int:arrival_id>/ticket/", views.ticket, name="ticket"),
    path("arrivals/<int:arrival_id>/acknowledge/", views.acknowledge, name="acknowledge"),
    path("overrides/<int:override_id>/decide/", views.override_decide, name="override_decide"),
    path("work/", views_work.work, name="work"),
    path("work/<int:item_id>/take/", views_work.work_take, name="work_take"),
]
