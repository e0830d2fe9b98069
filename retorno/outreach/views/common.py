"""Outreach pages use the project's form idioms (``retorno.lib.views``)."""

from retorno.lib.views import form_errors_to, form_page, post_back

__all__ = ["form_errors_to", "form_page", "post_back"]
