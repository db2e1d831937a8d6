"""``cms.lookups``: membership in a list sent as one array (``in_array``) or read as rows
(``in_rows``); both find the same rows as ``in``, on PostgreSQL and SQLite."""

from django.db import connection

from wagtail.models import Page

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lookup", ["in_array", "in_rows"])
def test_the_same_pages_as_in(home, lookup):
    ids = [*Page.objects.values_list("pk", flat=True), 10**9]  # one id of no page
    found = Page.objects.filter(**{f"pk__{lookup}": ids})
    assert set(found.values_list("pk", flat=True)) == set(
        Page.objects.filter(pk__in=ids).values_list("pk", flat=True)
    )
    assert not Page.objects.filter(**{f"pk__{lookup}": [10**9]}).exists()


@pytest.mark.parametrize("lookup", ["in_array", "in_rows"])
def test_keys_given_as_text_are_converted_by_the_field(home, lookup):
    assert Page.objects.filter(**{f"pk__{lookup}": [str(home.pk)]}).get().pk == home.pk
    assert Page.objects.filter(**{f"pk__{lookup}": [home.pk]}).get().pk == home.pk
    with pytest.raises(ValueError, match="expected a number"):
        list(Page.objects.filter(**{f"pk__{lookup}": ["zwölf"]}))


@pytest.mark.parametrize(
    ("lookup", "postgresql_sql"),
    [("in_array", '"id" = ANY(%s)'), ("in_rows", '"id" = ANY(ARRAY(SELECT unnest(%s)))')],
)
def test_one_parameter_for_the_whole_list(lookup, postgresql_sql):
    sql, params = Page.objects.filter(**{f"pk__{lookup}": [1, 2, 3]}).query.sql_with_params()
    if connection.vendor == "postgresql":
        assert postgresql_sql in sql
        assert [1, 2, 3] in params
    else:
        assert '"id" IN (%s, %s, %s)' in sql


def test_in_selected_takes_the_rows_of_a_slice_once(home):
    # The rows a (sliced, ordered) queryset selects: the same pages as evaluating it first;
    # on PostgreSQL computed once before the statement (an array), not again for every row.
    pages = Page.objects.order_by("-pk")
    first_two = pages.values("pk")[:2]
    found = Page.objects.filter(pk__in_selected=first_two)
    assert set(found.values_list("pk", flat=True)) == set(pages.values_list("pk", flat=True)[:2])
    assert not Page.objects.filter(pk__in_selected=pages.filter(pk=10**9).values("pk")).exists()
    sql = str(found.query)
    if connection.vendor == "postgresql":
        assert '"id" = ANY(ARRAY(SELECT' in sql
    else:
        assert '"id" IN (SELECT' in sql
