"""Importing with the text-structuring rules, in one process or in worker processes."""

import datetime
import zoneinfo

import pytest

from columns.models import Byline, Column
from mentions.models import Mention
from redirects.models import Redirect
from tests.factories import OutletFactory
from tests.wordpress.samples import STRUCTURED, export, item, run, snapshot, write

pytestmark = pytest.mark.django_db


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
