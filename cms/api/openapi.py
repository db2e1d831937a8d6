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
"""

from functools import wraps

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
    "400": "A malformed request: a body that is not JSON, or a page size above the maximum.",
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
    for operations in paths.values():
        for operation in operations.values():
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
