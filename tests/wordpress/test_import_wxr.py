import datetime
import zoneinfo
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from columns.models import Author, Byline, Column
from mentions.models import Mention
from outlets.models import Outlet
from redirects.models import Redirect
from tests.factories import AuthorFactory, ColumnFactory, OutletFactory
from tests.wordpress.samples import export, item, write

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def run(path, *args):
    """Run the command; return what it printed."""
    from io import StringIO

    out = StringIO()
    call_command("import_wxr", path, *args, stdout=out)
    return out.getvalue()


def snapshot():
    """Everything an import writes, to prove that a run changed nothing."""
    return [
        list(model.objects.order_by("pk").values())
        for model in (Column, Author, Byline, Outlet, Mention, Redirect)
    ]


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
    assert [c.title for c in Column.objects.published()] == ["Live"]


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


# --- Idempotency and updates -----------------------------------------------------------------


def test_importing_the_same_file_twice_changes_nothing_and_says_so(tmp_path):
    path = write(tmp_path, export(item(1), item(2, "Second"), item(3, post_type="page")))
    run(path)
    before = snapshot()
    output = run(path)
    assert snapshot() == before
    assert "Columns: 0 created, 0 updated, 2 unchanged" in output
    assert "Nothing changed" in output


def test_a_newer_export_updates_what_changed_and_duplicates_nothing(tmp_path):
    run(write(tmp_path, export(item(1, "Old title", name="post"), item(2, "Second"))))
    first = Column.objects.get(wordpress_id=1)
    old_url = first.get_absolute_url()
    newer = export(item(1, "New title", "New text.", name="renamed"), item(2, "Second"))
    output = run(write(tmp_path, newer, name="newer.xml"))
    assert "Columns: 0 created, 1 updated, 1 unchanged" in output
    first.refresh_from_db()
    assert (first.title, first.body, first.slug) == ("New title", "<p>New text.</p>", "renamed")
    assert Column.objects.count() == 2
    assert Redirect.objects.get(old_path=old_url).new_path == first.get_absolute_url()


def test_an_unchanged_post_keeps_the_editors_fixes(tmp_path):
    path = write(tmp_path, export(item(1, "Title")))
    run(path)
    Column.objects.update(dek="Written by the editor after the import.")
    run(path)
    assert Column.objects.get().dek == "Written by the editor after the import."


# --- Dry run ---------------------------------------------------------------------------------


def test_dry_run_prints_what_it_would_do_and_saves_nothing(tmp_path):
    path = write(tmp_path, export(item(1, "A post"), item(2, "Binned", status="trash")))
    output = run(path, "--dry-run")
    assert "create  item 1 “A post”" in output
    assert "skip    item 2 “Binned”" in output
    assert "Would import" in output and "Dry run: nothing was saved." in output
    assert snapshot() == [[], [], [], [], [], []]


def test_dry_run_of_a_newer_export_prints_the_updates_and_keeps_the_old_version(tmp_path):
    run(write(tmp_path, export(item(1, "Old title"), item(2, "Second"))))
    before = snapshot()
    newer = write(tmp_path, export(item(1, "New title"), item(2, "Second")), name="newer.xml")
    output = run(newer, "--dry-run")
    assert "update  item 1 “New title”" in output
    assert "same    item 2 “Second”" in output
    assert "Columns: 0 created, 1 updated, 1 unchanged" in output
    assert snapshot() == before


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


# --- Bad files: a clear message and nothing written --------------------------------------------


