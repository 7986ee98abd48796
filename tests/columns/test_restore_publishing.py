"""Restoring a revision brings back content; the column's status and posting time change only
when the editor asks (issue 14, item 11: restoring a draft revision took a live column offline)."""

import pytest
from django.urls import reverse
from reversion.models import Version

from columns.models import Column
from tests.columns.test_admin import column_form_data
from tests.columns.test_revisions import change_data
from tests.factories import AuthorFactory, OutletFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def live_after_a_draft(editor_client):
    """A column saved first as a draft, then retitled and published: live now."""
    add = column_form_data(AuthorFactory(name="Jane Roe"), OutletFactory(), status="draft")
    assert editor_client.post(reverse("admin:columns_column_add"), add).status_code == 302
    column = Column.objects.get()
    response = editor_client.post(
        reverse("admin:columns_column_change", args=[column.pk]),
        change_data(column, title="The SCO at twenty-one", status="published"),
    )
    assert response.status_code == 302
    column.refresh_from_db()
    assert column.is_public
    return column


def restore_url(column):
    draft_revision = list(Version.objects.get_for_object(column))[-1]
    assert draft_revision.field_dict["status"] == "draft"
    return reverse("admin:columns_column_restore", args=[column.pk, draft_revision.pk])


def test_restore_brings_back_the_content_and_keeps_the_column_live(
    editor_client, live_after_a_draft
):
    before = Column.objects.get()
    url = restore_url(live_after_a_draft)
    page = editor_client.get(url).content.decode()
    assert "The column stays public" in page
    assert "draft" in page and "takes the column offline" in page  # the offer, plainly
    assert editor_client.post(url).status_code == 302
    column = Column.objects.get()
    assert column.title == "The SCO at twenty"
    assert (column.status, column.posted_at) == (before.status, before.posted_at)
    assert column.is_public
    assert editor_client.get(column.get_absolute_url()).status_code == 200


def test_the_status_comes_back_only_when_asked(editor_client, live_after_a_draft):
    url = restore_url(live_after_a_draft)
    assert editor_client.post(url, {"restore_publishing": "1"}).status_code == 302
    column = Column.objects.get()
    assert column.title == "The SCO at twenty" and column.status == Column.Status.DRAFT
    comment = Version.objects.get_for_object(column).first().revision.get_comment()
    assert "status and posting time too" in comment


def test_no_offer_when_the_publishing_state_is_the_same(editor_client, live_after_a_draft):
    editor_client.post(
        reverse("admin:columns_column_change", args=[live_after_a_draft.pk]),
        change_data(live_after_a_draft, title="Third title", status="published"),
    )
    column = Column.objects.get()
    previous = list(Version.objects.get_for_object(column))[1]
    url = reverse("admin:columns_column_restore", args=[column.pk, previous.pk])
    page = editor_client.get(url).content.decode()
    assert "restore_publishing" not in page and "The column stays public" in page
