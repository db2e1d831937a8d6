"""The accessibility statement (BITV 2.0 § 7): page type, barrier list, feedback form."""

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest
from freezegun import freeze_time

from home.accessibility import MIN_SECONDS, SIGNER
from home.models import AccessibilityFeedback, AccessibilityStatementPage
from tests.cms.factories import DocumentFactory, SiteSettingsFactory
from tests.conftest import translate_page
from tests.files.conftest import pdf_bytes
from tests.files.test_pdf_accessibility import tagged_pdf
from tests.home.factories import AccessibilityStatementPageFactory, ContentPageFactory

pytestmark = pytest.mark.django_db

OFFICE = "koordination@example.org"


@pytest.fixture
def statement(home):
    SiteSettingsFactory(email=OFFICE)
    return AccessibilityStatementPageFactory(parent=home)


def issued_long_ago() -> str:
    with freeze_time("2026-12-01 08:00:00"):
        value = SIGNER.sign("feedback")
    return value


def form_data(**changes) -> dict:
    data = {
        "name": "Erika Mustermann",
        "email": "erika@example.org",
        "page_url": "/de/stadtteilprofile/",
        "message": "Die Karte lässt sich mit der Tastatur nicht verschieben.",
        "website": "",
        "issued": issued_long_ago(),
    }
    data.update(changes)
    return data


@pytest.fixture
def now():
    with freeze_time("2026-12-01 08:10:00"):
        yield


# --- model -------------------------------------------------------------------------------------


def test_one_statement_per_language(home, home_en, statement):
    assert not AccessibilityStatementPage.can_create_at(home)
    assert AccessibilityStatementPage.can_create_at(home_en)
    other = ContentPageFactory(parent=home)
    assert not AccessibilityStatementPage.can_create_at(other)


def offer(page, *documents):
    item = {"title": "", "description": ""}
    page.body = [
        {
            "type": "downloads",
            "value": {"heading": "", "items": [{**item, "document": d.pk} for d in documents]},
        }
    ]
    page.save_revision().publish()


def test_barrier_documents_are_the_visible_pdfs_that_fail_the_check(home, statement):
    untagged = DocumentFactory(title="Alt", file__filename="alt.pdf", file__data=pdf_bytes())
    tagged = DocumentFactory(title="Neu", file__filename="neu.pdf", file__data=tagged_pdf())
    DocumentFactory(title="Unbenutzt", file__filename="x.pdf", file__data=pdf_bytes())
    hidden = DocumentFactory(title="Intern", file__filename="y.pdf", file__data=pdf_bytes())
    offer(ContentPageFactory(parent=home, slug="material"), untagged, tagged)
    private = ContentPageFactory(parent=home, slug="intern")
    offer(private, hidden)
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    assert list(statement.barrier_documents()) == [untagged]


# --- rendered page -----------------------------------------------------------------------------


def test_statement_renders_status_barriers_contact_form_and_enforcement(client, statement, now):
    response = client.get(statement.url)
    assert response.status_code == 200
    html = response.text
    assert "<h1>Erklärung zur Barrierefreiheit</h1>" in html
    assert 'datetime="2026-11-16"' in html
    assert "Die Karte ist nur teilweise barrierefrei." in html
    assert f"mailto:{OFFICE}" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="issued"' in html
    assert 'aria-hidden="true"' in html  # the honeypot
    assert "Ombudsstelle für barrierefreie Informationstechnik NRW" in html


def test_statement_is_linked_from_every_footer_when_chosen(client, home, statement):
    SiteSettingsFactory(footer_pages=[statement])
    other = ContentPageFactory(parent=home)
    footer = client.get(other.url).text.split("<footer")[1]
    assert f'href="{statement.url}"' in footer


# --- feedback ----------------------------------------------------------------------------------


def test_feedback_is_stored_mailed_and_confirmed(client, statement, now):
    response = client.post(statement.url, form_data())

    assert response.status_code == 302
    assert response["Location"] == statement.url + "danke/"
    feedback = AccessibilityFeedback.objects.get()
    assert feedback.statement == statement.page_ptr.specific
    assert feedback.message.startswith("Die Karte")
    assert feedback.language == "de"
    office, confirmation = mail.outbox
    assert office.to == [OFFICE]
    assert "Die Karte lässt sich mit der Tastatur nicht verschieben." in office.body
    assert "erika@example.org" in office.body
    assert confirmation.to == ["erika@example.org"]
    assert statement.url.rstrip("/") in confirmation.body

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert 'role="status"' in thanks.text