BAD_FILES = {
    "malformed": (export(item(1)).replace("</title>", "</titel>", 1),
                  "line 10: malformed XML: Opening and ending"),
    "truncated": (export(item(1), item(2))[:-400], "looks truncated"),
    "unknown encoding": (
        export(item(1), prolog='<?xml version="1.0" encoding="klingon-9"?>'),
        "Unsupported encoding",
    ),
    "billion laughs": (
        export(item(1, "&lol3;")).replace(
            "<rss",
            '<!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
            '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n<rss',
            1,
        ),
        "declares a DTD",
    ),
    "external entity": (
        export(item(1, "&xxe;")).replace(
            "<rss", '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<rss', 1
        ),
        "declares a DTD",
    ),
    "not rss": ('<?xml version="1.0"?><feed><entry/></feed>', "not a WordPress export"),
    "future version": (export(item(1)).replace(">1.2</wp:wxr_version>", ">2.0</wp:wxr_version>"),
                       "WXR version 2.0 is not supported"),
    "empty": ("", "the file is empty"),
}  # fmt: skip


@pytest.mark.parametrize("name", BAD_FILES)
def test_bad_files_are_refused_clearly_and_change_nothing(tmp_path, name):
    ColumnFactory(title="Already here")
    before = snapshot()
    text, message = BAD_FILES[name]
    with pytest.raises(CommandError, match=message) as error:
        run(write(tmp_path, text))
    assert "Nothing was imported" in str(error.value)
    assert snapshot() == before


def test_a_failure_halfway_rolls_everything_back_and_names_the_item(tmp_path):
    ColumnFactory(title="Already here")
    before = snapshot()
    items = [item(n, f"Post {n}") for n in range(1, 6)]
    items.append(item(6, "Broken", date="2020-13-45 99:00:00", date_gmt="2020-13-45 99:00:00"))
    with pytest.raises(CommandError, match=r"line \d+: “2020-13-45 99:00:00” is not a WordPress"):
        run(write(tmp_path, export(*items)))
    assert snapshot() == before


def test_an_error_halfway_rolls_back_and_names_the_item(tmp_path, monkeypatch):
    from wordpress import load

    def render(raw):
        if raw == "boom":
            raise ValueError("cannot render this")
        return f"<p>{raw}</p>"

    monkeypatch.setattr(load, "render_wordpress", render)
    before = snapshot()
    path = write(tmp_path, export(item(1, "Fine"), item(2, "Fine too"), item(3, "Bad", "boom")))
    with pytest.raises(CommandError, match=r"item 3 “Bad” \(line \d+\): ValueError: cannot"):
        run(path)
    assert snapshot() == before


