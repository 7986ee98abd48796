"""What `import_wxr` makes of a WordPress export: columns, authors, tags, outlets, redirects."""

import datetime

import pytest

from columns.models import Author, Column
from redirects.models import Redirect
from tests.factories import AuthorFactory, OutletFactory
from tests.wordpress.samples import cdata, export, item, run, write
from wordpress.wxr import COLUMNIST_NS

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


# --- Posts, statuses, dates ------------------------------------------------------------------


def test_posts_become_columns_rendered_as_wordpress_shows_them(tmp_path):
    content = "First paragraph.\nSame paragraph.\n\nSecond.\n\n<!--more-->\n\nThird &nbsp;"
    path = write(tmp_path, export(item(10, "Beijing &amp; the loans", content, name="loans")))
    output = run(path)
    column = Column.objects.get()
    assert column.title == "Beijing & the loans"
    assert column.slug == "loans"
    assert column.body.startswith("<p>First paragraph.<br>\nSame paragraph.</p>\n<p>Second.</p>")
    assert "<!--more-->" in column.body
    assert column.excerpt_html == "<p>First paragraph.<br>\nSame paragraph.</p>\n<p>Second.</p>"
    assert column.posted_at == datetime.datetime(2020, 3, 3, 11, 5, tzinfo=UTC)
    assert (column.wordpress_site, column.wordpress_id) == ("https://old.example.org", 10)
    assert column.wordpress_guid == "https://old.example.org/?p=10"
    assert "Columns: 1 created, 0 updated, 0 unchanged" in output


def test_every_status(tmp_path, client):
    future = "2999-01-01 09:00:00"
    path = write(
        tmp_path,
        export(
            item(1, "Live", status="publish"),
            item(2, "Later", status="future", date=future, date_gmt=future),
            item(3, "Unfinished", status="draft", date_gmt="0000-00-00 00:00:00"),
            item(4, "Waiting", status="pending"),
            item(5, "Hidden", status="private"),
            item(6, "Binned", status="trash"),
        ),
    )
    output = run(path)
    statuses = dict(Column.objects.values_list("title", "status"))
    assert statuses == {
        "Live": "published",
        "Later": "published",
        "Unfinished": "draft",
        "Waiting": "draft",
        "Hidden": "draft",
    }
    later = Column.objects.get(title="Later")
    assert later.is_scheduled
    assert later.posted_at == datetime.datetime(2999, 1, 1, 9, tzinfo=UTC)
    # A never-saved draft has no GMT date: its local date is read in the site's zone.
    assert Column.objects.get(title="Unfinished").posted_at.year == 2020
    assert "Skipped: 1 trashed posts." in output
    # What is not a WordPress status is named; no status was an empty name ("Skipped: 1 .").
    odd = [item(7, status="auto-draft"), item(8, status="PUBLISH"), item(9, status="")]
    output = run(write(tmp_path, export(*odd), name="odd.xml"))
    assert "Skipped: 1 auto-drafts, 1 posts (PUBLISH), 1 posts (no status)." in output
    assert [c.title for c in Column.objects.published()] == ["Live"]


def test_a_password_protected_post_becomes_a_draft_and_is_listed(tmp_path, client):
    # WordPress shows such a post's text only to readers who give its password; a column has
    # none, so it must not go public (the theme-test export has one, "Template: Password
    # Protected").
    secret = item(1, "Members only", "Not for everyone.", password="enter")
    path = write(tmp_path, export(secret, item(2, "Open")))
    output = run(path)
    column = Column.objects.get(title="Members only")
    assert column.status == "draft"
    assert client.get(column.get_absolute_url()).status_code == 404
    assert [c.title for c in Column.objects.published()] == ["Open"]
    assert "Password-protected posts, imported as drafts" in output
    assert "item 1 “Members only”" in output
    assert "Nothing changed" in run(path)


def test_readers_comments_are_counted_as_not_imported(tmp_path):
    comment = (
        "<wp:comment><wp:comment_id>{}</wp:comment_id><wp:comment_author>Reader</wp:comment_author>"
        "<wp:comment_content><![CDATA[Nice.]]></wp:comment_content></wp:comment>"
    )
    commented = item(1, "Talked about").replace(
        "</item>", comment.format(1) + comment.format(2) + "</item>"
    )
    output = run(write(tmp_path, export(commented, item(2, "Quiet"))))
    assert "Not imported: 2 readers' comments (columns have none)." in output
    assert "Nice." not in Column.objects.get(title="Talked about").body


