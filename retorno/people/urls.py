from django.urls import path

from retorno.people import match_views, views

app_name = "people"
urlpatterns = [
    path("search/", views.search, name="search"),
    path("new/", views.create, name="create"),
    path("<int:person_id>/", views.detail, name="detail"),
    path("<int:person_id>/edit/", views.edit, name="edit"),
    path("<int:person_id>/contacts/add/", views.contact_add, name="contact_add"),
    path("<int:person_id>/consents/add/", views.consent_add, name="consent_add"),
    path("<int:person_id>/accesses/", views.accesses, name="accesses"),
    path("duplicates/", match_views.queue, name="match_queue"),
    path("duplicates/<int:pair_id>/", match_views.pair, name="match_pair"),
    path("duplicates/<int:pair_id>/merge/", match_views.merge, name="match_merge"),
    path("duplicates/<int:pair_id>/not-same/", match_views.not_same, name="match_not_same"),
    path("merges/<int:merge_id>/unmerge/", match_views.unmerge, name="unmerge"),
]
