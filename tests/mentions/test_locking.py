"""The edit-conflict check on mentions, which editors and press assistants both change
(core/locking.py; issue 14 item 13 found it missing, or skippable, on the column form)."""

import pytest
from django.urls import reverse

from mentions.models import Mention
from tests.factories import MentionFactory

pytestmark = pytest.mark.django_db


def change_data(mention, **overrides):
    data = {
        "outlet": mention.outlet_id,
        "topic": mention.topic,
        "date": mention.date.isoformat(),
        "kind": mention.kind,
        "url": mention.url,
        "public_note": "",
        "internal_note": "",
        "column": "",
        "tags": "",
        "status": mention.status,
        "opened_at": mention.modified_at.isoformat(),
    }
    return data | overrides


@pytest.fixture
def mention(press_assistant):
    return MentionFactory(topic="the summit", created_by=press_assistant)


def test_a_stale_save_is_refused(editor_client, press_client, mention):
    url = reverse("admin:mentions_mention_change", args=[mention.pk])
    form = editor_client.get(url).content.decode()
    assert mention.modified_at.isoformat() in form  # the hidden opened_at
    stale = change_data(mention, topic="the editor's late edit")
    assert press_client.post(url, change_data(mention, topic="the new topic")).status_code == 302
    response = editor_client.post(url, stale)
    assert response.status_code == 200 and "after you opened it" in response.content.decode()
    assert Mention.objects.get().topic == "the new topic"


@pytest.mark.parametrize("opened_at", [None, "", "2024-13-45T99:00:00"])
def test_a_save_without_a_valid_opened_at_is_refused(editor_client, mention, opened_at):
    data = change_data(mention, topic="blind overwrite")
    if opened_at is None:
        del data["opened_at"]
    else:
        data["opened_at"] = opened_at
    url = reverse("admin:mentions_mention_change", args=[mention.pk])
    response = editor_client.post(url, data)
    assert response.status_code == 200 and "reload the mention" in response.content.decode()
    assert Mention.objects.get().topic == "the summit"


def test_saving_after_reopening_works(editor_client, mention):
    url = reverse("admin:mentions_mention_change", args=[mention.pk])
    assert editor_client.post(url, change_data(mention, topic="first")).status_code == 302
    mention.refresh_from_db()
    assert editor_client.post(url, change_data(mention, topic="second")).status_code == 302
    assert Mention.objects.get().topic == "second"
