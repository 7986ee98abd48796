"""An import writes in bulk; search documents and cached pages must still follow it."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

from columns.models import Column
from pagecache import guard, versions
from tests.wordpress.samples import export, item, write

pytestmark = pytest.mark.django_db


def test_imported_columns_are_found_by_search(tmp_path, client):
    body = "The Amu Darya canal dispute is back."
    call_command("import_wxr", write(tmp_path, export(item(7, "Water and borders", body))))
    assert Column.objects.count() == 1
    response = client.get("/search/", {"q": "canal dispute"})
    assert response.status_code == 200
    assert "Water and borders" in response.content.decode()


def test_imported_documents_are_those_a_save_makes(tmp_path, monkeypatch):
    """The importer has new columns' documents made from their values on a connection of its
    own (search.NewColumnDocuments): they must be the ones a refresh makes from the rows."""
    from discovery.search import update_search_vector
    from tests.wordpress.samples import STRUCTURED

    if connection.vendor != "postgresql":
        pytest.skip("stored documents are PostgreSQL's")
    monkeypatch.setattr("wordpress.batches.DOCUMENTS_CHUNK", 2)  # chunks, and one left at a flush
    posts = [
        item(
            n,
            "Beijing lends less",
            STRUCTURED,
            name=f"p{n}",
            tags=[("z", "Zhongguo"), ("debt", "Debt"), ("b", "banks"), ("a", "Ärger")],
        )
        for n in range(1, 6)
    ] + [item(6, "Plain", "<p>Just a body &amp; a <a href='https://x.example/'>link</a>.</p>")]
    call_command("import_wxr", write(tmp_path, export(*posts)))
    imported = dict(Column.objects.values_list("pk", "search_vector"))
    assert len(imported) == 6 and all(imported.values())
    update_search_vector(Column.objects.all())
    assert dict(Column.objects.values_list("pk", "search_vector")) == imported
    response_words = str(imported[Column.objects.get(wordpress_id=1).pk])
    assert "'debt':" in response_words and "'zhang'" not in response_words


def test_without_the_second_connection_documents_are_made_from_the_rows(tmp_path, monkeypatch):
    from django.db import OperationalError

    from discovery.search import update_search_vector
    from tests.wordpress.samples import STRUCTURED

    if connection.vendor != "postgresql":
        pytest.skip("stored documents are PostgreSQL's")

    def refused(rows):
        raise OperationalError("too many connections")

    monkeypatch.setattr("discovery.search._documents_of_values", refused)
    posts = [item(n, "Beijing lends less", STRUCTURED, name=f"p{n}") for n in range(1, 4)]
    call_command("import_wxr", write(tmp_path, export(*posts)))
    imported = dict(Column.objects.values_list("pk", "search_vector"))
    assert len(imported) == 3 and all(imported.values())
    update_search_vector(Column.objects.all())
    assert dict(Column.objects.values_list("pk", "search_vector")) == imported


def test_an_import_invalidates_cached_pages(tmp_path, settings, django_capture_on_commit_callbacks):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    guard.reset()
    before = versions.current_version()
    path = write(tmp_path, export(item(8, "A new column", "Text.")))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_wxr", path)
    assert versions.current_version() != before


def test_an_updated_post_is_found_by_its_new_tags_and_authors(tmp_path, client):
    call_command(
        "import_wxr", write(tmp_path, export(item(9, "Water", "Text.", tags=[("a", "Aral")])))
    )
    newer = export(item(9, "Water", "By Wei Zhang\n\nNew text.", tags=[("z", "Zarafshan")]))
    call_command("import_wxr", write(tmp_path, newer, name="newer.xml"))
    for query, found in [("Zarafshan", True), ("Zhang", True), ("Aral", False)]:
        response = client.get("/search/", {"q": query})
        assert ("Water" in response.content.decode()) is found, query


def test_an_import_leaves_the_planner_statistics_of_what_it_loaded(tmp_path):
    """Without fresh statistics PostgreSQL plans for nearly empty tables until autovacuum
    runs: pages were 30-40% slower right after an import (issue 16)."""
    if connection.vendor != "postgresql":
        pytest.skip("planner statistics are PostgreSQL's")
    items = [item(n, f"Column {n}", "Text.", tags=[("t", "Trade")]) for n in range(20, 27)]
    call_command("import_wxr", write(tmp_path, export(*items)))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, reltuples FROM pg_class WHERE relname IN (%s, %s)",
            [Column._meta.db_table, Column.tags.through._meta.db_table],
        )
        assert dict(cursor.fetchall()) == {
            Column._meta.db_table: 7,
            Column.tags.through._meta.db_table: 7,
        }


def test_a_reimport_that_changes_nothing_leaves_the_statistics_alone(tmp_path):
    from django.test.utils import CaptureQueriesContext

    if connection.vendor != "postgresql":
        pytest.skip("planner statistics are PostgreSQL's")
    path = write(tmp_path, export(item(30, "Column", "Text.")))
    with CaptureQueriesContext(connection) as first:
        call_command("import_wxr", path)
    with CaptureQueriesContext(connection) as again:
        call_command("import_wxr", path)
    assert [q for q in first if q["sql"].startswith("ANALYZE")]
    assert not [q for q in again if q["sql"].startswith("ANALYZE")]
