import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from tests.factories import ColumnFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:columns_column_changelist")


def test_the_needs_review_filter_lists_only_columns_to_review(editor_client):
    ColumnFactory(title="Structured by the importer", needs_review=True)
    ColumnFactory(title="Checked already")
    content = editor_client.get(CHANGELIST, {"needs_review__exact": "1"}).content.decode()
    assert "Structured by the importer" in content
    assert "Checked already" not in content
    assert "By needs review" in editor_client.get(CHANGELIST).content.decode()


def test_mark_as_reviewed_action(editor_client):
    column = ColumnFactory(needs_review=True)
    response = editor_client.post(
        CHANGELIST, {"action": "mark_reviewed", "_selected_action": [column.pk]}, follow=True
    )
    assert "Marked 1 column(s) as reviewed." in response.content.decode()
    column.refresh_from_db()
    assert not column.needs_review
    assert LogEntry.objects.get().change_message == "Marked as reviewed from the column list."


def test_press_assistants_cannot_mark_as_reviewed(press_client):
    column = ColumnFactory(needs_review=True)
    press_client.post(CHANGELIST, {"action": "mark_reviewed", "_selected_action": [column.pk]})
    column.refresh_from_db()
    assert column.needs_review


def test_the_change_form_shows_the_original_text_sanitised(editor_client):
    column = ColumnFactory(
        needs_review=True,
        original_html="<p>By Jane Roe</p><p>Body.</p><script>alert(1)</script>",
    )
    response = editor_client.get(reverse("admin:columns_column_change", args=[column.pk]))
    content = response.content.decode()
    assert 'aria-label="The original text"><p>By Jane Roe</p><p>Body.</p></div>' in content
    assert "alert(1)" not in content
    assert "Imported from WordPress" in content
