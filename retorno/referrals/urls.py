from django.urls import path

from retorno.referrals.views import links, partners, referrals, shelters

app_name = "referrals"
urlpatterns = [
    path("", referrals.worklist, name="worklist"),
    path("all/", referrals.referral_list, name="list"),
    path("new/<int:person_id>/", referrals.referral_new, name="create"),
    path("<int:referral_id>/", referrals.referral_detail, name="detail"),
    path("<int:referral_id>/status/", referrals.referral_status, name="status"),
    path("<int:referral_id>/links/", referrals.link_create, name="link_create"),
    path("<int:referral_id>/links/send/", referrals.link_send, name="link_send"),
    path("links/<int:link_id>/revoke/", referrals.link_revoke, name="link_revoke"),
    path("inbox/", referrals.inbox, name="inbox"),
    path("inbox/<int:referral_id>/", referrals.inbox_detail, name="inbox_detail"),
    path("answer/<str:token>/", links.link_page, name="link"),
    path("partners/", partners.partner_list, name="partners"),
    path("partners/new/", partners.partner_new, name="partner_new"),
    path("partners/<int:partner_id>/", partners.partner_detail, name="partner_detail"),
    path("partners/<int:partner_id>/edit/", partners.partner_edit, name="partner_edit"),
    path("shelters/", shelters.shelter_list, name="shelters"),
    path("shelters/new/", shelters.shelter_new, name="shelter_new"),
    path("shelters/<int:shelter_id>/", shelters.shelter_detail, name="shelter_detail"),
    path("shelters/<int:shelter_id>/edit/", shelters.shelter_edit, name="shelter_edit"),
    path("shelters/<int:shelter_id>/check-in/<int:referral_id>/", shelters.check_in, name="check_in"),
    path("stays/<int:stay_id>/check-out/", shelters.check_out, name="check_out"),
]
