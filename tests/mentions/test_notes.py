"""A mention's internal note is private by design: no public path shows it, whatever it
holds; the public note is shown wherever the mention is. (Issue 14, item 7.)"""

import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from mentions.models import Mention
from tests.public_site import build_site, public_urls

pytestmark = pytest.mark.django_db

SECRET = "Background briefing, not for attribution"
PUBLIC = "Live two-way on the evening news"


@pytest.fixture
def site():
    built = build_site(columns=2, mentions=2)
    Mention.objects.update(internal_note=SECRET, public_note=PUBLIC)
    for mention in Mention.objects.all():
        mention.save()  # refreshes the search documents, as the admin's save does
    return built


def every_public_address(site):
    column = site["columns"][0]
    return [
        *public_urls().values(),
        "/outlet/reuters/",
        "/feed/",
        "/feed/rss/",
        "/in-the-media/feed/",
        "/in-the-media/feed/rss/",
        "/tag/sco/feed/",
        "/outlet/reuters/feed/",
        "/api/mentions/",
        f"/api/columns/{column.pk}/",
        "/api/columns/",
        "/search/?q=SCO",
        "/search/?q=summit",
        "/search/?q=attribution",
        "/search/?q=briefing&kind=mention",
        "/sitemap.xml",
    ]


@pytest.mark.parametrize("who", ["anonymous", "staff"])
def test_the_internal_note_is_shown_nowhere_public(client, editor_client, site, who):
    reader = client if who == "anonymous" else editor_client
    for address in every_public_address(site):
        response = reader.get(address)
        assert response.status_code == 200, address
        assert SECRET not in response.content.decode(), address


@pytest.mark.parametrize(
    "address", ["/in-the-media/", "/in-the-media/feed/", "/api/mentions/", "/search/?q=summit"]
)
def test_the_public_note_is_shown_with_the_mention(client, site, address):
    assert PUBLIC in client.get(address).content.decode()


def test_search_finds_the_public_note_but_never_the_internal_one(client, site):
    assert "Spoke to Reuters" in client.get("/search/?q=evening").content.decode()
    assert "Spoke to Reuters" not in client.get("/search/?q=attribution").content.decode()


def test_the_export_keeps_the_internal_note_out_of_what_wordpress_shows(tmp_path, site):
    path = tmp_path / "site.xml"
    call_command("export_wxr", str(path), site_url="https://example.org", stdout=io.StringIO())
    xml = path.read_text()
    assert xml.count(f"<content:encoded>{PUBLIC}</content:encoded>") == 2
    # Only in hidden post meta (a key starting with "_"), which WordPress never displays.
    hidden = f"<wp:meta_key>_columnist_internal_note</wp:meta_key><wp:meta_value>{SECRET}"
    assert xml.count(SECRET) == xml.count(hidden) == 2


def test_the_admin_forms_say_which_note_is_which(editor_client, site):
    mention = Mention.objects.first()
    for url in [
        reverse("admin:mentions_mention_change", args=[mention.pk]),
        reverse("admin:mentions_mention_log"),
    ]:
        content = editor_client.get(url).content.decode()
        assert "Internal note (never public)" in content and "Public note" in content
        assert "never shown to readers" in content


def test_an_export_from_before_the_public_note_imports_its_note_as_internal(tmp_path, site):
    """Such an export carried the one note as the post's content: it stays internal."""
    path = tmp_path / "site.xml"
    call_command("export_wxr", str(path), stdout=io.StringIO())
    old_format = re.sub(
        r"<wp:postmeta><wp:meta_key>_columnist_internal_note</wp:meta_key>.*?</wp:postmeta>",
        "",
        path.read_text().replace(PUBLIC, SECRET),
    )
    assert "_columnist_internal_note" not in old_format
    path.write_text(old_format)
    Mention.objects.all().delete()
    call_command("import_wxr", str(path), stdout=io.StringIO())
    assert Mention.objects.count() == 2
    assert set(Mention.objects.values_list("internal_note", "public_note")) == {(SECRET, "")}
