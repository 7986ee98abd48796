"""Whose site this is: the owner's name in the header, a line on the home page, the About page
with its structured data, and the site's name while there is no owner."""

import io
import json
import re

import PIL.Image
import pytest
from django.core.files.base import ContentFile

from images.models import Image
from tests.factories import AuthorFactory, ColumnFactory, MentionFactory, OutletFactory
from tests.public_site import text

pytestmark = pytest.mark.django_db


def json_ld(html):
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(found.group(1))


def portrait():
    buffer = io.BytesIO()
    PIL.Image.new("RGB", (60, 80), "#777777").save(buffer, "PNG")
    return Image.objects.create(
        alt="Jane Roe in 2024", file=ContentFile(buffer.getvalue(), name="jane.png")
    )


@pytest.fixture
def owner():
    return AuthorFactory(
        name="Jane Roe",
        slug="jane-roe",
        is_owner=True,
        bio="Jane Roe studies ports and power.",
        about="Jane has written on shipping since 2009.\n\nShe lives in Hull.",
        profile_links="https://uni.example/jane\nhttps://mastodon.example/@jane",
        contact_email="jane@example.org",
        fediverse_handle="@jane@mastodon.example",
        photo=portrait(),
    )


def test_the_header_names_the_owner_and_links_the_about_page(client, owner):
    html = text(client.get("/archive/"))
    assert '<p class="site-name"><a href="/">Jane Roe</a></p>' in html
    assert "<title>Archive · Jane Roe</title>" in html
    assert '<a href="/about/">About</a>' in html


def test_without_an_owner_the_site_keeps_its_name_and_has_no_about_page(client, settings):
    settings.SITE_NAME = "Columnist"
    html = text(client.get("/archive/"))
    assert '<p class="site-name"><a href="/">Columnist</a></p>' in html
    assert 'href="/about/"' not in html
    assert client.get("/about/").status_code == 404


def test_the_home_page_says_in_one_line_who_the_owner_is(client, owner):
    ColumnFactory.create_batch(11, bylines=[owner])
    html = text(client.get("/"))
    assert (
        '<p class="who">Jane Roe studies ports and power. '
        '<a href="/about/">More about Jane Roe</a></p>'
    ) in html
    assert '<p class="who">' not in text(client.get("/", {"page": 2}))


def test_about_page_has_the_long_bio_photo_outlets_and_where_to_follow(client, owner):
    paper, weekly = OutletFactory(name="The Paper"), OutletFactory(name="The Weekly")
    ColumnFactory.create_batch(2, outlet=paper, bylines=[owner])
    ColumnFactory(outlet=weekly, bylines=[owner])
    ColumnFactory(outlet=OutletFactory(name="Not Hers"), bylines=[AuthorFactory()])
    ColumnFactory(outlet=weekly, bylines=[owner], status="draft")
    MentionFactory()
    html = text(client.get("/about/"))
    assert "<h1>About Jane Roe</h1>" in html
    assert "<p>Jane has written on shipping since 2009.</p>\n\n<p>She lives in Hull.</p>" in html
    assert re.search(
        r'<img class="portrait" src="/media/images/[^"]+" alt="Jane Roe in 2024"', html
    )
    # The outlets she writes for, most columns first, counting public columns of hers only.
    assert re.search(r"The Paper</a> <span class=\"meta\">2 columns.*The Weekly</a> <span "
                     r'class="meta">1 column<', html, re.S)  # fmt: skip
    assert "Not Hers" not in html
    # Feeds visibly linked, other profiles as rel=me links, the handle and the address.
    assert '<a href="/feed/">Atom</a> or <a href="/feed/rss/">RSS</a>' in html
    assert '<a href="/in-the-media/feed/">Atom</a>' in html
    assert '<a href="https://mastodon.example/@jane" rel="me">' in html
    assert "@jane@mastodon.example" in html
    assert '<a href="mailto:jane@example.org">jane@example.org</a>' in html


def test_about_and_author_pages_say_who_the_person_is_to_search_engines(client, owner):
    ColumnFactory(bylines=[owner])
    for url in ("/about/", "/author/jane-roe/"):
        data = json_ld(text(client.get(url)))
        assert data["@type"] == "ProfilePage"
        person = data["mainEntity"]
        assert person["name"] == "Jane Roe"
        assert person["url"] == "http://testserver/author/jane-roe/"
        assert person["sameAs"] == ["https://uni.example/jane", "https://mastodon.example/@jane"]
        assert person["image"].startswith("http://testserver/media/images/")


def test_a_profile_link_that_is_not_http_is_never_printed(client, owner):
    # The form refuses it; a bulk write or an old row might not have.
    type(owner).objects.filter(pk=owner.pk).update(
        profile_links="javascript:alert(1)\nhttps://ok.example/"
    )
    html = text(client.get("/about/"))
    assert "javascript:" not in html and 'href="https://ok.example/"' in html


def test_an_owner_with_only_a_name_gets_a_plain_about_page(client):
    AuthorFactory(name="Sam Doe", is_owner=True, bio="")
    html = text(client.get("/about/"))
    assert "<h1>About Sam Doe</h1>" in html
    assert "Writes for" not in html and "Contact" not in html
    assert '<a href="/feed/">Atom</a>' in html
    assert "sameAs" not in html
