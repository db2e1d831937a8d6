"""The files' test world: the editorial site (tests.editorial) with one user per role, and
documents and images used on live, draft and restricted pages."""

from types import SimpleNamespace

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import TestCase, override_settings

from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import (
    APIToken,
    Collection,
    CollectionViewRestriction,
    Locale,
    Page,
    PageViewRestriction,
    Site,
)

import pytest

from cms.demo.pdf import make_pdf
from tests.cms.factories import ContactPersonFactory, DocumentFactory, ImageFactory
from tests.conftest import translate_page
from tests.editorial.conftest import login, make_user  # noqa: F401
from tests.events.factories import NewsIndexPageFactory, NewsPageFactory
from tests.home.factories import HomePageFactory
from tests.profiles.factories import (
    DistrictProfileIndexPageFactory,
    DistrictProfilePageFactory,
    MunicipalityPageFactory,
)

PHRASE = "Quartiersfonds Kaulbachstraße"
DISK_STORAGE = "django.core.files.storage.FileSystemStorage"


def pdf_bytes(text: str = "Ein Bericht.") -> bytes:
    return make_pdf("Bericht", "Redaktion", [("Kapitel", [text])])


def pdf_upload(name: str = "bericht.pdf", text: str = "Ein Bericht.") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes(text), content_type="application/pdf")


def png_upload(name: str = "foto.png") -> SimpleUploadedFile:
    image = get_test_image_file(filename=name)
    return SimpleUploadedFile(name, image.file.getvalue(), content_type="image/png")


def document(title: str, owner=None, collection=None, text: str = "Ein Bericht.", **kwargs):
    kwargs.setdefault("collection", collection or Collection.get_first_root_node())
    return DocumentFactory(
        title=title,
        uploaded_by_user=owner,
        file__filename=f"{title.lower().replace(' ', '-')}.pdf",
        file__data=pdf_bytes(text),
        **kwargs,
    )


def image(title: str, owner=None, collection=None):
    return ImageFactory(
        title=title,
        uploaded_by_user=owner,
        collection=collection or Collection.get_first_root_node(),
    )


def downloads(*documents) -> list[dict]:
    return [
        {"type": "document", "value": {"document": doc.pk, "title": "", "description": ""}}
        for doc in documents
    ]


def use(page, *, documents=(), hero=None, contacts=(), publish=True):
    """Put files on ``page`` (downloads, hero image, contact persons) and save it: published,
    or for a page that was never published its draft."""
    page = type(page).objects.get(pk=page.pk)
    page.downloads = downloads(*documents)
    page.hero_image = hero
    page.contacts = [{"type": "contact", "value": person.pk} for person in contacts]
    if publish:
        page.save_revision().publish()
    else:
        page.save()
    return page


