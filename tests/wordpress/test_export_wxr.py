import datetime
import re
from io import StringIO

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree
from taggit.models import Tag

from columns.models import Author, Column
from mentions.models import Mention
from outlets.models import Outlet, OutletAlias
from redirects.models import Redirect
from tests.factories import AuthorFactory, ColumnFactory, MentionFactory, OutletFactory
from wordpress.export import xml_text

pytestmark = pytest.mark.django_db

# Bookkeeping that is not content: ids, timestamps, and where an import came from (an imported
# export records the export's site and post id, so importing it again changes nothing).
# search_vector is derived from the other fields (and from text the export must clean of
# characters XML cannot carry), so the fields it is made from are what is compared.
NOT_CONTENT = {"id", "created_at", "modified_at", "wordpress_hash", "outlet", "search_vector"}
NOT_CONTENT |= {"wordpress_fields"}  # what the import last wrote, as fingerprints
ORIGIN = {"wordpress_site", "wordpress_id", "wordpress_guid"}


def has_origin(column):
    # A column first written here gets, on import, the export's address as its origin.
    return column.wordpress_site not in ("", "http://127.0.0.1:8000")


def site_state():
    """Everything a reader or an editor sees, by natural keys, to compare two sites."""
    columns = []
    for column in Column.objects.order_by("day", "slug").with_listing_data():
        row = {
            field.name: getattr(column, field.attname)
            for field in Column._meta.concrete_fields
            if field.name not in NOT_CONTENT and (has_origin(column) or field.name not in ORIGIN)
        }
        row["outlet"] = column.outlet.slug if column.outlet else None
        row["byline"] = [(b.author.slug, b.bio) for b in column.ordered_bylines]
        row["tags"] = sorted(tag.name for tag in column.tags.all())
        columns.append(row)
    outlets = [
        (*row, sorted(OutletAlias.objects.filter(outlet__slug=row[2]).values_list("name")))
        for row in Outlet.objects.order_by("slug").values_list(
            "name", "short_name", "slug", "kind", "homepage", "logo", "description", "timezone"
        )
    ]
    authors = list(Author.objects.order_by("slug").values_list(*AUTHOR_FIELDS))
    mentions = sorted(
        (
            m.outlet.slug, m.topic, m.date, m.kind, m.url, m.public_note, m.internal_note,
            m.status,
            (m.column.day, m.column.slug) if m.column else None,
            sorted(tag.name for tag in m.tags.all()),
        )
        for m in Mention.objects.with_listing_data()
    )  # fmt: skip
    return {"columns": columns, "outlets": outlets, "authors": authors, "mentions": mentions}


AUTHOR_FIELDS = ["name", "slug", "bio", "website", "is_owner", "about", "profile_links",
                 "contact_email", "fediverse_handle"]  # fmt: skip


def wipe():
    for model in (Mention, Column, Author, OutletAlias, Outlet, Tag, Redirect):
        model.objects.all().delete()


def round_trip(tmp_path):
    path = str(tmp_path / "site.xml")
    call_command("export_wxr", path, stdout=StringIO())
    wipe()
    out = StringIO()
    call_command("import_wxr", path, stdout=out)
    return path, out.getvalue()


def test_the_demo_site_survives_export_wipe_import_exactly(tmp_path):
    call_command("load_demo", stdout=StringIO())
    imported = ColumnFactory(title="Imported once", wordpress_site="https://old.example.org")
    Column.objects.filter(pk=imported.pk).update(wordpress_id=12, wordpress_guid="guid-12")
    Column.objects.filter(pk=imported.pk).update(needs_review=True, original_html="<p>Was</p>")
    before = site_state()
    path, output = round_trip(tmp_path)
    assert site_state() == before
    assert "Columns: 31 created" in output
    # And importing the same export again changes nothing.
    again = StringIO()
    call_command("import_wxr", path, stdout=again)
    assert "Nothing changed" in again.getvalue()
    assert site_state() == before


