import csv
import io

import pytest
from django.urls import reverse

from subscribers.models import Subscriber

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscribers():
    return [
        Subscriber.objects.create(email="a@example.org"),
        Subscriber.objects.create(email="=HYPERLINK(1)@example.org", frequency="monthly"),
    ]


def test_editors_see_and_export_subscribers(editor_client, subscribers):
    changelist = reverse("admin:subscribers_subscriber_changelist")
    assert "a@example.org" in editor_client.get(changelist).text
    response = editor_client.post(
        changelist,
        {"action": "export_csv", "_selected_action": [s.pk for s in subscribers]},
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "email"
    assert sorted(row[0] for row in rows[1:]) == ["'=HYPERLINK(1)@example.org", "a@example.org"]


def test_press_assistants_never_see_subscribers(press_client, subscribers):
    changelist = reverse("admin:subscribers_subscriber_changelist")
    assert press_client.get(changelist).status_code == 403
    assert "subscribers" not in press_client.get(reverse("admin:index")).text.lower()


def test_nobody_adds_an_address_for_someone_else(editor_client):
    assert editor_client.get(reverse("admin:subscribers_subscriber_add")).status_code == 403
