"""The one list of the project's API v3 routers: wiring, like ``cms/urls.py``.

Besides ``cms/urls.py`` this is the only module of ``cms`` that imports the content apps. Each
app keeps its router in its own ``api`` module (thin: it parses its listing's filter set, calls
the query module the HTML pages use and shapes the result); this list decides where each one is
mounted and in which order the OpenAPI document shows them. ``cms.apps.CmsConfig.ready()``
installs them once every app is loaded.
"""

from ninja import Router


def project_routers() -> list[tuple[str, Router]]:
    from events.api import events_router, news_router
    from knowledge.api import router as knowledge_router
    from profiles.api import router as profiles_router
    from search.api import router as search_router
    from search.api import topics_router

    return [
        ("/topics/", topics_router),
        ("/profiles/", profiles_router),
        ("/knowledge/", knowledge_router),
        ("/news/", news_router),
        ("/events/", events_router),
        ("/search/", search_router),
    ]


def install() -> None:
    from .v3 import add_router

    for prefix, router in project_routers():
        add_router(prefix, router)
