"""Reception behind the REST API: /api/v1/reception/.

The endpoints live by subject in this package; importing each module registers its operations
on ``router``, in the order the OpenAPI document lists them.
"""

from retorno.reception.api import arrivals, flights, manifests, minors, transport, work  # noqa: I001, F401
from retorno.reception.api.router import router

__all__ = ["router"]
