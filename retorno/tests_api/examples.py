"""A small valid request for an OpenAPI operation: path filled from the demo, required query
parameters and a body with every required field, so a refusal comes from the permission check
rather than from validation."""

import json
import re

from django.core.files.uploadedfile import SimpleUploadedFile


def _resolve(schema: dict, doc: dict) -> dict:
    while "$ref" in schema:
        name = schema["$ref"].split("/")[-1]
        schema = doc["components"]["schemas"][name]
    return schema


def example(schema: dict, doc: dict, world=None, app: str = "", name: str = "", depth: int = 0):
    schema = _resolve(schema, doc)
    if depth > 6:
        return None
    for key in ("anyOf", "oneOf"):
        if key in schema:
            options = [o for o in schema[key] if _resolve(o, doc).get("type") != "null"]
            return example(options[0], doc, world, app, name, depth + 1) if options else None
    if "allOf" in schema:
        merged = {}
        for part in schema["allOf"]:
            merged |= _resolve(part, doc)
        schema = merged
    if "enum" in schema:
        return schema["enum"][0]
    if "const" in schema:
        return schema["const"]
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        props = schema.get("properties", {})
        return {
            key: example(props[key], doc, world, app, key, depth + 1)
            for key in schema.get("required", [])
            if key in props
        }
    if kind == "array":
        item = example(schema.get("items", {}), doc, world, app, name, depth + 1)
        return [item] * max(schema.get("minItems", 0), 1 if item is not None else 0)
    if kind == "integer":
        if world is not None and name.endswith("_id"):
            try:
                return world.id_for(app, name)
            except LookupError:
                pass
        return max(schema.get("minimum", 1), 1)
    if kind == "number":
        return max(schema.get("minimum", 1), 1)
    if kind == "boolean":
        return False
    if kind == "string":
        fmt = schema.get("format", "")
        if fmt == "date":
            return "2026-03-02"
        if fmt == "date-time":
            return "2026-03-02T10:00:00-06:00"
        if fmt == "email":
            return "someone@example.org"
        if fmt == "binary":
            return SimpleUploadedFile("file.csv", b"a;b\n1;2\n", content_type="text/csv")
        pattern = schema.get("pattern", "")
        digits = re.fullmatch(r"\^\[0-9\]\{(\d+)\}\$", pattern)
        if digits:
            return "0101"[: int(digits.group(1))] if int(digits.group(1)) <= 4 else "1" * int(digits.group(1))
        return "x" * max(schema.get("minLength", 1), 1)
    return None


def request_for(operation, doc: dict, world) -> dict:
    """Keyword arguments for ``Client.generic``-style calls: path, data, content_type."""
    spec = operation.spec
    path = world.fill(operation.app, operation.path)
    query = {
        p["name"]: example(p.get("schema", {}), doc, world, operation.app, p["name"])
        for p in spec.get("parameters", [])
        if p.get("in") == "query" and p.get("required")
    }
    if query:
        from urllib.parse import urlencode

        path += "?" + urlencode(query)
    content = (spec.get("requestBody") or {}).get("content", {})
    if "application/json" in content:
        body = example(content["application/json"]["schema"], doc, world, operation.app)
        return {"path": path, "data": json.dumps(body), "content_type": "application/json"}
    if "multipart/form-data" in content:
        schema = _resolve(content["multipart/form-data"]["schema"], doc)
        data = example(schema, doc, world, operation.app) or {}
        return {"path": path, "data": data, "multipart": True}
    return {"path": path}
