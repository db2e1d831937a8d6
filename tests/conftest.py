from contextlib import contextmanager, nullcontext

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.core.cache import caches
from django.core.files.storage import default_storage, storages
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import translation
from django.utils.functional import empty

from wagtail.models import Locale, Page, Site

import freezegun
import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms import pagecache, statements
from cms.routing import memory as route_memory
from tests.databases import (
    drop_shared_template,
    migrated_template,
    restore_files,
    run_id,
    shared_template,
    stored_files,
)
from tests.home.factories import HomePageFactory
from tests.scheduling import reorder as reorder_modules

# pytest's own clock (the durations it prints) keeps real time when a test freezes the clock.
freezegun.configure(extend_ignore_list=["_pytest"])


# Tests marked ``postgres`` (``@pytest.mark.postgres(reason="…")``) need PostgreSQL. On SQLite they
# are skipped with their reason. On PostgreSQL (DATABASE_URL, as in CI) they must run: a skipped
# one fails the run, so a suite that silently stopped running there cannot pass. Under
# pytest-xdist the controller sees every worker's reports through pytest_runtest_logreport.
_postgres_skips: list[str] = []  # "node id: reason" of each skipped test marked postgres


def pytest_configure(config):
    # The run's id, set before pytest-xdist starts the workers (they inherit it): they share
    # one demo template (tests.databases.shared_template).
    run_id()


def on_postgresql() -> bool:
    return connection.vendor == "postgresql"


def pytest_collection_modifyitems(config, items):
    reorder_modules(items)  # longest first, the demo's build hidden (tests/scheduling.py)
    if on_postgresql():
        return
    for item in items:
        marker = item.get_closest_marker("postgres")
        if marker is not None:
            reason = marker.kwargs.get("reason", "needs PostgreSQL")
            item.add_marker(pytest.mark.skip(reason=f"PostgreSQL only: {reason}"))


def pytest_runtest_logreport(report):
    if report.skipped and "postgres" in report.keywords and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        _postgres_skips.append(f"{report.nodeid}: {reason}")


def pytest_sessionfinish(session, exitstatus):
    if _is_xdist_worker(session.config) or not on_postgresql():
        return
    drop_the_runs_demo_templates()
    if _postgres_skips and exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.hookimpl(trylast=True)  # after the durations, just above the short summary
def pytest_terminal_summary(terminalreporter, exitstatus, config):
    skipped = _postgres_skips
    if _is_xdist_worker(config) or not on_postgresql() or not skipped:
        return
    terminalreporter.section("tests marked postgres were skipped on PostgreSQL", red=True)
    for line in skipped:
        terminalreporter.line(line, red=True)
    terminalreporter.line(
        f"{len(skipped)} test(s) marked postgres did not run on PostgreSQL: the run fails. They "
        "must run here (CI); remove the skip or the marker.",
        red=True,
        bold=True,
    )


def _is_xdist_worker(config) -> bool:
    return hasattr(config, "workerinput")


@pytest.fixture(scope="module", autouse=True)
def _empty_file_storage():
    """Files live in memory during tests (cms.settings.test); each test module starts with none,
    so stored file names (golden API files) do not depend on which modules ran before in the
    same process (pytest-xdist spreads the modules over processes)."""
    forget_stored_files()


def forget_stored_files():
    storages._storages.pop("default", None)
    default_storage._wrapped = empty


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language: a request leaves the language it
    was served in active in its thread (Django's LocaleMiddleware does not reset it), and a
    test of German labels or messages after one of an English page saw English."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Topic labels, other vocabulary and pages are cached, and each process remembers where
    addresses lead (``cms.routing``); no test may see another test's cache. (Inside a test's
    rolled-back transaction the content version goes back, which never happens between
    committed versions, so the route memory could meet a version twice.)"""
    clear_caches()
    yield
    clear_caches()


def clear_caches():
    for cache in caches.all():
        cache.clear()
    route_memory.clear()
    statements.memory.clear()
    pagecache.forget_database()


def pass_second_factor(sender, request, user, **kwargs):
    """Mark a login's session as verified by a second factor, as django-otp does after a code
    (see cms.accounts): a confirmed TOTP device for the user, its id in the session."""
    device, __ = TOTPDevice.objects.get_or_create(
        user=user, name="tests", defaults={"confirmed": True}
    )
    request.session[DEVICE_ID_SESSION_KEY] = device.persistent_id


@pytest.fixture(autouse=True)
def _logins_pass_the_second_factor(request):
    """Administrators and moderators must give a second factor before the admin lets them in
    (TWO_FACTOR_ENFORCED is on in the test settings). Tests about other things log in with
    ``client.force_login``/``client.login`` or the login form and go straight on; tests of the
    second factor itself are marked ``second_factor`` and log in like everyone else."""
    if request.node.get_closest_marker("second_factor"):
        yield
        return
    user_logged_in.connect(pass_second_factor, dispatch_uid="tests-pass-second-factor")
    yield
    user_logged_in.disconnect(dispatch_uid="tests-pass-second-factor")


@pytest.fixture
def german(db) -> Locale:
    return Locale.objects.get(language_code="de")


@pytest.fixture
def english(db) -> Locale:
    return Locale.objects.get(language_code="en")


def translate_page(page, locale, **values):
    """An English (or other) translation of ``page``, published, with the given field values.

    wagtail-localize's full translation flow is covered by the demo-content tests; page tests
    only need a linked translation, which Wagtail's own copy provides.
    """
    translation = page.copy_for_translation(locale)
    for name, value in values.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def make_home():
    """The German start page as the default site's root."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


