"""Middleware of the core."""

import json
import re

from django.conf import settings
from django.http import HttpResponseBadRequest, JsonResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)

from cms import params

# URLs outside the language prefixes; a 404 there is a real 404, not a missing /de/.
UNPREFIXED_PATHS = (
    "/api/",
    "/admin/",
    "/documents/",
    "/static/",
    "/media/",
    "/sitemap.xml",
    "/daten/",
)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except that it leaves the API, admin and files alone.

    Django redirects any unknown address without a language prefix to "/de/…" (Wagtail's
    catch-all makes every such path look valid). For "/ueber-uns/" that helps visitors with old
    links; for "/api/v2/pages/999/" it would answer an API client's 404 with a redirect to an
    HTML page.
    """

    def process_response(self, request, response):
        if request.path_info.startswith(UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)


class ApiCachingMiddleware:
    """Caching headers for the APIs' successful reads, and 304 answers to conditional requests.

    Anonymous reads are public: ``Cache-Control: public, max-age=API_CACHE_SECONDS`` and an ETag
    over the body, so a client or proxy revalidates with ``If-None-Match`` and gets a 304 without
    a body. Reads with a token may include drafts and are marked private. Wagtail's API v3 sets
    none of these headers itself.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method not in ("GET", "HEAD")
            or not request.path_info.startswith("/api/")
            or response.status_code != 200
            or response.streaming
        ):
            return response
        if "HTTP_AUTHORIZATION" in request.META:
            patch_cache_control(response, private=True, no_cache=True)
        else:
            patch_cache_control(response, public=True, max_age=settings.API_CACHE_SECONDS)
        patch_vary_headers(response, ["Accept-Language", "Authorization"])
        if not response.has_header("ETag"):
            set_response_etag(response)
        return get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=None,
            response=response,
        )


class ApiJsonObjectMiddleware:
    """API writes send one JSON object; anything else (a list, a string) gets a 422 problem.

    Wagtail's v3 body parsing assumes an object and fails with a server error on ``[null]``;
    this answers before it runs. A body that is not JSON at all is left to the API, which
    answers 400. Likewise an update of ``/pages/<id>/`` whose id is not a number: Wagtail looks
    the page up before it validates the path (a server error).
    """

    WRITE_METHODS = ("POST", "PUT", "PATCH")
    PAGE_UPDATE = re.compile(r"^/api/v3/pages/(?P<page_id>[^/]+)/$")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        update = self.PAGE_UPDATE.match(request.path_info)
        if (
            request.method in ("PUT", "PATCH")
            and update
            and not update["page_id"].isdecimal()
            and update["page_id"] != "find"
        ):
            return JsonResponse(
                {
                    "type": "about:blank",
                    "title": "Unprocessable Entity",
                    "status": 422,
                    "detail": "Validation failed",
                    "errors": [
                        {
                            "type": "int_parsing",
                            "loc": ["path", "page_id"],
                            "msg": "Input should be a valid integer",
                        }
                    ],
                },
                status=422,
                content_type="application/problem+json",
            )
        if (
            request.method in self.WRITE_METHODS
            and request.path_info.startswith("/api/v3/")
            and request.content_type == "application/json"
            and request.body
        ):
            try:
                body = json.loads(request.body)
            except ValueError:
                body = {}
            if not isinstance(body, dict):
                return JsonResponse(
                    {
                        "type": "about:blank",
                        "title": "Unprocessable Entity",
                        "status": 422,
                        "detail": "The request body must be a JSON object.",
                        "errors": [
                            {
                                "type": "model_type",
                                "loc": ["body"],
                                "msg": f"expected a JSON object, got {type(body).__name__}",
                            }
                        ],
                    },
                    status=422,
                    content_type="application/problem+json",
                )
        return self.get_response(request)


class QueryGuardMiddleware:
    """Refuse, with 400, requests whose address no view can use (``cms.params``): a query
    string that is not UTF-8, NUL bytes or control characters, oversized values, offsets
    beyond the database's integers, searches too long to parse.

    It runs before every view, Wagtail's and Django REST framework's included, so none of them
    meets such input. API clients get a problem document naming the parameters; visitors a
    page that says in German (and English) what was wrong with the address.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        problems = params.request_problems(request)
        if not problems:
            return self.get_response(request)
        if request.path_info.startswith("/api/"):
            return self.problem_response(problems)
        with translation.override("de"):
            reasons = [str(problem) for problem in problems]
        return HttpResponseBadRequest(render_to_string("400.html", {"reasons": reasons}))

    @staticmethod
    def problem_response(problems) -> JsonResponse:
        with translation.override("en"):
            errors = [
                {
                    "type": "value_error",
                    "loc": [problem.location, problem.parameter][: 2 if problem.parameter else 1],
                    "msg": problem.reason,
                }
                for problem in problems
            ]
            detail = "The request's address cannot be used: " + "; ".join(map(str, problems))
        return JsonResponse(
            {
                "type": "about:blank",
                "title": "Bad Request",
                "status": 400,
                "detail": detail,
                "errors": errors,
                "message": detail,  # where API v2 clients look for the reason
            },
            status=400,
            content_type="application/problem+json",
        )