def test_missing_file(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        run(str(tmp_path / "nope.xml"))


def test_latin_1_files_are_read(tmp_path):
    text = export(item(1, "Café")).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
    run(write(tmp_path, text, encoding="latin-1"))
    assert Column.objects.get().title == "Café"


# --- Structuring the text ----------------------------------------------------------------------

STRUCTURED = "\n\n".join(
    [
        "My latest column in the South China Morning Post. Also spoke to the BBC and Sky News "
        "about the election, and separately to Le Monde about energy prices.",
        "<h2>Beijing lends less</h2>",
        "Why the loans are drying up.",
        "PUBLISHED : Tuesday, 3 March, 2020, 7:05pm | UPDATED : 4 March 2020, 8:00am",
        "By Jane Roe and John Doe",
        "Body one. Body two. Body three.",
        "This article appeared in the South China Morning Post print edition as: Debt trap",
        "Jane Roe is a senior fellow at the Example Institute. "
        "John Doe is professor of economics at Example University.",
    ]
)


def test_extraction_fills_the_fields_and_marks_the_column_for_review(tmp_path):
    scmp = OutletFactory(name="South China Morning Post", timezone="Asia/Hong_Kong")
    bbc = OutletFactory(name="British Broadcasting Corporation", short_name="BBC")
    run(write(tmp_path, export(item(1, "Beijing lends less", STRUCTURED))))
    column = Column.objects.get()
    assert column.outlet == scmp
    assert column.intro == "<p>My latest column in the South China Morning Post.</p>"
    assert column.dek == "Why the loans are drying up."
    assert column.body == "<p>Body one. Body two. Body three.</p>"
    hong_kong = zoneinfo.ZoneInfo("Asia/Hong_Kong")
    assert column.outlet_published_at == datetime.datetime(2020, 3, 3, 19, 5, tzinfo=hong_kong)
    assert column.outlet_updated_at == datetime.datetime(2020, 3, 4, 8, 0, tzinfo=hong_kong)
    assert column.day == datetime.date(2020, 3, 3)
    assert column.print_headline == "Debt trap"
    assert [(b.author.name, b.bio) for b in column.ordered_bylines] == [
        ("Jane Roe", "Jane Roe is a senior fellow at the Example Institute."),
        ("John Doe", "John Doe is professor of economics at Example University."),
    ]
    mentions = {(m.outlet.name, m.topic, m.date, m.column) for m in Mention.objects.all()}
    assert mentions == {
        (bbc.name, "the election", column.day, column),
        ("Sky News", "the election", column.day, column),
        ("Le Monde", "energy prices", column.day, column),
    }
    assert column.needs_review
    assert "Body one." in column.original_html and "By Jane Roe" in column.original_html


def test_stamps_without_a_known_outlet_zone_are_read_in_the_site_zone(tmp_path, settings):
    settings.TIME_ZONE = "Europe/Paris"
    run(write(tmp_path, export(item(1, "Beijing lends less", STRUCTURED))))
    column = Column.objects.get()
    assert column.outlet.name == "South China Morning Post"  # created from the byline context
    paris = zoneinfo.ZoneInfo("Europe/Paris")
    assert column.outlet_published_at == datetime.datetime(2020, 3, 3, 19, 5, tzinfo=paris)


def test_no_extract_keeps_the_text_whole(tmp_path):
    run(write(tmp_path, export(item(1, "Beijing lends less", STRUCTURED))), "--no-extract")
    column = Column.objects.get()
    assert "By Jane Roe and John Doe" in column.body
    assert (column.intro, column.dek, column.needs_review, column.outlet) == ("", "", False, None)
    assert [b.author.name for b in column.bylines.all()] == ["Jane Roe"]
    assert Mention.objects.count() == 0


def test_a_post_where_no_rule_fires_needs_no_review(tmp_path):
    run(write(tmp_path, export(item(1, "Plain", "Just text."))))
    assert not Column.objects.get().needs_review


def test_mentions_are_not_duplicated_when_a_post_is_updated(tmp_path):
    run(write(tmp_path, export(item(1, "Beijing lends less", STRUCTURED))))
    changed = STRUCTURED.replace("Body one.", "Body one, revised.")
    run(write(tmp_path, export(item(1, "Beijing lends less", changed)), name="newer.xml"))
    assert Mention.objects.count() == 3
    assert Byline.objects.count() == 2


def test_worker_processes_give_the_same_site_as_one_process(tmp_path, monkeypatch):
    from wordpress import prefetch

    posts = [item(n, f"Post {n}", f"Text {n}.\n\nMore.", name=f"p{n}") for n in range(1, 8)]
    path = write(tmp_path, export(item(99, "Beijing lends less", STRUCTURED), *posts))
    run(path)
    in_one_process = snapshot()
    assert Column.objects.count() == 8
    for model in (Mention, Byline, Column, Redirect):
        model.objects.all().delete()
    monkeypatch.setattr(prefetch, "WINDOW", 3)  # 8 posts: the workers start
    submitted = []

    class CountingPool(prefetch.ProcessPoolExecutor):
        def submit(self, *args, **kwargs):
            submitted.extend(args[1])  # a batch of posts
            return super().submit(*args, **kwargs)

    monkeypatch.setattr(prefetch, "ProcessPoolExecutor", CountingPool)
    output = run(path)
    assert "Columns: 8 created" in output
    assert len(submitted) == 8  # every post was rendered and structured by a worker

    def content(state):
        # Ids and creation times differ between the runs; everything else must not.
        dropped = {"id", "created_at", "modified_at", "column_id", "author_id", "outlet_id"}
        return [[{k: v for k, v in row.items() if k not in dropped} for row in rows]
                for rows in state]  # fmt: skip

    assert content(snapshot()) == content(in_one_process)


def test_when_the_workers_break_the_main_process_does_the_work(tmp_path, monkeypatch):
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from wordpress import prefetch

    class BrokenPool:
        """The first job's worker dies; after that the pool refuses work."""

        def __init__(self, *args, **kwargs):
            self.submitted = 0

        def submit(self, *args, **kwargs):
            self.submitted += 1
            if self.submitted > 1:
                raise BrokenProcessPool("gone")
            future = Future()
            future.set_exception(BrokenProcessPool("died"))
            return future

        def shutdown(self, **kwargs):
            pass

    monkeypatch.setattr(prefetch, "WINDOW", 2)
    monkeypatch.setattr(prefetch, "ProcessPoolExecutor", BrokenPool)
    posts = [item(n, f"Post {n}", f"Text {n}.", name=f"p{n}") for n in range(1, 5)]
    output = run(write(tmp_path, export(item(9, "Beijing lends less", STRUCTURED), *posts)))
    assert "Columns: 5 created" in output
    assert Column.objects.get(wordpress_id=9).dek == "Why the loans are drying up."
    assert Column.objects.get(wordpress_id=1).body == "<p>Text 1.</p>"


# --- The real WordPress theme-test exports -----------------------------------------------------

# The exports sit in ../shared/wxr beside the repository (a worktree may be one level deeper).
REPOSITORY = Path(__file__).resolve().parents[2]
SHARED = next(
    (p / "shared" / "wxr" for p in REPOSITORY.parents[:2] if (p / "shared" / "wxr").is_dir()),
    REPOSITORY.parent / "shared" / "wxr",
)
REAL_EXPORTS = {
    # file: columns created
    "themeunittestdata.wordpress.xml": 58,
    "64-block-test-data.xml": 61,
}


@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared WordPress exports are not here")
@pytest.mark.parametrize("name", REAL_EXPORTS)
def test_real_wordpress_exports_import_twice_the_second_time_changing_nothing(name):
    path = str(SHARED / name)
    first = run(path)
    assert Column.objects.count() == REAL_EXPORTS[name]
    before = snapshot()
    second = run(path)
    assert snapshot() == before
    assert "Nothing changed" in second and "Nothing changed" not in first


# --- Progress ----------------------------------------------------------------------------------


class FakeReader:
    size, bytes_read = 1000, 500


def test_progress_is_a_bar_on_a_terminal_and_a_line_per_thousand_in_a_log():
    from io import StringIO

    from django.core.management.base import OutputWrapper

    from wordpress.management.commands.import_wxr import Progress

    log = StringIO()
    progress = Progress(OutputWrapper(log), FakeReader(), bar=False)
    for _ in range(2500):
        progress.tick(None)
    lines = log.getvalue().splitlines()
    assert len(lines) == 2 and lines[0].startswith(" 50% 1000 items, ")
    assert lines[0].endswith(" items/s")

    terminal = StringIO()
    progress = Progress(OutputWrapper(terminal), FakeReader(), bar=True)
    progress.last_drawn -= 1  # as if the last drawing was a second ago
    progress.tick(None)
    progress.end()
    assert terminal.getvalue().startswith("\r[###############...............]  50% 1 items")


# --- Queries -----------------------------------------------------------------------------------


def test_the_number_of_queries_does_not_grow_with_the_number_of_posts(tmp_path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for(count):
        for model in (Mention, Byline, Column, Redirect):
            model.objects.all().delete()
        posts = [
            item(n, "Beijing lends less", STRUCTURED, name=f"p{n}", tags=[("debt", "debt")])
            for n in range(1, count + 1)
        ]
        path = write(tmp_path, export(*posts), name=f"{count}.xml")
        with CaptureQueriesContext(connection) as queries:
            run(path)
        assert Column.objects.count() == count
        return len(queries)

    queries_for(1)  # creates the authors, outlets and tag once
    few, many = queries_for(5), queries_for(40)
    # 35 more posts, with their bylines, mentions, tags and redirects: at most a few more
    # queries, where SQLite splits a bulk insert into batches; never one (or more) per post.
    assert many - few < 5