@pytest.fixture
def home(german):
    return make_home()


@pytest.fixture
def home_en(home, english):
    return translate_page(home, english, title="Start page", slug="start-en")


def tag(page, *topics):
    """Give a saved page topics and publish it (topics live in the page's cluster until saved)."""
    page.topics.add(*topics)
    page.save_revision().publish()
    return page


@contextmanager
def rolled_back(django_db_blocker):
    """For data a whole test module shares: built once inside a transaction that is rolled back
    at the module's end (each test still runs in its own savepoint)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_use_migrations,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
):
    """pytest-django's ``django_db_setup``, except that on PostgreSQL the migrated, empty test
    database is copied from a template when one exists for these migrations
    (``tests.databases.migrated_template``): the suite's workers and the browser tests migrate
    once per run instead of once each (about 30 s of CPU each). ``--reuse-db``,
    ``--create-db`` and ``--no-migrations`` behave as in pytest-django."""
    from django.test.utils import setup_databases, teardown_databases

    from pytest_django.fixtures import _disable_migrations, _get_databases_for_setup

    if not django_db_use_migrations:
        _disable_migrations()
    keepdb = django_db_keepdb and not django_db_createdb
    aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
    verbosity = request.config.option.verbose
    with django_db_blocker.unblock():
        templated = on_postgresql() and django_db_use_migrations and not keepdb
        with (
            migrated_template(connection.creation._get_test_db_name())
            if templated
            else nullcontext(keepdb)
        ) as copied:
            db_cfg = setup_databases(
                verbosity=verbosity,
                interactive=False,
                aliases=aliases,
                serialized_aliases=serialized_aliases,
                keepdb=copied,  # a copy of the template: nothing to migrate
            )
    yield
    if not django_db_keepdb:
        with django_db_blocker.unblock():
            try:
                teardown_databases(db_cfg, verbosity=verbosity)
            except Exception as exc:
                request.node.warn(
                    pytest.PytestWarning(f"Error when trying to teardown test databases: {exc!r}")
                )


@pytest.fixture(scope="session")
def demo_template(django_db_setup, django_db_blocker):
    """PostgreSQL only: the demo content, loaded once per test run into a template database (a
    copy of the empty test database), with a snapshot of the files it stored. Loading the demo
    takes about a minute; copying the template takes about a second. The workers of a
    pytest-xdist run share the template (tests.databases.shared_template); it is dropped when
    the run ends (``pytest_sessionfinish``)."""
    if connection.vendor != "postgresql":
        yield None
        return

    def build(template):
        call_command("load_demo_content", verbosity=0)
        template.files = stored_files(default_storage)

    with django_db_blocker.unblock():
        template = shared_template(connection.settings_dict["NAME"], build)
        forget_stored_files()  # the module that asked first starts empty too
    yield template


def drop_the_runs_demo_templates() -> None:
    """The process that started the run (the xdist controller, or the only process) drops the
    run's demo template once every worker is done (``pytest_sessionfinish``)."""
    from django.conf import settings as django_settings

    database = django_settings.DATABASES["default"]
    test_database = database.get("TEST", {}).get("NAME") or f"test_{database['NAME']}"
    try:
        drop_shared_template(test_database)
    except Exception as error:  # the server may be gone; the CI's cleanup drops it then
        print(f"could not drop the demo templates of {test_database}: {error}")


@pytest.fixture(scope="module")
def demo_content(_empty_file_storage, demo_template, django_db_blocker):
    """The demo content for one test module: on PostgreSQL a fresh copy of the demo template
    database (and of its files), dropped at the module's end; elsewhere loaded inside a
    transaction that is rolled back at the end. Each test still runs in its own savepoint."""
    if demo_template is None:
        with django_db_blocker.unblock(), transaction.atomic():
            call_command("load_demo_content", verbosity=0)
            yield
            transaction.set_rollback(True)
        return
    with django_db_blocker.unblock(), demo_template.copy() as copy, copy.connected():
        restore_files(default_storage, demo_template.files)
        yield


@pytest.fixture
def demo(demo_content, db):
    return demo_content
