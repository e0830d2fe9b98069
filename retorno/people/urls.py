from django.urls import path

from retorno.people import views

app_name = "people"
urlpatterns = [
    path("search/", views.search, name="search"),
    path("new/", views.create, name="create"),
    path("<int:person_id>/", views.detail, name="detail"),
    path("<int:person_id>/edit/", views.edit, name="edit"),
    path("<int:person_id>/contacts/add/", views.contact_add, name="contact_add"),
    path("<int:person_id>/consents/add/", views.consent_add, name="consent_add"),
    path("<int:person_id>/accesses/", views.accesses, name="accesses"),
]
