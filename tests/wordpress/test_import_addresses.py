"""Addresses read from an export are absolute http(s) URLs, or dropped, listed and flagged."""

import pytest

from columns.models import Author, Column
from mentions.models import Mention
from outlets.models import Outlet
from tests.factories import OutletFactory
from tests.wordpress.samples import export, item, run, write
from wordpress.addresses import safe_storage_name, web_address
from wordpress.wxr import COLUMNIST_NS

pytestmark = pytest.mark.django_db

HOSTILE = [
    "javascript:alert(1)",
    " JaVaScRiPt:alert(document.cookie)",
    "data:text/html;base64,PHNjcmlwdD4=",
    "/wp-content/uploads/relative.jpg",
    "//evil.example/x.jpg",
    "vbscript:msgbox",
    "https://exa mple.org/space",
    "ftp://example.org/file.jpg",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_only_absolute_web_addresses_pass(value):
    assert web_address(value) is None


@pytest.mark.parametrize(
    "value", ["https://example.org/a.jpg", "http://127.0.0.1:8000/x?y=1", "https://例え.jp/"]
)
def test_web_addresses_pass(value):
    assert web_address(value) == value


@pytest.mark.parametrize("name", ["../../etc/passwd", "/etc/passwd", "a//b.jpg", "c:\\x", "s3:x"])
def test_storage_names_stay_inside(name):
    assert safe_storage_name(name) is None


def columnist(*items, channel=""):
    text = export(*items, channel=channel)
    return text.replace("<rss ", f'<rss xmlns:columnist="{COLUMNIST_NS}" ', 1)


def columnist_post(post_id, **values):
    meta = [("_columnist_status", "published"), ("_columnist_byline", '[["jroe", ""]]')]
    meta.append(("_columnist_posted_at", "2020-03-03T11:05:00+00:00"))
    meta += [(f"_columnist_{name}", value) for name, value in values.items()]
    return item(post_id, f"Post {post_id}", "Text.", meta=meta)


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_addresses_in_our_own_namespace_are_dropped_listed_and_flagged(
    tmp_path, client, value
):
    OutletFactory(slug="times", name="The Times")
    mention = item(
        20,
        "Spoke to the Times",
        "",
        post_type="columnist_mention",
        meta=[
            ("_columnist_topic", "the loans"),
            ("_columnist_kind", "interview"),
            ("_columnist_status", "published"),
            ("_columnist_date", "2020-03-03"),
            ("_columnist_outlet", "times"),
            ("_columnist_url", value),
        ],
    )
    post = columnist_post(10, original_url=value, image_url=value, image="../../etc/passwd")
    output = run(write(tmp_path, columnist(post, mention)))
    column = Column.objects.get()
    assert (column.original_url, column.image_url, column.image.name) == ("", "", "")
    assert column.needs_review
    assert Mention.objects.get().url == ""
    assert "Addresses dropped (not absolute http(s) URLs) (4):" in output
    assert (
        "original_url" in output and "image_url" in output and "not a file of this site" in output
    )
    page = client.get(column.get_absolute_url()).content.decode()
    assert value.strip() not in page
    assert "etc/passwd" not in page


def test_hostile_outlet_and_author_addresses_are_dropped(tmp_path):
    channel = (
        "<columnist:outlet><columnist:name>Evil Post</columnist:name>"
        "<columnist:slug>evil</columnist:slug>"
        "<columnist:homepage>javascript:alert(1)</columnist:homepage>"
        "<columnist:logo>../../secret.png</columnist:logo></columnist:outlet>"
    )
    authors = (
        "<wp:author><wp:author_login>jroe</wp:author_login>"
        "<wp:author_display_name>Jane Roe</wp:author_display_name>"
        "<columnist:website>javascript:alert(2)</columnist:website></wp:author>"
    )
    text = columnist(columnist_post(10), channel=channel).replace(
        "<wp:author>", authors + "<wp:author>", 1
    )
    output = run(write(tmp_path, text))
    outlet = Outlet.objects.get(slug="evil")
    assert (outlet.homepage, outlet.logo.name) == ("", "")
    assert Author.objects.get(slug="jroe").website == ""
    assert "homepage" in output and "website" in output


@pytest.mark.parametrize("value", ["javascript:alert(1)", "/wp-content/uploads/a.jpg"])
def test_a_featured_image_with_an_unsafe_address_is_dropped(tmp_path, value):
    photo = item(50, "photo", "", post_type="attachment", status="inherit", attachment_url=value)
    post = item(1, "With a photo", meta=[("_thumbnail_id", "50")])
    late = item(2, "Photo listed after", meta=[("_thumbnail_id", "51")])
    photo_late = item(51, "p", "", post_type="attachment", status="inherit", attachment_url=value)
    output = run(write(tmp_path, export(photo, post, late, photo_late)))
    assert list(Column.objects.values_list("image_url", "needs_review")) == [("", True)] * 2
    assert "featured image" in output
