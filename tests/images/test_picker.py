"""The figure dialog's "Browse..." window: upload an image or pick one from the library."""

import pytest
from django.urls import reverse

from images.models import Image
from tests.images.test_images import add_image, image_bytes, upload

pytestmark = pytest.mark.django_db

PICKER = reverse("admin:images_image_picker")


def test_the_editor_is_configured_to_open_the_picker():
    from columns.admin.editor import EXTENSIONS

    assert EXTENSIONS["Figure"] == {"pickerUrl": PICKER}


def test_upload_and_use(editor_client):
    response = editor_client.post(
        f"{PICKER}?CKEditorFuncNum=7",
        {"file": upload(image_bytes()), "alt": "A map", "caption": "The valley.", "credit": "Jane"},
    )
    html = response.content.decode()
    image = Image.objects.get()
    assert f'data-url="{image.file.url}"' in html and 'data-callback="7"' in html
    assert 'data-caption="The valley. Jane"' in html and "picked-now" in html


def test_a_bad_upload_says_why_and_saves_nothing(editor_client):
    response = editor_client.post(
        PICKER, {"file": upload(b"not an image", name="x.jpg"), "alt": "Broken"}
    )
    assert response.status_code == 200 and "errornote" in response.content.decode()
    assert not Image.objects.exists()


def test_pick_from_the_library_with_search_and_pages(editor_client):
    add_image(editor_client, image_bytes(), alt="Fergana valley map")
    add_image(editor_client, image_bytes(), alt="Astana skyline")
    html = editor_client.get(PICKER, {"q": "fergana", "CKEditorFuncNum": "3"}).content.decode()
    html = html[html.index('class="picker-images"') :]
    assert "Fergana valley map" in html and "Astana skyline" not in html
    for odd in [{"page": "x"}, {"page": "999"}, {"CKEditorFuncNum": "<script>"}, {"q": "\x00"}]:
        response = editor_client.get(PICKER, odd)
        assert response.status_code == 200 and '<script>"' not in response.content.decode()


def test_press_assistants_may_not_open_it(press_client):
    assert press_client.get(PICKER).status_code == 403
