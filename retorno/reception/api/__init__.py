"""Reception behind the REST API: /api/v1/reception/.

The endpoints live by subject in this package (schemas in ``schemas.py``); importing each module
registers its operations on ``router``.
"""

from retorno.reception.api import arrivals, flights, history, manifests, minors, transport, work  # noqa: F401
from retorno.reception.api.router import router

__all__ = ["router"]
