from django.contrib.auth import views as auth_views
from django.urls import path

from retorno.accounts import views

urlpatterns = [
    path("login/", views.RetornoLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", views.PasswordChange.as_view(), name="password_change"),
]
