"""The writers table-like datasets share: CSV for spreadsheets and JSON for programs.

Both write one item at a time, so a download is streamed rather than built in memory.
"""

import csv
import datetime
import io
import json
from collections.abc import Iterable

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation

from .registry import Format

# German spreadsheets split at semicolons; the byte order mark makes Excel read UTF-8.
CSV_DELIMITER = ";"
BOM = "\ufeff"
LIST_SEPARATOR = ", "  # several values in one cell (e.g. topics)


def csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(csv_value(one) for one in value)
    if isinstance(value, datetime.datetime):
        return value.isoformat(timespec="minutes")
    return str(value)


def write_csv(dataset, items: Iterable, request) -> Iterable[str]:
    """UTF-8 (with byte order mark), semicolon-separated, a header row of the column names;
    lists are joined by ", "."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    names = [column.name for column in dataset.columns]
    writer.writerow(names)
    yield BOM + buffer.getvalue()
    for item in items:
        buffer.seek(0)
        buffer.truncate()
        row = dataset.row(item, request)
        writer.writerow([csv_value(row.get(name)) for name in names])
        yield buffer.getvalue()


def write_json(dataset, items: Iterable, request) -> Iterable[str]:
    """``{"dataset": slug, "language": …, "items": [{column: value, …}, …]}``."""
    head = {"dataset": dataset.slug, "language": translation.get_language()}
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "items": ['
    separator = ""
    for item in items:
        row = dataset.row(item, request)
        yield separator + json.dumps(row, cls=DjangoJSONEncoder, ensure_ascii=False)
        separator = ", "
    yield "]}\n"


CSV = Format("csv", "CSV", "text/csv", "CSV", write_csv)
JSON = Format("json", "JSON", "application/json", "JSON", write_json, inline=True)
