"""A FilterSet as django-ninja query parameters.

:func:`query_schema` turns a FilterSet's declaration into a ninja ``Schema``: one field per
URL parameter, documented with the filter's own JSON schema (enums from the models'
``TextChoices``, year and date bounds, patterns) and description. The values are not
validated a second time by pydantic: after ninja has collected them, the schema runs the
FilterSet's parser — the one the HTML pages and feeds use — and answers 422 naming every
parameter it could not use. The handler receives the parsed selection as
``filters.selection``, never ``request.GET``.
"""

from typing import Annotated, Any

from ninja import Field, Schema
from ninja.errors import ValidationError
from pydantic import PlainValidator, PrivateAttr, WithJsonSchema, create_model, model_validator

from .filterset import FilterSet, Selection


def _raw(value: Any) -> Any:
    return value


class FilterQuery(Schema):
    """Base of the generated schemas: parse with the FilterSet, 422 on problems."""

    _selection: Selection | None = PrivateAttr(default=None)
    __filterset__ = FilterSet

    __typed_params__: frozenset = frozenset()

    @model_validator(mode="after")
    def _parse(self):
        raw, errors = {}, []
        for name, info in type(self).model_fields.items():
            value = getattr(self, name)
            param = info.alias or name
            values = value if isinstance(value, list) else [value]
            if "" in values and param in self.__typed_params__:
                # The document promises a date, a number or a listed value: "" is none of them
                # (a web form's empty field means "any", the API's client sends nothing).
                errors.append(_error(param, "an empty value", ""))
            if value in (None, [], ""):
                continue
            raw[param] = value
        selection = self.__filterset__().parse(raw)
        errors += [_error(p.parameter, p.reason, p.value) for p in selection.problems]
        if errors:
            raise ValidationError(errors)
        self._selection = selection
        return self

    @property
    def selection(self) -> Selection:
        return self._selection


def _error(parameter: str, reason: str, value: str) -> dict:
    return {"type": "value_error", "loc": ["query", parameter], "msg": f"{reason}: {value!r}"}


def _typed(schema: dict) -> bool:
    return bool({"format", "pattern", "enum"} & set(schema)) or schema.get("type") != "string"


def query_schema(filterset: type[FilterSet]) -> type[FilterQuery]:
    """The ninja query schema of ``filterset`` (made once per FilterSet class)."""
    if filterset.__dict__.get("_schema") is not None:
        return filterset._schema
    fields, typed = {}, set()
    for declared in filterset.declared.values():
        for param in declared.params:
            schema = declared.json_schema(param)
            if _typed(schema):
                typed.add(param)
            description = schema.pop("description", "") or declared.help_text
            if declared.many:
                annotation = Annotated[
                    list[str], PlainValidator(_raw), WithJsonSchema(_array(schema))
                ]
                default = Field(default_factory=list, alias=param, description=description)
            else:
                annotation = Annotated[str | None, PlainValidator(_raw), WithJsonSchema(schema)]
                default = Field(None, alias=param, description=description)
            fields[_field_name(param)] = (annotation, default)
    model = create_model(
        f"{filterset.__name__}Query",
        __base__=FilterQuery,
        __module__=filterset.__module__,
        **fields,
    )
    model.__filterset__ = filterset
    model.__typed_params__ = frozenset(typed)
    filterset._schema = model
    return model


def _array(schema: dict) -> dict:
    return {"type": "array", "items": schema}


def _field_name(param: str) -> str:
    return f"{param}_" if param in {"from", "to", "in", "type"} else param


def documented_params(filterset: type[FilterSet]) -> dict[str, dict]:
    """Parameter name → the schema the filter declares (for the drift test)."""
    result = {}
    for declared in filterset.declared.values():
        for param in declared.params:
            schema = declared.json_schema(param)
            schema.pop("description", None)
            result[param] = _array(schema) if declared.many else schema
    return result


__all__ = ["FilterQuery", "documented_params", "query_schema"]
