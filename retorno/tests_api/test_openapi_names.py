"""Every API schema has its own name in the OpenAPI document.

Django Ninja names a component after its class: two classes called ``StatusIn`` in two apps
become one component, and one endpoint's document then describes the other's body.
"""

import collections

from ninja import Schema

from retorno.api import api


def _schema_classes(cls=Schema):
    for sub in cls.__subclasses__():
        yield sub
        yield from _schema_classes(sub)


def test_no_two_api_schemas_share_a_name():
    api.get_openapi_schema()  # imports every router and its schemas
    modules_by_name = collections.defaultdict(set)
    for cls in _schema_classes():
        if cls.__module__.startswith("retorno.") and ".tests" not in cls.__module__:
            modules_by_name[cls.__name__].add(cls.__module__)
    shared = {name: sorted(modules) for name, modules in modules_by_name.items() if len(modules) > 1}
    assert shared == {}


def test_every_component_is_in_the_document():
    components = api.get_openapi_schema()["components"]["schemas"]
    assert "ProtectionCaseOut" in components
    assert "CaseOut" in components  # reintegration's
