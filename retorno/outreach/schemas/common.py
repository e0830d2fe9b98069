"""Pieces every outreach schema module shares."""

from typing import Literal

from ninja import Field, Schema

from retorno.accounts.models import Organisation

OrgKind = Literal[tuple(Organisation.Kind.values)]
DeptCode = Field(None, description="INE department code, e.g. '09' (Quetzaltenango)", max_length=2)
MuniCode = Field(None, description="INE municipality code, e.g. '1215'", max_length=4)


class Created(Schema):
    id: int
