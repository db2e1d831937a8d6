"""Cache invalidation for data that nearly every page reads."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Locale

from cms.localization import LOCALE_IDS_CACHE_KEY
from cms.models.topics import Topic, TopicLabel, clear_topic_translations_cache


@receiver([post_save, post_delete], sender=Topic)
@receiver([post_save, post_delete], sender=TopicLabel)
def topic_vocabulary_changed(**kwargs):
    clear_topic_translations_cache()


@receiver([post_save, post_delete], sender=Locale)
def locales_changed(**kwargs):
    cache.delete(LOCALE_IDS_CACHE_KEY)
