"""Make the OpenAPI document say what the API really answers.

Generated operations document their success response only; a client (or a generated SDK)
would not know that bad input is answered with 422, a missing token with 401, a page it may
not see with 404, always as ``application/problem+json``. And Wagtail marks public reads with
a made-up ``AllowAnonymous`` security scheme where OpenAPI says "optional" with an empty
requirement (``{}``). Both are fixed on the generated document, for every operation.

Wagtail's snippet endpoints take the snippet type from the snippet models that declare
``api_fields``; ours declare none (contact persons reach clients inlined in the pages that
show them), so those endpoints accept no type at all (``const: ""``) and are left out of the
document rather than shown as something a client could call.

The bounds every request goes through (``cms.params``: paging, search length, dates) are
declared on the parameters they apply to, and times of day are described as what the API
sends: ``"14:00:00"``, local time without an offset, which OpenAPI's ``format: time`` (an RFC
3339 time *with* offset) does not allow.
"""

from functools import wraps

from django.conf import settings

from cms import params

PROBLEM_SCHEMA = {
    "title": "Problem",
    "description": "An error as RFC 9457 problem details; `errors` names each parameter or "
    "field that could not be used, with its location (`loc`) and a message (`msg`).",
    "type": "object",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {
            "anyOf": [{"type": "array", "items": {"type": "object"}}, {"type": "null"}],
        },
    },
    "required": ["type", "title", "status"],
}
PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
ANONYMOUS_SCHEME = "AllowAnonymous"
RETRY_AFTER = {
    "Retry-After": {
        "description": "Seconds to wait before sending a token again.",
        "schema": {"type": "integer"},
    }
}

ERRORS = {
    "400": "A malformed request: a query string that is not UTF-8 or contains NUL bytes or "
    f"other control characters, a value longer than {params.MAX_VALUE_LENGTH} characters, an "
    f"offset above {params.MAX_OFFSET}, a search of more than {params.MAX_SEARCH_WORDS} words, "
    "a `site` whose port is not a number, a body that is not JSON, or a page size above the "
    "maximum.",
    "401": "No valid bearer token (`Authorization: Bearer <token>`).",
    "403": "The token's user may not do this (e.g. publish without the permission), or the "
    "page is locked while it waits for approval.",
    "404": "Nothing with this id (or relative to this page), or nothing this client may see.",
    "422": "A parameter or field that could not be used: unknown, wrong type, out of range, "
    "an unknown topic slug, a malformed date. Nothing was changed.",
    "429": "Too many invalid bearer tokens from this address: its requests that carry a token "
    "are refused until `Retry-After` seconds have passed (requests without one are not).",
}


def _problem_response(description: str) -> dict:
    return {
        "description": description,
        "content": {"application/problem+json": {"schema": PROBLEM_REF}},
    }


# A time of day as the API sends and accepts it: local time, seconds optional on input.
LOCAL_TIME = {
    "type": "string",
    "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,6})?)?$",
    "description": "local time of day (Europe/Berlin) without offset, e.g. `14:00:00`",
}


def _local_times(node):
    """Replace every ``format: time`` schema (in place, recursively) by :data:`LOCAL_TIME`."""
    if isinstance(node, dict):
        if node.get("type") == "string" and node.get("format") == "time":
            node.pop("format")
            node.update({key: value for key, value in LOCAL_TIME.items() if key not in node})
        for value in node.values():
            _local_times(value)
    elif isinstance(node, list):
        for value in node:
            _local_times(value)


def _schemas_of(parameter: dict) -> list[dict]:
    """The schemas a parameter's value must match: its own, the non-null alternatives of an
    optional one, and the items of a repeatable one."""
    schema = parameter.get("schema", {})
    schemas = [schema, *[option for option in schema.get("anyOf", []) if option.get("type")]]
    return schemas + [item["items"] for item in schemas if isinstance(item.get("items"), dict)]


def _at_most(schema: dict, key: str, bound: int) -> None:
    schema[key] = min(schema.get(key, bound), bound)


