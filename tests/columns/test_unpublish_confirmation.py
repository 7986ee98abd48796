"""Actions that take content offline confirm first, naming what they touch (issue 14, item 12:
two live columns went offline in one click)."""

import datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from columns.models import Column
from tests.factories import ColumnFactory

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:columns_column_changelist")


@pytest.fixture
def columns():
    later = timezone.now() + datetime.timedelta(days=2)
    return {
        "live": ColumnFactory(title="Live one"),
        "other": ColumnFactory(title="Live two"),
        "scheduled": ColumnFactory(title="Coming soon", posted_at=later),
        "draft": ColumnFactory(title="Still a draft", status=Column.Status.DRAFT),
    }


def test_unpublish_asks_first_naming_each_column(editor_client, columns):
    selected = [column.pk for column in columns.values()]
    response = editor_client.post(CHANGELIST, {"action": "unpublish", "_selected_action": selected})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Take 3 columns offline?" in page
    for title in ["Live one", "Live two", "Coming soon"]:
        assert title in page
    assert "Still a draft" not in page  # untouched, so not listed
    assert "public" in page and "scheduled for" in page
    for pk in selected:
        assert f'name="_selected_action" value="{pk}"' in page
    assert Column.objects.filter(status=Column.Status.PUBLISHED).count() == 3
    assert not LogEntry.objects.exists()


def test_unpublish_runs_once_confirmed(editor_client, columns):
    selected = [columns["live"].pk, columns["draft"].pk]
    response = editor_client.post(
        CHANGELIST, {"action": "unpublish", "_selected_action": selected, "confirmed": "yes"}
    )
    assert response.status_code == 302
    columns["live"].refresh_from_db()
    assert columns["live"].status == Column.Status.DRAFT
    assert Column.objects.filter(status=Column.Status.PUBLISHED).count() == 2
    assert LogEntry.objects.get().get_change_message() == "Unpublished from the column list."


def test_nothing_to_take_offline_says_so(editor_client, columns):
    response = editor_client.post(
        CHANGELIST, {"action": "unpublish", "_selected_action": [columns["draft"].pk]}, follow=True
    )
    assert "None of the selected columns is published" in response.content.decode()
