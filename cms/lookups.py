"""``field__in_array=[...]``: membership in a list passed as one array parameter (PostgreSQL).

``field__in=[...]`` with thousands of values builds a statement with a placeholder per value;
composing and parsing it costs more than running it. ``= ANY(%s)`` sends the list as one
array. Other databases get the usual ``IN``.
"""

from django.db.models import Field, ForeignObject, Lookup


class InArray(Lookup):
    lookup_name = "in_array"
    prepare_rhs = False

    def get_db_prep_lookup(self, value, connection):
        prep = self.lhs.output_field.get_db_prep_value
        return ("%s", [[prep(item, connection, prepared=False) for item in value]])

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


Field.register_lookup(InArray)
ForeignObject.register_lookup(InArray)  # foreign keys, and the parent link of page types
