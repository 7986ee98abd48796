"""Press assistants pick existing tags in the mention forms; a new tag is an editor's decision,
since a tag is public (a page and a feed) (issue 14, item 6)."""

import pytest
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from mentions.models import Mention
from tags.models import TagAlias
from tests.factories import OutletFactory

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:mentions_mention_add")
LOG_URL = reverse("admin:mentions_mention_log")


def mention_data(outlet, tags):
    return {
        "outlet": outlet.pk,
        "topic": "the summit",
        "date": timezone.localdate().isoformat(),
        "kind": "interview",
        "url": "",
        "note": "",
        "column": "",
        "tags": tags,
        "status": "published",
    }


def log_data(outlet, tags):
    return mention_data(outlet, tags) | {"outlets": [outlet.pk], "new_outlets": ""}


@pytest.fixture
def china():
    tag = Tag.objects.create(name="China", slug="china")
    TagAlias.objects.create(tag=tag, name="PRC")
    return tag


@pytest.mark.parametrize(("url", "data"), [(ADD_URL, mention_data), (LOG_URL, log_data)])
class TestMentionForms:
    def test_press_assistants_pick_existing_tags_and_aliases(self, press_client, china, url, data):
        response = press_client.post(url, data(OutletFactory(), "china, PRC"))
        assert response.status_code == 302
        assert list(Mention.objects.get().tags.all()) == [china]

    def test_a_new_tag_name_is_refused_with_a_message(self, press_client, china, url, data):
        response = press_client.post(url, data(OutletFactory(), "China, Secret project, Xyz"))
        assert response.status_code == 200
        content = response.content.decode()
        assert "You may only pick existing tags; “Secret project”, “Xyz” are not a tag yet" in (
            content
        )
        assert Tag.objects.count() == 1 and not Mention.objects.exists()

    def test_editors_may_add_tags(self, editor_client, china, url, data):
        response = editor_client.post(url, data(OutletFactory(), "China, New topic"))
        assert response.status_code == 302
        assert set(Mention.objects.get().tags.names()) == {"China", "New topic"}