def _bound(name: str, location: str, schema: dict, limit_max: int) -> None:
    """What the request guard (``cms.params``) enforces, declared on one schema."""
    kind, value_format = schema.get("type"), schema.get("format")
    if kind == "integer" and location == "query" and name in params.PAGING_PARAMS:
        _at_most(schema, "maximum", params.MAX_OFFSET if name == "offset" else limit_max)
    if kind != "string" or "enum" in schema or "const" in schema:
        return
    if value_format == "date":
        schema.setdefault("pattern", params.DATE_PATTERN)
    elif value_format == "date-time":
        schema.setdefault("pattern", params.DATETIME_PATTERN)
    elif location == "query" and name in params.SITE_PARAMS:
        schema.setdefault("pattern", params.SITE_PATTERN)
        _at_most(schema, "maxLength", params.MAX_VALUE_LENGTH)
    else:
        schema.setdefault("pattern", params.PRINTABLE_PATTERN)
        if location == "query":
            _at_most(schema, "maxLength", params.MAX_VALUE_LENGTH)


def _bound_parameters(operation: dict) -> None:
    """Declare the limits of ``cms.params`` on the parameters they apply to."""
    limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", None) or params.MAX_OFFSET
    for parameter in operation.get("parameters", []):
        location, name = parameter.get("in"), parameter["name"]
        if location not in ("query", "path"):
            continue
        schemas = _schemas_of(parameter)
        for schema in schemas:
            _bound(name, location, schema, limit_max)
        formats = {schema.get("format") for schema in schemas}
        description = parameter.get("description", "")
        notes = []
        if location == "query" and name in params.SEARCH_PARAMS:
            notes.append(f"at most {params.MAX_SEARCH_WORDS} words")
        if formats & {"date", "date-time"} and params.DATE_RANGE_HELP not in description:
            notes.append(params.DATE_RANGE_HELP)
        if "date-time" in formats:
            notes.append("time-zone offsets -14:00 to +14:00")
        if notes:
            parameter["description"] = "; ".join(filter(None, [description, *notes]))


def _unusable(operations: dict) -> bool:
    """An operation with a path parameter that can only be the empty string."""
    return any(
        parameter.get("in") == "path" and parameter.get("schema", {}).get("const") == ""
        for operation in operations.values()
        for parameter in operation.get("parameters", [])
    )


def complete(schema: dict) -> dict:
    """Add the error answers and the optional-auth marker to every operation (in place)."""
    schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    schemes = schema["components"].get("securitySchemes", {})
    schemes.pop(ANONYMOUS_SCHEME, None)
    paths = schema.get("paths", {})
    for path in [path for path, operations in paths.items() if _unusable(operations)]:
        del paths[path]
    _local_times(schema)
    for operations in paths.values():
        for operation in operations.values():
            _bound_parameters(operation)
            security = operation.get("security")
            if security:
                operation["security"] = [
                    {} if ANONYMOUS_SCHEME in requirement else requirement
                    for requirement in security
                ]
            codes = ["400", "422", "404"]  # 404 also for lists relative to a page (child_of)
            if security:
                codes += ["401", "403"]
            codes.append("429")  # any request with a token, see cms.accounts.throttle
            responses = operation.setdefault("responses", {})
            if operation.get("operationId", "").endswith("_find"):
                responses.setdefault("302", {"description": "Found: redirect to the detail URL."})
            for code in codes:
                responses.setdefault(code, _problem_response(ERRORS[code]))
            responses["429"].setdefault("headers", RETRY_AFTER)
    return schema


def install(api) -> None:
    """Post-process every OpenAPI document ``api`` generates."""
    generate = api.get_openapi_schema
    if getattr(generate, "_completed", False):
        return

    @wraps(generate)
    def get_openapi_schema(*args, **kwargs):
        return complete(generate(*args, **kwargs))

    get_openapi_schema._completed = True
    api.get_openapi_schema = get_openapi_schema
