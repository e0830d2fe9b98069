"""The reception router, mounted at /api/v1/reception/."""

from ninja import Router

router = Router(tags=["reception"])