def test_without_an_address_no_confirmation_is_sent(client, statement, now):
    response = client.post(statement.url, form_data(email=""))
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [[OFFICE]]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"message": ""}, "message"),
        ({"email": "keine-adresse"}, "email"),
        ({"message": "x" * 5001}, "message"),
        ({"website": "http://spam.example"}, "website"),
        ({"issued": "gefälscht"}, "issued"),
        ({"issued": ""}, "issued"),
    ],
    ids=["empty", "bad-email", "too-long", "honeypot", "forged-stamp", "no-stamp"],
)
def test_invalid_or_spam_feedback_is_refused_and_nothing_happens(
    client, statement, now, changes, field
):
    response = client.post(statement.url, form_data(**changes))
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert 'role="alert"' in response.text
    assert not AccessibilityFeedback.objects.exists()
    assert mail.outbox == []


def test_a_form_sent_within_seconds_of_being_shown_is_refused(client, statement):
    with freeze_time("2026-12-01 08:00:00") as clock:
        issued = SIGNER.sign("feedback")
        clock.tick(MIN_SECONDS - 1)
        response = client.post(statement.url, form_data(issued=issued))
    assert response.status_code == 400
    assert "issued" in response.context["form"].errors
    assert not AccessibilityFeedback.objects.exists()


def test_an_expired_form_is_refused(client, statement):
    with freeze_time("2026-12-03 08:00:01"):
        response = client.post(statement.url, form_data())
    assert response.status_code == 400
    assert not AccessibilityFeedback.objects.exists()


def test_too_many_messages_from_one_address_are_refused(client, statement, now, settings):
    settings.ACCESSIBILITY_FEEDBACK_PER_HOUR = 2
    assert [client.post(statement.url, form_data()).status_code for _ in range(3)] == [
        302,
        302,
        400,
    ]
    assert AccessibilityFeedback.objects.count() == 2


def test_a_mail_server_that_is_down_loses_no_feedback(client, statement, now, settings):
    settings.EMAIL_BACKEND = "tests.home.test_accessibility_statement.BrokenBackend"
    response = client.post(statement.url, form_data())
    assert response.status_code == 302
    assert AccessibilityFeedback.objects.count() == 1


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise OSError("connection refused")


def test_english_statement_stores_its_language(client, statement, home_en, now):
    english = translate_page(statement, home_en.locale, title="Accessibility statement")
    response = client.post(english.url, form_data())
    assert response.status_code == 302
    assert AccessibilityFeedback.objects.get().language == "en"


def test_the_statement_page_is_never_served_from_the_page_cache(client, statement, settings):
    settings.PAGE_CACHE_SECONDS = 600
    first = client.get(statement.url)
    second = client.get(statement.url)
    assert second.get("X-Cache") != "HIT"
    assert first.status_code == second.status_code == 200


# --- API and admin -----------------------------------------------------------------------------


def test_api_shows_the_statement_fields(client, statement):
    data = client.get(f"/api/v2/pages/{statement.pk}/").json()
    assert data["meta"]["type"] == "home.AccessibilityStatementPage"
    assert data["conformance"] == "teilweise"
    assert data["last_reviewed"] == "2026-11-16"
    assert "Ombudsstelle" in data["enforcement"]


def test_feedback_is_listed_for_administrators_and_cannot_be_edited(admin_client, statement):
    feedback = AccessibilityFeedback.objects.create(
        statement=statement, message="Kontrast zu gering", language="de"
    )
    index = admin_client.get(reverse("accessibility_feedback:index"))
    assert index.status_code == 200
    assert (
        "Kontrast zu gering"
        in admin_client.get(reverse("accessibility_feedback:inspect", args=(feedback.pk,))).text
    )
    assert admin_client.get(reverse("accessibility_feedback:add")).status_code in (302, 403)
    edit = admin_client.post(
        reverse("accessibility_feedback:edit", args=(feedback.pk,)),
        {"message": "geändert"},
    )
    assert edit.status_code in (302, 403)
    feedback.refresh_from_db()
    assert feedback.message == "Kontrast zu gering"


def test_editors_without_permission_see_no_feedback(client, statement):
    editor = get_user_model().objects.create_user("redaktion", password="x" * 16)
    editor.user_permissions.add(
        *__import__(
            "django.contrib.auth.models", fromlist=["Permission"]
        ).Permission.objects.filter(codename="access_admin")
    )
    client.force_login(editor)
    response = client.get(reverse("accessibility_feedback:index"))
    assert response.status_code in (302, 403)