def test_a_post_whose_password_goes_is_updated(tmp_path):
    run(write(tmp_path, export(item(1, "Members only", password="enter"))))
    run(write(tmp_path, export(item(1, "Members only"))))
    assert Column.objects.get().status == "published"


def test_pages_attachments_menu_items_are_skipped_and_feed_featured_images(tmp_path):
    photo = item(
        50,
        "beach",
        "",
        post_type="attachment",
        status="inherit",
        excerpt="The beach at dawn",
        attachment_url="https://old.example.org/files/beach.jpg",
        meta=[("_wp_attachment_image_alt", "A beach")],
    )
    path = write(
        tmp_path,
        export(
            item(1, "Before", meta=[("_thumbnail_id", "50")]),  # its attachment comes later
            photo,
            item(2, "After", meta=[("_thumbnail_id", "50")]),
            item(3, "About", post_type="page"),
            item(4, "Home", post_type="nav_menu_item"),
            item(5, "Block", post_type="wp_block"),
        ),
    )
    output = run(path)
    assert "Skipped: 1 attachments, 1 menu items, 1 other items (wp_block), 1 pages." in output
    for column in Column.objects.all():
        assert column.image_url == "https://old.example.org/files/beach.jpg"
        assert (column.image_alt, column.image_caption) == ("A beach", "The beach at dawn")


def test_featured_image_is_shown_on_the_column_page(tmp_path, client):
    path = write(
        tmp_path,
        export(
            item(50, "beach", "", post_type="attachment", status="inherit",
                 attachment_url="https://old.example.org/beach.jpg",
                 meta=[("_wp_attachment_image_alt", "A beach")]),
            item(1, "Post", meta=[("_thumbnail_id", "50")]),
        ),
    )  # fmt: skip
    run(path)
    page = client.get(Column.objects.get().get_absolute_url()).content.decode()
    assert '<img src="https://old.example.org/beach.jpg" alt="A beach">' in page


def test_categories_naming_an_outlet_set_it_and_others_become_tags(tmp_path):
    outlet = OutletFactory(name="South China Morning Post", short_name="SCMP")
    path = write(
        tmp_path,
        export(
            item(
                1,
                categories=[
                    ("scmp", "SCMP"),
                    ("china", "China"),
                    ("uncategorized", "Uncategorized"),
                ],
                tags=[("belt-and-road", "Belt and Road"), ("debt", "debt")],
            )
        ),
    )
    run(path, "--no-extract")
    column = Column.objects.get()
    assert column.outlet == outlet
    assert sorted(t.name for t in column.tags.all()) == ["Belt and Road", "China", "debt"]


def test_wordpress_authors_become_authors_and_the_most_frequent_is_the_owner(tmp_path):
    path = write(
        tmp_path,
        export(item(1, creator="assistant"), item(2, creator="jroe"), item(3, creator="jroe")),
    )
    run(path)
    assert sorted(Author.objects.values_list("name", "slug")) == [
        ("Jane Roe", "jroe"),
        ("Sam Helper", "assistant"),
    ]
    assert Author.objects.get(is_owner=True).name == "Jane Roe"
    assert [b.author.name for b in Column.objects.get(wordpress_id=1).bylines.all()] == [
        "Sam Helper"
    ]


def test_an_existing_owner_stays_the_owner(tmp_path):
    owner = AuthorFactory(name="Already Here", is_owner=True)
    run(write(tmp_path, export(item(1))))
    assert Author.objects.get(is_owner=True) == owner


def test_wxr_1_0_without_author_list_creates_authors_from_creators(tmp_path):
    path = write(tmp_path, export(item(1, creator="editor"), version="1.0", authors=""))
    run(path)
    assert Author.objects.get().slug == "editor"


