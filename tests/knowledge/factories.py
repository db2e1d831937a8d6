import datetime

import factory
import wagtail_factories

from knowledge.models import (
    KnowledgeIndexPage,
    PublicationContributor,
    PublicationPage,
    WorkshopPage,
    WorkshopSeriesPage,
)
from tests.cms.factories import DefaultParent, child_page
from tests.home.factories import site_home


def knowledge_index():
    return child_page(site_home(), KnowledgeIndexPageFactory)


class KnowledgeIndexPageFactory(wagtail_factories.PageFactory):
    parent = DefaultParent(site_home)
    title = "Wissen & Publikationen"
    slug = "wissen"

    class Meta:
        model = KnowledgeIndexPage


class WorkshopSeriesPageFactory(wagtail_factories.PageFactory):
    parent = DefaultParent(knowledge_index)
    title = "Werkstattreihe Sozialraumorientierung"
    slug = factory.Sequence(lambda n: f"werkstattreihe-{n}")
    period_start = datetime.date(2017, 6, 1)
    period_end = datetime.date(2019, 3, 31)
    organiser = "Städtenetz Soziale Stadt NRW"
    documented_by = "Büro STADTRAUMKONZEPT"

    class Meta:
        model = WorkshopSeriesPage


class WorkshopPageFactory(wagtail_factories.PageFactory):
    parent = DefaultParent(lambda: child_page(knowledge_index(), WorkshopSeriesPageFactory))
    title = factory.Sequence(lambda n: f"Werkstatt {n}")
    slug = factory.Sequence(lambda n: f"werkstatt-{n}")
    date = datetime.date(2018, 4, 19)
    host_city = "Wuppertal"
    theme = "Beteiligung und Aktivierung"

    class Meta:
        model = WorkshopPage


class PublicationPageFactory(wagtail_factories.PageFactory):
    parent = DefaultParent(knowledge_index)
    title = factory.Sequence(lambda n: f"Publikation {n}")
    slug = factory.Sequence(lambda n: f"publikation-{n}")
    kind = "dokumentation"
    publication_date = datetime.date(2019, 9, 1)
    publisher = "Städtenetz Soziale Stadt NRW"
    place = "Essen"
    teaser = "Eine Dokumentation."

    class Meta:
        model = PublicationPage


class PublicationContributorFactory(factory.django.DjangoModelFactory):
    name = "Meyer, Margarete"
    role = "author"

    class Meta:
        model = PublicationContributor
