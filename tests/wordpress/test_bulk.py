"""The importer's bulk writes: COPY on PostgreSQL, bulk_create elsewhere, the same rows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from columns.models import Byline, Column
from mentions.models import Mention
from redirects.models import Redirect
from tests.factories import AuthorFactory, ColumnFactory, OutletFactory
from wordpress.bulk import insert_objects, insert_rows

pytestmark = pytest.mark.django_db


def test_rows_are_inserted_with_their_defaults_and_pks():
    column, author = ColumnFactory(), AuthorFactory()
    outlet = OutletFactory()
    before = timezone.now()
    byline_pks = insert_rows(
        Byline, ["column_id", "author_id", "position", "bio"], [(column.pk, author.pk, 0, "Bio.")]
    )
    mention_pks = insert_rows(
        Mention,
        ["column_id", "outlet_id", "topic", "kind", "date", "status"],
        [
            (column.pk, outlet.pk, f"topic {n}", "quoted", datetime.date(2020, 3, n), "published")
            for n in (1, 2, 3)
        ],
    )
    assert Byline.objects.get(pk=byline_pks[0]).bio == "Bio."
    assert column.authors.get() == author
    mentions = Mention.objects.in_bulk(mention_pks)
    assert [mentions[pk].topic for pk in mention_pks] == ["topic 1", "topic 2", "topic 3"]
    first = mentions[mention_pks[0]]
    assert (first.url, first.internal_note, first.created_by) == ("", "", None)  # defaults
    assert first.created_at >= before and first.modified_at >= before  # auto_now
    assert insert_rows(Redirect, ["old_path", "new_path"], []) == []
    # Saved rows count as saved: later writes go on from them, not over them.
    assert Mention.objects.create(outlet=outlet, topic="later", date=first.date).pk not in mentions


def test_objects_get_their_pks_and_relations():
    outlet = OutletFactory()
    columns = [
        Column(title=f"Bulk {n}", slug=f"bulk-{n}", outlet=outlet, posted_at=timezone.now())
        for n in range(3)
    ]
    for column in columns:
        column.derive_fields()
    insert_objects(columns)
    assert all(column.pk and not column._state.adding for column in columns)
    saved = Column.objects.in_bulk([column.pk for column in columns])
    assert [saved[column.pk].title for column in columns] == ["Bulk 0", "Bulk 1", "Bulk 2"]
    assert saved[columns[0].pk].outlet == outlet
    assert saved[columns[0].pk].created_at is not None


def test_many_rows_take_a_fixed_number_of_queries():
    def queries_for(count):
        rows = [(f"/old/{count}/{n}/", "/new/") for n in range(count)]
        with CaptureQueriesContext(connection) as queries:
            insert_rows(Redirect, ["old_path", "new_path"], rows)
        assert Redirect.objects.filter(old_path__startswith=f"/old/{count}/").count() == count
        return len(queries)

    few, many = queries_for(2), queries_for(2000)
    if connection.vendor == "postgresql":
        assert few == many == 1  # the pks; the COPY itself is not logged
    else:
        assert many < 20  # SQLite splits a large bulk_create into batches, never a row each
