from django import forms
from django.utils.translation import gettext_lazy as _


class OptOutForm(forms.Form):
    address = forms.CharField(
        label=_("Phone number or email address"),
        max_length=200,
        help_text=_("It will receive no more messages from Retorno. Only a keyed fingerprint of it is kept."),
    )