def test_wxr_1_0_terms_tags_in_the_tag_domain_and_terms_without_a_domain(tmp_path):
    post = item(1).replace(
        "</item>",
        '<category domain="tag"><![CDATA[Energy]]></category>'
        '<category domain="tag" nicename="energy"><![CDATA[Energy]]></category>'
        "<category><![CDATA[Uncategorized]]></category>"
        "<category><![CDATA[Central Asia]]></category></item>",
    )
    run(write(tmp_path, export(post, version="1.0")))
    assert sorted(t.name for t in Column.objects.get().tags.all()) == ["Central Asia", "Energy"]


@pytest.mark.parametrize("version", ["1.0", "1.1", "1.2"])
def test_wxr_versions(tmp_path, version):
    run(write(tmp_path, export(item(1, "A post", "Text."), version=version)))
    assert Column.objects.get().body == "<p>Text.</p>"


def test_same_slug_on_the_same_day_gets_a_number(tmp_path):
    run(write(tmp_path, export(item(1, name="same"), item(2, name="same"))))
    assert sorted(Column.objects.values_list("slug", flat=True)) == ["same", "same-2"]


def test_percent_encoded_and_empty_slugs_become_url_safe(tmp_path):
    run(write(tmp_path, export(item(1, "Ça va", name="%c3%a7a-va"), item(2, "中文", name=""))))
    assert sorted(Column.objects.values_list("slug", flat=True)) == ["ca-va", "post-2"]


# --- Redirects -------------------------------------------------------------------------------


def test_old_permalinks_redirect_to_the_column(tmp_path, client):
    path = write(
        tmp_path,
        export(
            item(
                7,
                name="new-slug",
                link="https://old.example.org/archives/2020/new-slug/",
                meta=[("_wp_old_slug", "first-slug")],
            )
        ),
    )
    run(path)
    url = Column.objects.get().get_absolute_url()
    for old in ("/archives/2020/new-slug/", "/archives/2020/first-slug/", "/?p=7"):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, url), old
    assert client.get(url).status_code == 200


def test_redirects_are_not_created_from_the_columns_own_address(tmp_path):
    run(
        write(
            tmp_path, export(item(7, name="same", link="https://old.example.org/2020/03/03/same/"))
        )
    )
    assert list(Redirect.objects.values_list("old_path", flat=True)) == ["/?p=7"]


def profile_author(profile):
    """A `<wp:author>` of our own export, with profile fields (`columnist:*`)."""
    fields = "".join(f"<columnist:{key}>{cdata(value)}</columnist:{key}>" for key, value in profile)
    return (
        f'<wp:author xmlns:columnist="{COLUMNIST_NS}"><wp:author_id>1</wp:author_id>'
        "<wp:author_login>jroe</wp:author_login>"
        "<wp:author_display_name>Jane Roe</wp:author_display_name>"
        f"<columnist:is_owner>1</columnist:is_owner>{fields}</wp:author>"
    )


def test_an_authors_profile_is_imported_and_hostile_values_are_dropped(tmp_path, client):
    profile = [
        ("about", "Jane writes on ports.\n\nShe lives in Hull."),
        ("profile_links", "https://example.org/jane\njavascript:alert(1)\nhttps://m.example/@jr"),
        ("contact_email", "not an address"),
        ("fediverse_handle", "@jr@m.example"),
    ]
    run(write(tmp_path, export(item(1), authors=profile_author(profile))))
    jane = Author.objects.get(slug="jroe")
    assert jane.about == "Jane writes on ports.\n\nShe lives in Hull."
    assert jane.profile_links == "https://example.org/jane\nhttps://m.example/@jr"
    assert jane.contact_email == "" and jane.fediverse_handle == "@jr@m.example"
    about = client.get("/about/").content.decode()
    assert "javascript:" not in about and "<p>She lives in Hull.</p>" in about


def test_a_profile_fills_only_the_blanks_of_an_existing_author(tmp_path):
    AuthorFactory(name="Jane Roe", slug="jroe", about="Written by an editor.")
    profile = [("about", "From the file."), ("contact_email", "jane@example.org")]
    run(write(tmp_path, export(item(1), authors=profile_author(profile))))
    jane = Author.objects.get(slug="jroe")
    assert jane.about == "Written by an editor." and jane.contact_email == "jane@example.org"
