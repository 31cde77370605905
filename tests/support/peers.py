"""The peers' own checks, in one place: stix2-validator, the followthemoney model (strictly: its
``validate`` silently drops what it does not know), a JSON Schema of Google's ClaimReview fields."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jsonschema
from followthemoney import model
from stix2validator import ValidationOptions, validate_string

CLAIMREVIEW_SCHEMA = Path(__file__).resolve().parents[1] / "interop" / "data" / "claimreview.schema.json"


def stix_findings(text: str) -> tuple[list[str], list[str]]:
    """(errors, warnings) of stix2-validator over a bundle's JSON text (STIX 2.1, default checks)."""
    results = validate_string(text, ValidationOptions(version="2.1"))
    errors = [str(e) for e in results.errors]
    if not results.is_valid and not errors:
        errors.append("invalid (no message)")
    return errors, [str(w) for w in results.warnings]


def ftm_problems(entities: Iterable[dict[str, Any]]) -> list[str]:
    """Everything ``ftm validate`` would drop or accept silently: unknown or abstract schema, unknown
    property, a value its type does not accept as is, a missing required property, a reference to an
    entity that is not in the export or whose schema the property's range does not allow."""
    items = list(entities)
    by_id = {e["id"]: e for e in items}
    problems: list[str] = []
    if len(by_id) != len(items):
        problems.append("duplicate entity ids")
    for e in items:
        schema = model.get(e.get("schema", ""))
        if schema is None or schema.abstract:
            problems.append(f"{e['id']}: unknown or abstract schema {e.get('schema')!r}")
            continue
        props = e.get("properties", {})
        for name in sorted(schema.required):
            if not props.get(name):
                problems.append(f"{e['id']}: required property {name!r} missing")
        for name, values in props.items():
            prop = schema.get(name)
            if prop is None:
                problems.append(f"{e['id']}: {schema.name} has no property {name!r}")
                continue
            for value in values:
                if prop.type.clean(value, proxy=None) != value:
                    problems.append(f"{e['id']}: {name}={value!r} is not a clean {prop.type.name}")
                if prop.type.name == "entity":
                    target = by_id.get(value)
                    if target is None:
                        problems.append(f"{e['id']}: {name} -> {value!r} is not in the export")
                    elif prop.range is not None and not model.get(target["schema"]).is_a(prop.range):
                        problems.append(f"{e['id']}: {name} -> {target['schema']} is not a {prop.range.name}")
    return problems


def claimreview_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(CLAIMREVIEW_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def claimreview_errors(reviews: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in claimreview_validator().iter_errors(reviews)]


def claimreview_recommended_errors(review: Any) -> list[str]:
    """Errors against the schema's strictest part: required *and* recommended fields all present."""
    schema = json.loads(CLAIMREVIEW_SCHEMA.read_text(encoding="utf-8"))
    strict = {**schema, "type": "object", "items": None, "$ref": "#/$defs/claimReviewRecommended"}
    del strict["items"]
    validator = jsonschema.Draft202012Validator(strict, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(review)]
