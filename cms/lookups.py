"""``field__in_array=[...]``: membership in a list passed as one array parameter (PostgreSQL).

``field__in=[...]`` with thousands of values builds a statement with a placeholder per value;
composing and parsing it costs more than running it. ``= ANY(%s)`` sends the list as one
array. Other databases get the usual ``IN``.

``field__in_rows=[...]``: the same list, for long lists of ids, as an array that the planner
cannot see into (``= ANY(ARRAY(SELECT unnest(%s)))``, computed once before the statement
runs). Seeing a thousand ids in ``= ANY``, PostgreSQL scans the whole table rather than probe
its index a thousand times (the search's ranked hits among 100,000 pages: 30-50 ms, probed
17-25); as ``IN (SELECT unnest(...))`` the list joins the plan's search, which took 13 ms
longer to plan for a filtered search.

``field__in_selected=queryset``: membership in the rows a queryset selects (often a slice:
``queryset.values("pk")[:10]``), computed once before the statement runs on PostgreSQL
(``= ANY(ARRAY(SELECT ...))``). As ``IN (SELECT ... LIMIT 10)`` PostgreSQL ran the subquery
again for every row it checked (the search's page of results: 1,000 times, 140 ms).
"""

from django.db.models import Field, ForeignObject, IntegerField, Lookup


class InArray(Lookup):
    lookup_name = "in_array"
    prepare_rhs = False

    def get_db_prep_lookup(self, value, connection):
        field = self.lhs.output_field
        prep = field.get_db_prep_value
        # Integer keys are sent as they are; other values (e.g. "12") are converted by the
        # field (1,000 ids through the field: 1-4 ms, five times per search).
        as_is = int if isinstance(getattr(field, "target_field", field), IntegerField) else None
        return (
            "%s",
            [[item if type(item) is as_is else prep(item, connection) for item in value]],
        )

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        __, rhs_params = self.process_rhs(compiler, connection)
        values = rhs_params[0]
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s)", [*lhs_params, values]
        if not values:
            return "1 = 0", []
        placeholders = ", ".join(["%s"] * len(values))
        return f"{lhs} IN ({placeholders})", [*lhs_params, *values]


class InRows(InArray):
    lookup_name = "in_rows"

    def as_sql(self, compiler, connection):
        if connection.vendor != "postgresql":
            return super().as_sql(compiler, connection)
        lhs, lhs_params = self.process_lhs(compiler, connection)
        __, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} = ANY(ARRAY(SELECT unnest(%s)))", [*lhs_params, rhs_params[0]]


class InSelected(Lookup):
    lookup_name = "in_selected"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(ARRAY{rhs})", [*lhs_params, *rhs_params]
        return f"{lhs} IN {rhs}", [*lhs_params, *rhs_params]


for lookup in (InArray, InRows, InSelected):
    Field.register_lookup(lookup)
    ForeignObject.register_lookup(lookup)  # foreign keys, and the parent link of page types
