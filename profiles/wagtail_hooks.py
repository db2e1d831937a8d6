"""Admin additions of the district profiles: the dashboard panel of profiles due for review."""

from wagtail import hooks

from .dashboard import StaleProfilesPanel


@hooks.register("construct_homepage_panels")
def add_stale_profiles_panel(request, panels):
    panels.append(StaleProfilesPanel())
