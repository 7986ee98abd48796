import io
import re

import PIL.Image
import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from columns.models import Column
from images.html import add_srcset
from images.models import SIZES, Image
from tests.columns.test_admin import column_form_data
from tests.factories import AuthorFactory, ColumnFactory, OutletFactory

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:images_image_add")


def image_bytes(width=2000, height=1000, image_format="JPEG"):
    buffer = io.BytesIO()
    PIL.Image.new("RGB", (width, height), (200, 30, 30)).save(buffer, format=image_format)
    return buffer.getvalue()


def upload(content, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def add_image(client, content, **fields):
    data = {"alt": "Delegates at the summit", "caption": "", "credit": ""} | fields
    return client.post(ADD_URL, data | {"file": upload(content)})


class TestUpload:
    def test_upload_makes_responsive_sizes_once(self, editor_client, editor):
        response = add_image(
            editor_client, image_bytes(), caption="The summit.", credit="Photo: Example"
        )
        assert response.status_code == 302
        image = Image.objects.get()
        assert (image.width, image.height, image.uploaded_by) == (2000, 1000, editor)
        assert sorted(image.renditions, key=int) == ["480", "960", "1600"]
        for width, path in image.renditions.items():
            with default_storage.open(path) as stored, PIL.Image.open(stored) as copy:
                assert copy.size == (int(width), int(width) // 2)
        assert image.srcset.endswith(f"{image.file.url} 2000w")
        assert re.search(r"-480w\.[0-9a-f]{12}\.jpg 480w", image.srcset)
        html = image.figure_html()
        assert 'alt="Delegates at the summit"' in html
        assert "<figcaption>The summit. Photo: Example</figcaption>" in html

    def test_a_small_image_gets_no_larger_copies(self, editor_client):
        add_image(editor_client, image_bytes(600, 400, "PNG"))
        assert list(Image.objects.get().renditions) == ["480"]

    def test_alt_text_is_required(self, editor_client):
        response = add_image(editor_client, image_bytes(), alt="")
        assert "This field is required" in response.content.decode()
        assert not Image.objects.exists()

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            (b"just some text, not an image", "not an image we can read"),
            (image_bytes()[:2000], "not an image we can read"),  # truncated: corrupt
            (b"GIF89a" + b"\x00" * 50, "not an image we can read"),
        ],
    )
    def test_non_images_and_corrupt_files_are_refused(self, editor_client, content, message):
        response = add_image(editor_client, content)
        assert response.status_code == 200
        assert message in response.content.decode()
        assert not Image.objects.exists()

    def test_oversized_files_are_refused(self, editor_client, settings):
        settings.IMAGE_UPLOAD_MAX_BYTES = 1000
        response = add_image(editor_client, image_bytes())
        assert "images may be at most 1000" in response.content.decode()
        assert not Image.objects.exists()

    def test_other_formats_are_refused(self, editor_client):
        buffer = io.BytesIO()
        PIL.Image.new("RGB", (10, 10)).save(buffer, format="BMP")
        response = add_image(editor_client, buffer.getvalue())
        assert "BMP images are not accepted" in response.content.decode()

    def test_featured_image_uploads_are_checked_too(self, editor_client):
        data = column_form_data(AuthorFactory(), OutletFactory(), image_alt="A map")
        data["image"] = upload(b"<?php echo 1; ?>", name="map.jpg")
        response = editor_client.post(reverse("admin:columns_column_add"), data)
        assert "not an image we can read" in response.content.decode()
        assert not Column.objects.exists()

    def test_press_assistants_cannot_upload(self, press_client):
        assert press_client.post(ADD_URL, {"alt": "x"}).status_code == 403


class TestInColumns:
    def test_body_images_get_their_srcset_at_save(self, editor_client):
        add_image(editor_client, image_bytes())
        image = Image.objects.get()
        body = (
            f'<figure><img src="{image.file.url}" alt="" data-file="x">'
            "<figcaption>The summit</figcaption></figure><p>Text.</p>"
        )
        data = column_form_data(AuthorFactory(), OutletFactory(), body=body)
        assert editor_client.post(reverse("admin:columns_column_add"), data).status_code == 302
        stored = Column.objects.get().body
        assert f'srcset="{image.srcset}"' in stored
        assert 'alt="Delegates at the summit"' in stored and 'width="2000"' in stored
        assert "<figcaption>The summit</figcaption>" in stored and "data-file" not in stored


