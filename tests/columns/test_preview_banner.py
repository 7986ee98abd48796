"""The draft preview banner leads back to the column's form."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from columns.models import Column
from tests.factories import ColumnFactory

pytestmark = pytest.mark.django_db


def test_the_preview_banner_links_back_to_editing(editor_client):
    draft = ColumnFactory(status=Column.Status.DRAFT)
    html = editor_client.get(draft.get_absolute_url()).content.decode()
    assert (
        f'href="{reverse("admin:columns_column_change", args=[draft.pk])}">Back to editing' in html
    )
    scheduled = ColumnFactory(posted_at=timezone.now() + datetime.timedelta(days=2))
    html = editor_client.get(scheduled.get_absolute_url()).content.decode()
    assert "(UTC). <a href=" in html and "Back to editing" in html
