from django.contrib.auth import views as auth_views
from django.urls import path

from retorno.accounts import views
from retorno.accounts.second_factor import views as second_factor

urlpatterns = [
    path("login/", views.RetornoLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", views.PasswordChange.as_view(), name="password_change"),
    path("second-factor/", second_factor.verify, name="second_factor_verify"),
    path("second-factor/setup/", second_factor.setup, name="second_factor_setup"),
    path("second-factor/manage/", second_factor.manage, name="second_factor_manage"),
    path("second-factor/recovery-codes/", second_factor.renew_codes, name="second_factor_renew_codes"),
    path("second-factor/replace/", second_factor.replace, name="second_factor_replace"),
]
