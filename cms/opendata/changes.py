"""What changed a dataset, in one query: the basis of its ETag, Last-Modified and the
catalogue's modification dates."""

from django.db.models import Count, Max, Subquery
from django.db.models.functions import Coalesce

from wagtail.models import ModelLogEntry, PageLogEntry


def latest_log(model):
    """The newest log entry's time, also for an empty queryset (an aggregate over no rows
    would be NULL, so the subquery is asked again outside the aggregate)."""
    latest = Subquery(model.objects.order_by("-timestamp").values("timestamp")[:1])
    return Coalesce(Max(latest), latest)


def fingerprint(queryset) -> tuple:
    """(number of items, newest publication, newest page log entry, newest log entry of other
    objects such as topics and settings) of a visible queryset, in one query. Unpublishing,
    moving, restricting and deleting pages write log entries, so they change it too."""
    row = queryset.order_by().aggregate(
        count=Count("pk"),
        published=Max("last_published_at"),
        page_log=latest_log(PageLogEntry),
        model_log=latest_log(ModelLogEntry),
    )
    return row["count"], row["published"], row["page_log"], row["model_log"]
