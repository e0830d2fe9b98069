from django.urls import path

from retorno.protection import views

app_name = "protection"
urlpatterns = [
    path("", views.index, name="index"),
    path("psychosocial/", views.psychosocial_index, name="psychosocial"),
    path("referrals/<int:referral_id>/take/", views.referral_take, name="referral_take"),
    path("open/<int:person_id>/", views.case_open, name="case_open"),
    path("cases/<int:case_id>/", views.case_detail, name="case"),
    path("cases/<int:case_id>/assign/", views.case_assign, name="case_assign"),
    path("cases/<int:case_id>/accesses/", views.case_accesses_view, name="case_accesses"),
    path("cases/<int:case_id>/break-glass/", views.break_glass, name="break_glass"),
    path(
        "cases/<int:case_id>/identifications/<int:identification_id>/",
        views.identification_review,
        name="identification_review",
    ),
    path("cases/<int:case_id>/do/<slug:what>/", views.case_write, name="case_write"),
    path("cases/<int:case_id>/<slug:section>/", views.case_detail, name="case_section"),
    path("break-glass/", views.break_glass_queue_view, name="break_glass_queue"),
    path("break-glass/<int:access_id>/review/", views.break_glass_review, name="break_glass_review"),
    path("export/htcds.<str:fmt>", views.htcds_export, name="htcds_export"),
    path("shared/", views.shared_list, name="shared"),
    path("shared/<int:case_id>/", views.shared_detail, name="shared_case"),
    path("notifications/", views.notifications, name="notifications"),
]
