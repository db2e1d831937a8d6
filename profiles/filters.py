"""The facets of the district profiles, declared once for the overview's list, its map and
the API (list and map). Several values of one facet are alternatives (OR); facets narrow
(AND). Every facet keeps its chosen values, also when they match nothing."""

from dataclasses import dataclass

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from cms.listing import FilterSet, Listing, MultipleChoiceFilter, TopicFilter
from cms.querysets import visible
from cms.sortkeys import german_sort_key

from .enums import Programme, Regierungsbezirk, Status
from .queries import by_sort_key, profile_entries


def municipalities(context) -> dict:
    """The listing's municipalities (slug → title), of the caller's ``locale`` (and
    ``index``) among its ``profiles`` (``profiles.models.PROFILES``); without a listing (the
    API's parameter check) those of every language, their page type named lazily as a
    ForeignKey may (the models call this module, so it does not import them). Loaded only to
    check a chosen value: the facet reads the titles with its counts."""
    if "municipalities" not in context:
        if "locale" in context:
            queryset = context["profiles"].municipalities(context["locale"], context.get("index"))
        else:
            queryset = visible(apps.get_model("profiles.MunicipalityPage").objects.all())
        context["municipalities"] = dict(queryset.values_list("slug", "title"))
    return context["municipalities"]


class ProfileFilters(FilterSet):
    status = MultipleChoiceFilter(
        _("Status"),
        field="status",
        choices=Status,
        show_chosen=True,
        unknown=_("unknown value"),
        help_text="`laufend` (running) or `abgeschlossen` (completed)",
    )
    region = MultipleChoiceFilter(
        _("Administrative district"),
        field="region",
        choices=Regierungsbezirk,
        show_chosen=True,
        unknown=_("unknown value"),
        help_text="Regierungsbezirk",
    )
    municipality = MultipleChoiceFilter(
        _("Municipality"),
        field="municipality_slug",
        label_field="municipality_title",
        choices=municipalities,
        show_chosen=True,
        label_key=german_sort_key,
        unknown=_("unknown value"),
        help_text="municipality slug, e.g. `essen`",
    )
    programme = MultipleChoiceFilter(
        _("Programme"),
        field="programme",
        choices=Programme,
        show_chosen=True,
        unknown=_("unknown value"),
        help_text="funding programme",
    )
    topic = TopicFilter(_("Topic"), many=True, show_chosen=True, label_key=german_sort_key)
    # Every profile has exactly one status: the status facet's counts give the total.
    partition = "status"


@dataclass
class ProfileResults:
    """What the overview, its map and the API show: a page of profiles (or all, for the
    map), the facets, the chosen filters and the values that were ignored."""

    listing: Listing
    items: list
    total_unfiltered: int

    @property
    def facets(self):
        return self.listing.facets

    @property
    def filters(self):
        return self.listing.selection

    @property
    def count(self) -> int:
        return self.listing.total

    @property
    def ignored(self) -> list[tuple[str, str]]:
        return [(problem.parameter, problem.value) for problem in self.listing.problems]

    @property
    def ignored_display(self) -> list[str]:
        labels = {f.param: f.label for f in ProfileFilters.declared.values()}
        return [f"{labels.get(name, name)}: {value}" for name, value in self.ignored]


def find_profiles(
    profiles,
    query,
    locale,
    index=None,
    *,
    selection=None,
    page=None,
    per_page=None,
    offset=0,
    limit=None,
    facets=True,
) -> ProfileResults:
    """The profiles (``profiles.models.PROFILES``) filtered by ``query`` (or a parsed
    ``selection``); ``per_page`` or
    ``limit`` page them, without either all matching profiles are returned (the map reads
    them as values instead: ``map_geojson``).
    Queries: the facets with the total and, when something was chosen, the unfiltered total
    (one statement), the page, the topics of the page, the municipalities when one was
    chosen."""
    filterset = ProfileFilters(context={"profiles": profiles, "locale": locale, "index": index})
    if selection is None:
        selection = filterset.parse(query)
    # The stored entries (``cms.listing.stored``): the profiles of ``Profiles.items`` as
    # narrow rows, which the filters, facets and the order read; the profiles shown are loaded
    # by ``items`` again (the visibility rule, the municipality) for the chosen entries only.
    base = ordered_entries(profiles, locale, index)
    load = profiles.stored.pages_of(profiles.items(locale, index))
    statement_key = profiles.stored.statement_key(locale, index)  # what ``base`` is

    if per_page is None and limit is None:
        if facets:
            facet_list = filterset.facets(
                base, selection, stored=profiles.stored, statement_key=statement_key
            )
        else:
            facet_list = []
            profiles.stored.ensure_fresh()
        items = load(filterset.apply(base, selection))
        listing = Listing(items, len(items), facet_list, selection, list(selection.problems))
    else:
        listing = filterset.run(
            base,
            selection,
            page=page,
            per_page=per_page,
            offset=offset,
            limit=limit,
            facets=facets,
            unfiltered_total=facets and not selection.is_empty(),
            stored=profiles.stored,
            load=load,
            statement_key=statement_key,
        )
    entries = profile_entries(listing.items)
    if listing.page is not None:
        listing.page.object_list = entries
    if not facets:
        total = 0
    elif selection.is_empty():
        total = listing.total  # nothing chosen: the unfiltered total is the listing's
    elif listing.total_unfiltered is not None:
        total = listing.total_unfiltered  # counted with the facets
    else:
        total = base.count()
    return ProfileResults(listing=listing, items=entries, total_unfiltered=total)


def map_geojson(profiles, query, locale, index=None, *, selection=None, request=None) -> dict:
    """The map's GeoJSON: every profile (``profiles.models.PROFILES``) matching ``query`` (or
    a parsed ``selection``), without facets, from a values query (``Profiles.geojson``)."""
    filterset = ProfileFilters(context={"profiles": profiles, "locale": locale, "index": index})
    if selection is None:
        selection = filterset.parse(query)
    # Every matching profile, read as values from the profiles' own query: the stored
    # entries would only narrow it by a join (100,000 pages, running profiles: 165 -> 216 ms).
    return profiles.geojson(filterset.apply(profiles.items(locale, index), selection), request)


def ordered_entries(profiles, locale, index=None):
    """The stored entries of the profiles in the order of ``Profiles.items`` (German order of
    municipality and title)."""
    return profiles.stored.entries(locale, index).order_by(
        by_sort_key("municipality_sort"), by_sort_key("sort_title"), "pk"
    )
