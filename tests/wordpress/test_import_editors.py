"""A newer export never undoes an editor's work: a three-way decision per field (merge.py)."""

import pytest
from reversion.models import Version

from columns.models import Column
from tests.wordpress.samples import export, item, run, snapshot, write

pytestmark = pytest.mark.django_db


def imported(tmp_path, *items, name="export.xml", args=()):
    return run(write(tmp_path, export(*items), name=name), *args)


def test_a_newer_export_keeps_what_editors_changed_and_says_so(tmp_path, editor_client):
    imported(tmp_path, item(7, "Old title", "Old body.", tags=[("aral", "Aral")]))
    column = Column.objects.get()
    column.title, column.dek = "Corrected title", "A standfirst written here."
    column.save()
    column.tags.set(["Water"])  # the editor's tags

    newer = item(7, "Changed title", "New body.", tags=[("aral", "Aral"), ("oil", "Oil")])
    output = imported(tmp_path, newer, name="newer.xml")

    column.refresh_from_db()
    assert column.title == "Corrected title"  # both changed it: the editor's stays
    assert column.dek == "A standfirst written here."  # only the editor changed it
    assert column.body == "<p>New body.</p>"  # only the export changed it
    assert sorted(column.tags.names()) == ["Water"]
    assert column.needs_review
    assert "Columns: 0 created, 1 updated (1 kept the editor's changes), 0 unchanged" in output
    assert "Kept the editor's changes" in output
    assert "item 7 “Changed title” (line" in output and ": title, tags" in output

    # The export's version is in the column's history, where the editor can restore it.
    version = Version.objects.get_for_object(column).first()
    assert version.field_dict["title"] == "Changed title"
    assert version.field_dict["body"] == "<p>New body.</p>"
    history = editor_client.get(f"/admin/columns/column/{column.pk}/history/")
    assert "A newer WordPress export" in history.content.decode()

    # The same export again: nothing to decide. A later one changing only the body: no conflict.
    assert "Nothing changed" in imported(tmp_path, newer, name="newer.xml")
    later = item(7, "Changed title", "Newest body.", tags=[("aral", "Aral"), ("oil", "Oil")])
    output = imported(tmp_path, later, name="later.xml")
    column.refresh_from_db()
    assert (column.title, column.body) == ("Corrected title", "<p>Newest body.</p>")
    assert "Kept the editor's changes" not in output


def test_fields_the_editor_did_not_touch_follow_the_export(tmp_path):
    imported(tmp_path, item(7, "Title", "Body.", status="draft"))
    column = Column.objects.get()
    column.status = Column.Status.PUBLISHED  # the editor published it
    column.save()
    output = imported(tmp_path, item(7, "New title", "Body.", status="draft"), name="n.xml")
    column.refresh_from_db()
    assert column.title == "New title"
    assert column.status == Column.Status.PUBLISHED  # the export did not change it
    assert not column.needs_review
    assert "Kept the editor's changes" not in output


def test_a_dry_run_lists_the_conflicts_first_and_changes_nothing(tmp_path):
    imported(tmp_path, item(7, "Old title", "Body."))
    Column.objects.update(title="Editor's title")
    before = snapshot()
    output = imported(tmp_path, item(7, "New title", "Body."), name="n.xml", args=["--dry-run"])
    assert "Kept the editor's changes" in output and ": title" in output
    assert snapshot() == before
    assert not Version.objects.exists()


def test_a_column_imported_before_the_import_remembered_fields_keeps_what_differs(tmp_path):
    imported(tmp_path, item(7, "Old title", "Body."))
    Column.objects.update(wordpress_fields={}, title="Editor's title")
    imported(tmp_path, item(7, "New title", "New body."), name="n.xml")
    column = Column.objects.get()
    # Without a memory, nothing tells an editor's change from the last import's: what differs
    # stays, and the export's version goes to the history, to be restored there if wanted.
    assert (column.title, column.body) == ("Editor's title", "<p>Body.</p>")
    assert column.needs_review
    assert Version.objects.get_for_object(column).first().field_dict["title"] == "New title"


def test_a_featured_image_listed_after_its_post_does_not_replace_the_editors(tmp_path):
    def photo(url):
        return item(60, "p", "", post_type="attachment", status="inherit", attachment_url=url)

    post = item(7, "Title", meta=[("_thumbnail_id", "60")])
    imported(tmp_path, post, photo("https://old.example.org/a.jpg"))
    assert Column.objects.get().image_url == "https://old.example.org/a.jpg"
    Column.objects.update(image_url="https://images.example.net/chosen.jpg")
    newer = item(7, "New title", meta=[("_thumbnail_id", "60")])
    imported(tmp_path, newer, photo("https://old.example.org/b.jpg"), name="n.xml")
    column = Column.objects.get()
    assert (column.title, column.image_url) == (
        "New title",
        "https://images.example.net/chosen.jpg",
    )
