"""Pieces every outreach schema module shares."""

from typing import Literal

from ninja import Field, Schema

from retorno.accounts.models import Organisation
from retorno.lib.api import DEPARTMENT_CODE, MUNICIPALITY_CODE

OrgKind = Literal[tuple(Organisation.Kind.values)]
DeptCode = Field(None, description="INE department code, e.g. '09' (Quetzaltenango)", pattern=DEPARTMENT_CODE)
MuniCode = Field(None, description="INE municipality code, e.g. '1215'", pattern=MUNICIPALITY_CODE)


class Created(Schema):
    id: int
