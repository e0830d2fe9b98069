"""Sign-in, sign-out and the home page of each role."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse_lazy

from retorno.accounts.actions import user_access_end
from retorno.accounts.forms import LoginForm
from retorno.accounts.home import home_sections


class RetornoLoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class PasswordChange(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("home")

    def form_valid(self, form):
        """The new password ends every other session and every API token of the user at once."""
        response = super().form_valid(form)
        user_access_end(
            actor=self.request.user,
            user=self.request.user,
            reason="password_changed",
            keep_session_key=self.request.session.session_key,
            request=self.request,
        )
        return response


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/home.html", {"sections": home_sections(request.user)})
