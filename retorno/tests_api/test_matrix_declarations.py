"""The matrix covers everything, and an endpoint nobody declared fails with what to declare."""

import pytest

from retorno.accounts.models import User
from retorno.tests_api.matrix import ROLES, Operation, api_operations, declared_permission, model_for, pages


def test_every_operation_and_page_is_in_the_matrix_with_every_role():
    assert len(api_operations()) >= 140 and len(pages()) >= 100
    assert set(ROLES) == {*User.Role.values, "anonymous"}


def test_an_endpoint_that_names_no_permission_must_be_declared():
    def brand_new_report(request):
        return []

    operation = Operation(
        "GET /api/v1/reports/brand-new", "GET", "/api/v1/reports/brand-new", "reports", brand_new_report
    )
    with pytest.raises(LookupError, match=r"declare .*access_expectations\.py, API\['GET /api/v1/reports/brand-new'\]"):
        declared_permission(operation)


def test_a_view_declares_itself_through_its_permission():
    from retorno.accounts.access import permission_required

    @permission_required("reports.view")
    def dashboard(request):
        return None

    assert (
        declared_permission(Operation("reports:dashboard", "GET", "/reports/", "reports", dashboard)) == "reports.view"
    )


def test_an_unknown_path_parameter_must_be_declared():
    with pytest.raises(LookupError, match=r"PATH_PARAMETERS\['reports widget_id'\]"):
        model_for("reports", "widget_id")