def bearer(user) -> dict:
    __, plaintext = APIToken.create_token(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


def build_site() -> SimpleNamespace:
    """The editorial test site (as ``tests.editorial.conftest.tree``) and one user per role."""
    german = Locale.objects.get(language_code="de")
    english = Locale.objects.get(language_code="en")
    home = HomePageFactory(parent=Page.get_first_root_node())
    Site.objects.filter(is_default_site=True).update(root_page=home)
    home_en = translate_page(home, english, title="Start page", slug="start-en")
    profiles = DistrictProfileIndexPageFactory(parent=home)
    essen = MunicipalityPageFactory(parent=profiles, title="Essen", ags="05113000")
    dortmund = MunicipalityPageFactory(
        parent=profiles, title="Dortmund", ags="05913000", regierungsbezirk="arnsberg"
    )
    news_index = NewsIndexPageFactory(parent=home)
    tree = SimpleNamespace(
        home=home,
        home_en=home_en,
        german=german,
        profiles=profiles,
        essen=essen,
        dortmund=dortmund,
        katernberg=DistrictProfilePageFactory(parent=essen, title="Katernberg", slug="katernberg"),
        news_index=news_index,
        news=NewsPageFactory(parent=news_index, title="Neue Förderrichtlinie"),
    )
    User = get_user_model()
    from profiles.roles import municipality_group_of

    users = SimpleNamespace(
        anonymous=AnonymousUser(),
        editor=make_user(User, "redaktion", Group.objects.get(name="Redaktion")),
        essen_editor=make_user(User, "essen", municipality_group_of(essen)),
        dortmund_editor=make_user(User, "dortmund", municipality_group_of(dortmund)),
        moderator=make_user(User, "koordination", Group.objects.get(name="Koordinierungsstelle")),
        superuser=make_user(User, "admin", is_superuser=True, is_staff=True, first_name="Admin"),
    )
    return SimpleNamespace(tree=tree, users=users)


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The site, built once per test module inside a transaction that is rolled back at the
    end (each test still runs in its own savepoint). Files are stored on disk, as in
    production: Django's in-memory storage of the tests claims local paths that do not exist,
    so Wagtail's download view could not send its files and its edit views would report them
    missing."""
    disk = override_settings(
        MEDIA_ROOT=tmp_path_factory.mktemp("media"),
        STORAGES={**settings.STORAGES, "default": {"BACKEND": DISK_STORAGE}},
    )
    with disk, django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            built = build_site()
        yield built
        transaction.set_rollback(True)


@pytest.fixture
def world(site, db, django_capture_on_commit_callbacks):
    """The site and its users, without files; ``world.capture`` runs the reference index
    updates (queued until the transaction commits) inside a test."""
    return SimpleNamespace(
        tree=site.tree, users=site.users, capture=django_capture_on_commit_callbacks
    )


def build_files(world) -> SimpleNamespace:
    """Files of every kind of use, uploaded by the editor unless said otherwise:

    * ``live_doc``, ``live_image``: on Katernberg (live, public);
    * ``portrait``: the image of a contact person shown on Katernberg;
    * ``draft_doc``, ``draft_image``: only on a profile that was never published;
    * ``restricted_doc``, ``restricted_image``: only on a live profile behind a login;
    * ``collection_doc``, ``collection_image``: on Katernberg, but in a collection behind a
      login;
    * ``unused_doc``, ``unused_image``: on no page.
    """
    tree, users = world.tree, world.users
    editor = users.editor
    private = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    with world.capture(execute=True):
        f = SimpleNamespace(tree=tree, users=users, private_collection=private)
        f.live_doc = document("Integriertes Handlungskonzept", editor, text=PHRASE)
        f.live_image = image("Zeche Zollverein", editor)
        f.portrait = image("Porträt Quartiersmanagerin", editor)
        f.draft_doc = document("Entwurf Rahmenplan", editor, text=PHRASE)
        f.draft_image = image("Entwurf Foto", editor)
        f.restricted_doc = document("Interne Sitzung", editor, text=PHRASE)
        f.restricted_image = image("Internes Foto", editor)
        f.collection_doc = document(
            "Vertraulicher Vermerk", editor, collection=private, text=PHRASE
        )
        f.collection_image = image("Vertrauliches Foto", editor, collection=private)
        f.unused_doc = document("Ungenutzte Datei", editor, text=PHRASE)
        f.unused_image = image("Ungenutztes Foto", editor)
        f.contact = ContactPersonFactory(name="Stadtteilbüro Katernberg", image=f.portrait)
        use(
            tree.katernberg,
            documents=[f.live_doc, f.collection_doc],
            hero=f.live_image,
            contacts=[f.contact],
        )
        # the collection image is shown on a public page, too: its collection keeps it private
        f.gallery = use(
            DistrictProfilePageFactory(parent=tree.essen, title="Altendorf", slug="altendorf"),
            hero=f.collection_image,
        )
        f.draft = use(
            DistrictProfilePageFactory(
                parent=tree.essen, title="Entwurf", slug="entwurf", live=False
            ),
            documents=[f.draft_doc],
            hero=f.draft_image,
            publish=False,
        )
        f.members_only = use(
            DistrictProfilePageFactory(parent=tree.essen, title="Intern", slug="intern"),
            documents=[f.restricted_doc],
            hero=f.restricted_image,
        )
        PageViewRestriction.objects.create(
            page=f.members_only, restriction_type=PageViewRestriction.LOGIN
        )
    return f


@pytest.fixture(scope="module")
def stock(site, django_db_blocker):
    """``build_files`` once per test module (rolled back with ``site``)."""
    with django_db_blocker.unblock():
        world = SimpleNamespace(
            tree=site.tree, users=site.users, capture=TestCase.captureOnCommitCallbacks
        )
        yield build_files(world)


@pytest.fixture
def files(stock, world):
    return stock
