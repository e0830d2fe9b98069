from django.urls import path

from retorno.reports.views import builder, dashboard, donors, profile, public, trafficking

app_name = "reports"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("builder/", builder.builder, name="builder"),
    path("builder/export.<str:fmt>", builder.export, name="export"),
    path("builder/save", builder.save, name="save"),
    path("saved/<int:pk>/", builder.open_saved, name="open_saved"),
    path("saved/<int:pk>/delete", builder.delete_saved, name="delete_saved"),
    path("indicators/", builder.catalogue, name="catalogue"),
    path("donors/", donors.donor_report, name="donor_report"),
    path("trafficking/", trafficking.trafficking_statistics, name="trafficking"),
    path("trafficking/htcds.csv", trafficking.htcds_extract, name="htcds_extract"),
    path("profile/", profile.migration_profile, name="profile"),
    path("cohorts/", profile.cohorts, name="cohorts"),
    path("open/", public.open_data, name="open_data"),
    path("open/data.csv", public.open_data_csv, name="open_data_csv"),
]
