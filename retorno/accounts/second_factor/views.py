"""Pages of the second factor: type the code, enrol an authenticator, manage recovery codes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from retorno.accounts.access import needs_second_factor
from retorno.accounts.second_factor import actions, queries
from retorno.accounts.second_factor.forms import CodeForm, EnrolForm


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return "/"
    return target


@login_required
def verify(request: HttpRequest) -> HttpResponse:
    """After the password: the code from the authenticator app, or a recovery code."""
    user = request.user
    if not needs_second_factor(user) or queries.session_is_verified(request):
        return HttpResponseRedirect(_next(request))
    if not queries.is_enrolled(user):
        return redirect("second_factor_setup")
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        verified, throttled = actions.second_factor_verify(actor=user, code=form.cleaned_data["code"], request=request)
        if verified:
            return HttpResponseRedirect(_next(request))
        if throttled:
            form.add_error("code", _("Too many wrong codes. Wait a minute and try again."))
            status = 429
        else:
            form.add_error("code", _("That code is not valid. Check the time on your phone and try again."))
    return render(request, "accounts/second_factor_verify.html", {"form": form, "next": _next(request)}, status=status)


@login_required
def setup(request: HttpRequest) -> HttpResponse:
    """Enrol an authenticator app: show its secret (text, otpauth URI and a locally drawn QR code)."""
    user = request.user
    if not needs_second_factor(user):
        return redirect("second_factor_manage")
    if queries.is_enrolled(user):
        return redirect("second_factor_manage" if queries.session_is_verified(request) else "second_factor_verify")
    device = actions.authenticator_pending(actor=user)
    form = EnrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = actions.second_factor_enrol(actor=user, code=form.cleaned_data["code"], request=request)
        if codes is not None:
            return render(
                request, "accounts/second_factor_codes.html", {"codes": codes, "next": _next(request), "new": True}
            )
        form.add_error("code", _("That code is not valid. Check the time on your phone and try again."))
    uri = device.config_url
    context = {
        "form": form,
        "secret": queries.secret_text(device),
        "uri": uri,
        "qr": queries.qr_svg(uri),
        "next": _next(request),
    }
    response = render(request, "accounts/second_factor_setup.html", context)
    response.no_store = True
    return response


@login_required
def manage(request: HttpRequest) -> HttpResponse:
    """The user's own second factor: status, new recovery codes, change of phone."""
    user = request.user
    context = {
        "required": needs_second_factor(user),
        "enrolled": queries.is_enrolled(user),
        "codes_left": queries.recovery_codes_left(user),
    }
    return render(request, "accounts/second_factor_manage.html", context)


@require_POST
@login_required
def renew_codes(request: HttpRequest) -> HttpResponse:
    if not queries.is_enrolled(request.user):
        return redirect("second_factor_manage")
    codes = actions.recovery_codes_renew(actor=request.user, request=request)
    return render(request, "accounts/second_factor_codes.html", {"codes": codes, "next": "/", "new": False})


@require_POST
@login_required
def replace(request: HttpRequest) -> HttpResponse:
    """Change of phone: drop the current authenticator and enrol the new one at once."""
    actions.second_factor_reset(actor=request.user, user=request.user, request=request)
    messages.info(request, _("Scan the new code with the app on your new phone."))
    return redirect("second_factor_setup")
