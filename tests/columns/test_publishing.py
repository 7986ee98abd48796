import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from columns.models import Column
from tests.columns.test_admin import column_form_data
from tests.factories import AuthorFactory, OutletFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2024, 3, 1, 9, 0, tzinfo=datetime.UTC)
ADD_URL = reverse("admin:columns_column_add")


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def new_column(**overrides):
    data = column_form_data(
        AuthorFactory(),
        OutletFactory(),
        status="published",
        outlet_published_at_0="",
        outlet_published_at_1="",
        posted_at_0="2024-03-05",
        posted_at_1="08:00:00",
    )
    data.update(overrides)
    return data


def client_page(client, url="/"):
    client.logout()
    return client.get(url).content.decode()


def test_the_form_offers_the_publishing_buttons(editor_client, press_client):
    form = editor_client.get(ADD_URL).content.decode()
    for label in ["Save draft", "Save and preview", "Publish"]:
        assert f'value="{label}"' in form
    assert 'name="_publish"' in form


def test_save_as_draft(editor_client, frozen):
    response = editor_client.post(ADD_URL, new_column(_save_draft="1"))
    column = Column.objects.get()
    assert column.status == "draft"
    assert response.url == reverse("admin:columns_column_change", args=[column.pk])
    page = editor_client.get(response.url).content.decode()
    assert "is a draft: only staff can see it" in page
    assert "Preview on the site (as saved)" in page


def test_publish_now_sets_the_posting_time_to_now(editor_client, frozen):
    editor_client.post(ADD_URL, new_column(status="draft", _publish_now="1"))
    column = Column.objects.get()
    assert (column.status, column.posted_at) == ("published", NOW)
    assert column.is_public
    assert column.title in client_page(editor_client)


def test_schedule_then_the_column_appears_by_itself(editor_client, client, frozen):
    response = editor_client.post(ADD_URL, new_column(status="draft", _schedule="1"))
    column = Column.objects.get()
    assert column.status == "published" and column.is_scheduled
    page = editor_client.get(response.url).content.decode()
    assert "goes public on 05 March 2024 at 08:00" in page
    assert client.get(column.get_absolute_url()).status_code == 404
    assert column.title not in client.get("/").content.decode()
    frozen.move_to(datetime.datetime(2024, 3, 5, 8, 0, 1, tzinfo=datetime.UTC))
    assert client.get(column.get_absolute_url()).status_code == 200
    assert column.title in client.get("/").content.decode()


def test_schedule_needs_a_future_time(editor_client, frozen):
    response = editor_client.post(
        ADD_URL, new_column(posted_at_0="2024-02-01", posted_at_1="08:00:00", _schedule="1")
    )
    assert response.status_code == 200
    assert "set “Posted on this site” to a future time" in response.content.decode()
    assert not Column.objects.exists()


def test_save_and_preview_shows_the_draft_page_never_cached(editor_client, client, frozen):
    response = editor_client.post(ADD_URL, new_column(status="draft", _preview="1"))
    column = Column.objects.get()
    assert response.url == column.get_absolute_url()
    preview = editor_client.get(response.url)
    assert "Draft: only staff can see this page" in preview.content.decode()
    assert "no-cache" in preview["Cache-Control"] and "no-store" in preview["Cache-Control"]
    assert client.get(response.url).status_code == 404


def test_plain_save_keeps_the_status_as_set(editor_client, frozen):
    editor_client.post(ADD_URL, new_column(status="draft", _save="Save"))
    column = Column.objects.get()
    assert column.status == "draft"
    assert column.posted_at == timezone.make_aware(datetime.datetime(2024, 3, 5, 8, 0))


def test_press_assistants_see_no_publishing_buttons(press_client):
    column = Column.objects.create(title="Read only", posted_at=NOW)
    page = press_client.get(reverse("admin:columns_column_change", args=[column.pk]))
    assert "Publish now" not in page.content.decode()
    assert (
        press_client.post(
            reverse("admin:columns_column_change", args=[column.pk]), {"_publish_now": "1"}
        ).status_code
        == 403
    )
