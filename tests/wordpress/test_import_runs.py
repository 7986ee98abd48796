"""How an import runs: safe to repeat, a dry run, all or nothing, progress, queries."""

from pathlib import Path

import pytest
from django.core.management import CommandError

from columns.models import Byline, Column
from mentions.models import Mention
from redirects.models import Redirect
from tests.factories import ColumnFactory
from tests.wordpress.samples import STRUCTURED, export, item, run, snapshot, write

pytestmark = pytest.mark.django_db


# --- Idempotency and updates -----------------------------------------------------------------


def test_importing_the_same_file_twice_changes_nothing_and_says_so(tmp_path):
    path = write(tmp_path, export(item(1), item(2, "Second"), item(3, post_type="page")))
    run(path)
    before = snapshot()
    output = run(path)
    assert snapshot() == before
    assert "Columns: 0 created, 0 updated, 2 unchanged" in output
    assert "Nothing changed" in output


def test_an_import_with_the_page_cache_on_says_how_to_fill_it_again(tmp_path, settings):
    settings.PAGE_CACHE_SECONDS = 600
    path = write(tmp_path, export(item(1), item(2, "Second")))
    assert "manage.py warm_cache" in run(path)
    assert "warm_cache" not in run(path)  # nothing changed: nothing was emptied
    assert "warm_cache" not in run(write(tmp_path, export(item(4)), name="dry.xml"), "--dry-run")
    settings.PAGE_CACHE_SECONDS = 0
    assert "warm_cache" not in run(write(tmp_path, export(item(3)), name="more.xml"))


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


@pytest.mark.parametrize("where", ["title", "content"])
def test_characters_xml_cannot_carry_go_on_create_and_update_alike(tmp_path, where):
    # "&#1;" in a title or text gives U+0001, which a save drops (core/text.py) but the
    # batched writing of new columns kept; and an updated column's import memory held the
    # value before the save dropped it, so the next export's title was taken for an
    # editor's change, kept over the export's and flagged for review.
    def post(title, content="Hello."):
        values = {"title": title, "content": content}
        values[where] += " &#1;&#x1b;end"
        return item(1, values["title"], values["content"])

    run(write(tmp_path, export(post("First"))))
    column = Column.objects.get()
    assert "\x01" not in getattr(column, "title" if where == "title" else "body")
    run(write(tmp_path, export(post("Second")), name="second.xml"))
    output = run(write(tmp_path, export(post("Third")), name="third.xml"))
    assert "Kept the editor's changes" not in output
    column = Column.objects.get()
    assert column.title.startswith("Third") and not column.needs_review
    assert "\x01" not in column.title + column.body and "\x1b" not in column.title + column.body


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
    "an rss feed": (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>A blog</title>'
        "<item><title>Hi</title><link>https://old.example.org/hi/</link></item></channel></rss>",
        "this is an RSS feed, not a WordPress export",
    ),
    # libxml2 adds a newline and the text after <![CDATA[: the message is its first line.
    "truncated in a cdata": (export(item(1, "A", "Secret text")).split("cret text")[0],
                             r"too early \(CData section not finished\): it looks truncated\."),
    "nul byte": (export(item(1, "A\x00")), r"Char 0x0 out of allowed range\. Nothing"),
    # A bigint holds no more: a traceback on SQLite, the database's refusal on PostgreSQL.
    "post id too large": (export(item(1), item(2**63)), r"line \d+: “9223372036854775808” is not"),
    "post id not a number": (export(item("12a")), "“12a” is not a WordPress post id"),
    "post id in other digits": (export(item("١٢")), "“١٢” is not a WordPress post id"),
    "negative post id": (export(item(-3)), "“-3” is not a WordPress post id"),
    # Two such posts were taken for one, the second overwriting the first.
    "no post id": (export(item(1, "Anonymous").replace("<wp:post_id>1</wp:post_id>", "")),
                   r"item \? “Anonymous” \(line \d+\): the post has no id"),
}  # fmt: skip


@pytest.mark.parametrize("name", BAD_FILES)
def test_bad_files_are_refused_clearly_and_change_nothing(tmp_path, name):
    ColumnFactory(title="Already here")
    before = snapshot()
    text, message = BAD_FILES[name]
    with pytest.raises(CommandError, match=message) as error:
        run(write(tmp_path, text))
    assert "Nothing was imported" in str(error.value)
    assert "\n" not in str(error.value)
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
    from wordpress import convert

    def render(raw):
        if raw == "boom":
            raise ValueError("cannot render this")
        return f"<p>{raw}</p>"

    monkeypatch.setattr(convert, "render_wordpress", render)
    before = snapshot()
    path = write(tmp_path, export(item(1, "Fine"), item(2, "Fine too"), item(3, "Bad", "boom")))
    with pytest.raises(CommandError, match=r"item 3 “Bad” \(line \d+\): ValueError: cannot"):
        run(path)
    assert snapshot() == before


