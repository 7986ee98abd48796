"""A column's history says what changed (fields and status), and compares revisions as text."""

import datetime

import pytest
import time_machine
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from reversion.models import Version

from columns.admin.history import paragraphs_of, rendered_diff
from columns.models import Column
from tests.columns.test_revisions import change_data
from tests.factories import AuthorFactory, ColumnFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2024, 3, 1, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def column():
    with time_machine.travel(NOW - datetime.timedelta(days=1)):
        return ColumnFactory(
            status=Column.Status.DRAFT,
            posted_at=NOW - datetime.timedelta(days=1),
            body="<p>First paragraph here.</p>\n<p>Second one &amp; more.</p>",
            bylines=[AuthorFactory()],
        )


def save(client, column, **overrides):
    url = reverse("admin:columns_column_change", args=[column.pk])
    column.refresh_from_db()
    same = {
        "dek": column.dek,
        "intro": column.intro,
        "body": column.body,
        "original_url": column.original_url,
        "outlet_published_at_0": "",
        "outlet_published_at_1": "",
        "status": column.status,
        "posted_at_0": f"{column.posted_at:%Y-%m-%d}",
        "posted_at_1": f"{column.posted_at:%H:%M:%S}",
    }
    data = change_data(column, **(same | overrides))
    data.setdefault("tags", [])
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return LogEntry.objects.filter(object_id=str(column.pk)).order_by("-pk").first()


def test_the_body_written_another_way_is_not_a_change(editor_client, column):
    # How the editor writes the stored body back: no newline, an entity spelled differently.
    entry = save(
        editor_client,
        column,
        body="<p>First paragraph here.</p><p>Second one &#38; more.</p>",
        posted_at_1="11:00:00",
    )
    assert entry.get_change_message() == "Changed Posted on this site."


def test_status_transitions_are_named(editor_client, column):
    with time_machine.travel(NOW, tick=False):
        entry = save(editor_client, column, posted_at_0="2024-03-05", _publish="1")
        assert entry.get_change_message() == (
            "Changed Posted on this site. Status: draft → scheduled for 5 March 2024, 09:00 (UTC)."
        )
        column.refresh_from_db()
        entry = save(editor_client, column, _save_draft="1")
        assert entry.get_change_message() == (
            "Status: scheduled for 5 March 2024, 09:00 (UTC) → draft."
        )
    assert Version.objects.get_for_object(column).first().revision.get_comment() == (
        entry.get_change_message()
    )


def test_a_new_column_says_how_it_was_created(editor_client):
    from tests.columns.test_admin import column_form_data
    from tests.factories import OutletFactory

    data = column_form_data(AuthorFactory(), OutletFactory(), _save_draft="1")
    editor_client.post(reverse("admin:columns_column_add"), data)
    assert LogEntry.objects.get().get_change_message().endswith("Created as a draft.")


def test_paragraphs_are_read_as_a_reader_sees_them():
    html = "<h2>A &amp; B</h2><p>One <em>two</em></p><figure><img src=x alt='A map'></figure>"
    assert paragraphs_of(html) == [
        "A",
        "&",
        "B",
        "\n",
        "One",
        "two",
        "\n",
        "[Image:",
        "A",
        "map",
        "]",
    ]


def test_rendered_diff_marks_words_in_their_paragraphs():
    old = '<p>The <a href="/a">SCO</a> met.</p><p>Nothing <strong>else</strong>.</p>'
    new = '<p>The <a href="/a">SCO</a> met in Astana.</p><p>Nothing else.</p><p>New & last.</p>'
    assert rendered_diff(old, new) == (
        "<p>The SCO <del>met.</del> <ins>met in Astana.</ins></p>"
        "<p>Nothing else.</p><p><ins>New &amp; last.</ins></p>"
    )
    same = rendered_diff("<p>A link</p>", '<p>A <a href="https://x.example">link</a></p>')
    assert "only its formatting or links changed" in same


def test_compare_shows_the_body_as_text_not_html(editor_client, column):
    save(editor_client, column, title="Retitled")
    save(
        editor_client,
        column,
        body="<p>First paragraph here, changed.</p><p>Second one &amp; more.</p>",
    )
    newer, older = Version.objects.get_for_object(column)[:2]
    html = editor_client.get(
        reverse("admin:columns_column_compare", args=[column.pk]),
        {"old": older.pk, "new": newer.pk},
    ).content.decode()
    assert "<p>First paragraph <del>here.</del> <ins>here, changed.</ins></p>" in html
    assert "&lt;p&gt;" not in html