def test_the_export_is_a_wxr_1_2_file_wordpress_reads(tmp_path):
    outlet = OutletFactory(name="Foreign Policy", slug="foreign-policy")
    ColumnFactory(title="Why it matters", slug="why", outlet=outlet, tags=["SCO"])
    MentionFactory(topic="the vote", outlet=OutletFactory(name="Reuters"))
    path = str(tmp_path / "site.xml")
    call_command("export_wxr", path, "--site-url", "https://example.org", stdout=StringIO())
    tree = etree.parse(path)
    ns = {"wp": "http://wordpress.org/export/1.2/", "dc": "http://purl.org/dc/elements/1.1/"}
    assert tree.findtext("channel/wp:wxr_version", namespaces=ns) == "1.2"
    assert tree.findtext("channel/wp:base_blog_url", namespaces=ns) == "https://example.org"
    post = tree.xpath("//item[wp:post_type='post']", namespaces=ns)[0]
    assert post.findtext("title") == "Why it matters"
    assert post.findtext("wp:post_name", namespaces=ns) == "why"
    assert post.findtext("wp:status", namespaces=ns) == "publish"
    assert post.find("category[@domain='category']").get("nicename") == "foreign-policy"
    assert post.find("category[@domain='post_tag']").text == "SCO"
    gmt = post.findtext("wp:post_date_gmt", namespaces=ns)
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", gmt)
    mention = tree.xpath("//item[wp:post_type='columnist_mention']", namespaces=ns)[0]
    assert mention.findtext("title") == "Spoke to Reuters about the vote."
    assert tree.xpath("count(//wp:category)", namespaces=ns) == 2


def test_export_to_a_folder_that_does_not_exist_says_so(tmp_path):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="No such file or directory"):
        call_command("export_wxr", str(tmp_path / "missing" / "site.xml"), stdout=StringIO())


def test_xml_text_escapes_and_drops_what_xml_cannot_carry():
    assert xml_text("a]]>b & <c>\r") == "a]]&gt;b &amp; &lt;c&gt;&#13;"
    assert xml_text("bell\x07 form\x0c tab\t ok") == "bell form tab\t ok"


# --- Awkward text, generated ------------------------------------------------------------------

# PostgreSQL cannot store NUL; lone surrogates cannot be encoded. Everything else goes in.
awkward_chars = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
awkward = st.text(awkward_chars, max_size=80) | st.sampled_from(
    ["]]>", "a]]>b<![CDATA[c", "emoji 🎉👩🏽‍💻", "עברית RTL \u202e mixed", "x" * 5000, "\r\n\r",
     "&amp; &lt;p&gt;", "<!--more-->", "bell\x07 and \x1b escape"]
)  # fmt: skip
slugs = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)


def readable(value):
    """What survives XML: the characters XML 1.0 cannot carry are dropped by the export."""
    if isinstance(value, str):
        return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", value)
    if isinstance(value, dict):
        return {key: readable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(readable(item) for item in value)
    return value


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@example(
    title="0", slug="0", dek="", body="", bio="", outlet_name="0\x080", tag="0", topic="", note=""
)
@given(
    title=awkward.filter(lambda t: readable(t).strip()).map(lambda t: t[:300]),
    slug=slugs,
    dek=awkward,
    body=awkward,
    bio=awkward,
    outlet_name=awkward.map(lambda t: t[:150]),
    tag=st.text(st.characters(categories=("L", "N", "So")), min_size=1, max_size=30),
    topic=awkward.map(lambda t: t[:300]),
    note=awkward,
)
def test_awkward_text_round_trips(
    tmp_path, title, slug, dek, body, bio, outlet_name, tag, topic, note
):
    wipe()
    author = AuthorFactory(
        name="Jane Roe",
        slug="jane-roe",
        bio=bio,
        is_owner=True,
        about=note,
        profile_links="https://example.org/jane\nhttps://mastodon.example/@jane",
        contact_email="jane@example.org",
        fediverse_handle="@jane@mastodon.example",
    )
    outlet = OutletFactory(name=outlet_name + " outlet", slug="outlet", description=note)
    column = ColumnFactory(
        title=title,
        slug=slug,
        dek=dek,
        # HTML fields lose an emptied paragraph when the export drops a control character in
        # it; the plain-text fields show the dropping exactly.
        intro=f"<p>{readable(note)}</p>",
        body=f"<p>{readable(body)}</p>",
        excerpt=readable(dek),
        print_headline=title,
        outlet=outlet,
        outlet_published_at=datetime.datetime(2020, 3, 3, 11, 5, 7, 123456, tzinfo=datetime.UTC),
        posted_at=datetime.datetime(2021, 1, 2, 3, 4, 5, 678901, tzinfo=datetime.UTC),
        tags=[tag],
        bylines=[(author, bio)],
        possible_mentions=[{"sentence": note, "outlets": [outlet_name], "topic": topic}],
    )
    MentionFactory(outlet=outlet, topic=topic, public_note=dek, internal_note=note, column=column)
    # Characters XML cannot carry are dropped at save already (core/text.py), the byline's
    # bio lines included, so what is stored is what travels.
    before = readable(site_state())
    before["columns"][0]["possible_mentions"] = column.possible_mentions
    round_trip(tmp_path)
    assert site_state() == before