class TestRichTextEditor:
    def test_intro_and_body_use_the_prose_editor(self, editor_client):
        column = ColumnFactory(bylines=[AuthorFactory()])
        page = editor_client.get(reverse("admin:columns_column_change", args=[column.pk]))
        content = page.content.decode()
        assert content.count("data-django-prose-editor-configurable") == 2
        assert "django_prose_editor/editor.js" in content
        for extension in ["Heading", "Bold", "Italic", "Link", "Blockquote", "Figure"]:
            assert f"&quot;{extension}&quot;" in content

    def test_more_marker_survives_the_editor(self, editor_client):
        column = ColumnFactory(body="<p>Lead.</p>\n<!--more-->\n<p>Rest.</p>")
        page = editor_client.get(reverse("admin:columns_column_change", args=[column.pk]))
        assert "&lt;p&gt;[more]&lt;/p&gt;" in page.content.decode()
        data = column_form_data(
            AuthorFactory(), OutletFactory(), body="<p>Lead.</p><p>[more]</p><p>Rest.</p>"
        )
        editor_client.post(reverse("admin:columns_column_add"), data)
        saved = Column.objects.get(slug="the-sco-at-twenty")
        assert "<!--more-->" in saved.body
        assert saved.excerpt_html == "<p>Lead.</p>"

    def test_what_the_editor_produces_survives_the_sanitiser(self, editor_client):
        body = (
            "<h2>Heading</h2><p><strong>Bold</strong> <em>italic</em> "
            '<a href="https://example.org">link</a></p><ul><li>one</li></ul><ol><li>two</li></ol>'
            "<blockquote><p>Quote</p></blockquote>"
            '<figure><img src="https://example.org/a.jpg" alt="A"><figcaption>Cap</figcaption>'
            '</figure><p onclick="x()">Safe<script>alert(1)</script></p>'
        )
        data = column_form_data(AuthorFactory(), OutletFactory(), body=body)
        editor_client.post(reverse("admin:columns_column_add"), data)
        stored = Column.objects.get().body
        for kept in ["<h2>", "<strong>", "<em>", "<ul>", "<ol>", "<blockquote>", "<figcaption>"]:
            assert kept in stored
        assert 'href="https://example.org"' in stored and 'alt="A"' in stored
        assert "script" not in stored and "onclick" not in stored


class TestAddSrcset:
    @pytest.mark.parametrize("quoted", ['"{url}"', "'{url}'", "{url}"])
    def test_the_src_may_be_quoted_either_way_or_not_at_all(self, editor_client, quoted):
        add_image(editor_client, image_bytes())
        image = Image.objects.get()
        src = quoted.format(url=image.file.url)
        html = add_srcset(f"<p>Before.</p><img src={src} alt='A map'><p>After.</p>")
        assert html == (
            f'<p>Before.</p><img src="{image.file.url}" alt="A map" width="2000" height="1000" '
            f'srcset="{image.srcset}" sizes="{SIZES}" loading="lazy"><p>After.</p>'
        )

    def test_escaped_text_is_not_escaped_twice(self, editor_client):
        add_image(editor_client, image_bytes())
        image = Image.objects.get()
        once = add_srcset(f'<img src="{image.file.url}" alt="Salt &amp; &quot;pepper&quot;">')
        assert 'alt="Salt &amp; &quot;pepper&quot;"' in once
        assert add_srcset(once) == once  # every save enriches the body again

    def test_other_images_text_and_comments_are_left_exactly_as_they_came(self, editor_client):
        add_image(editor_client, image_bytes())
        url = Image.objects.get().file.url
        body = f'<p>a < b <img src="https://example.org/x.jpg" alt=x></p><!-- <img src="{url}"> -->'
        assert add_srcset(body) == body


def test_an_image_used_as_an_authors_photo_is_kept(editor_client):
    """Deleting it would drop the photo from the author's and About pages without a word."""
    assert add_image(editor_client, image_bytes(600, 600)).status_code == 302
    image = Image.objects.get()
    author = AuthorFactory(photo=image)
    url = reverse("admin:images_image_delete", args=[image.pk])
    content = editor_client.post(url, {"post": "yes"}).content.decode()
    assert "protected related objects" in content and author.name in content
    author.refresh_from_db()
    assert author.photo == image


def test_an_upload_knows_its_content_hash(editor_client):
    import hashlib

    content = image_bytes()
    assert add_image(editor_client, content).status_code == 302
    assert Image.objects.get().content_hash == hashlib.sha256(content).hexdigest()