def test_a_batch_the_database_refuses_while_the_next_is_planned_rolls_everything_back(
    tmp_path, monkeypatch
):
    # On PostgreSQL a batch's COPYs run beside the planning of the next (bulk.WritesBehind):
    # the database's refusal must still fail the import whole. The first batch's columns are
    # sent with two rows under one pk, which PostgreSQL refuses.
    from django.db import connection

    from wordpress import bulk

    if connection.vendor != "postgresql":
        pytest.skip("the COPYs run in the importer's thread elsewhere")
    copy = bulk._copy

    def refused(cursor, copies):
        sql, rows = copies[0].sql, copies[0].rows
        if "columns_column" in sql:
            rows[1] = (*rows[1][:-1], rows[0][-1])
        copy(cursor, copies)

    monkeypatch.setattr(bulk, "_copy", refused)
    monkeypatch.setattr("wordpress.load.FLUSH_EVERY", 4)
    ColumnFactory(title="Already here")
    before = snapshot()
    with pytest.raises(CommandError, match=r"the database refused .*duplicate key") as error:
        run(write(tmp_path, export(*[item(n, f"Post {n}") for n in range(1, 13)])))
    assert "Nothing was imported" in str(error.value)
    assert snapshot() == before


def test_rows_pointing_nowhere_are_refused_with_their_batch(tmp_path, monkeypatch):
    # The deferred foreign keys of a batch's rows are checked as the batch is written (not at
    # commit, after the rest): a byline of a column that does not exist fails the import
    # whole, with the database's word for it.
    from django.db import connection

    from wordpress import bulk

    if connection.vendor != "postgresql":
        pytest.skip("the COPYs run in the importer's thread elsewhere")
    copy = bulk._copy

    def astray(cursor, copies):
        for sql, rows, *_ in copies:
            if "columns_byline" in sql:
                rows[0] = (10**9, *rows[0][1:])
        copy(cursor, copies)

    monkeypatch.setattr(bulk, "_copy", astray)
    monkeypatch.setattr("wordpress.load.FLUSH_EVERY", 4)
    before = snapshot()
    with pytest.raises(CommandError, match=r"the database refused .*foreign key") as error:
        run(write(tmp_path, export(*[item(n, f"Post {n}") for n in range(1, 13)])))
    assert "Nothing was imported" in str(error.value)
    assert snapshot() == before


def test_ids_that_are_no_ids_point_at_nothing(tmp_path):
    # A featured image, a gallery or a post parent that names an id no WordPress could have
    # is left out; it used to be a ValueError ("²" or 5,000 digits) or an overflow.
    attachment = item(
        7,
        "Photo",
        post_type="attachment",
        status="inherit",
        attachment_url="https://old.example.org/photo.jpg",
    ).replace("<wp:post_parent>0<", "<wp:post_parent>" + "9" * 40 + "<")
    posts = [
        item(1, "Huge", meta=[("_thumbnail_id", "9" * 5000)]),
        item(2, "Squared", meta=[("_thumbnail_id", "²")]),
        item(3, "Gallery", '[gallery ids="' + "9" * 5000 + ',7,²"]'),
    ]
    output = run(write(tmp_path, export(*posts, attachment)))
    assert "Columns: 3 created" in output
    assert {c.image_url for c in Column.objects.all()} == {""}
    assert "photo.jpg" in Column.objects.get(title="Gallery").body


def test_missing_file(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        run(str(tmp_path / "nope.xml"))


def test_latin_1_files_are_read(tmp_path):
    text = export(item(1, "Café")).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
    run(write(tmp_path, text, encoding="latin-1"))
    assert Column.objects.get().title == "Café"


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


def _queries_of_import(tmp_path, count, name="export.xml"):
    """Queries of importing `count` structured posts (bylines, tags, mentions, redirects)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    posts = [
        item(n, "Beijing lends less", STRUCTURED, name=f"p{n}", tags=[("debt", "debt")])
        for n in range(1, count + 1)
    ]
    path = write(tmp_path, export(*posts), name=name)
    with CaptureQueriesContext(connection) as queries:
        run(path)
    return path, len(queries)


def test_each_batch_of_posts_adds_the_same_few_queries(tmp_path, monkeypatch):
    # Batches of 4 posts: 8 posts are two batches, 16 are four. Each batch writes its columns,
    # bylines, tags, mentions and redirects and refreshes their search documents in a fixed
    # number of queries, whatever its size; nothing is asked per post.
    monkeypatch.setattr("wordpress.load.FLUSH_EVERY", 4)
    _queries_of_import(tmp_path, 1, "warm.xml")  # the authors, outlets and tag, once
    for model in (Mention, Byline, Column, Redirect):
        model.objects.all().delete()
    _, two_batches = _queries_of_import(tmp_path, 8, "8.xml")
    for model in (Mention, Byline, Column, Redirect):
        model.objects.all().delete()
    _, four_batches = _queries_of_import(tmp_path, 16, "16.xml")
    per_batch = (four_batches - two_batches) / 2
    assert Column.objects.count() == 16
    assert per_batch == int(per_batch) and per_batch <= 10  # 9 on PostgreSQL, 7 on SQLite


def test_importing_the_same_file_again_takes_the_same_queries_for_few_or_many_posts(tmp_path):
    few_path, _ = _queries_of_import(tmp_path, 3, "few.xml")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        run(few_path)
    for model in (Mention, Byline, Column, Redirect):
        model.objects.all().delete()
    many_path, _ = _queries_of_import(tmp_path, 30, "many.xml")
    with CaptureQueriesContext(connection) as many:
        output = run(many_path)
    assert "30 unchanged" in output
    assert len(many) == len(few)
