"""Uploaded media are served with DEBUG off (what `make prod` runs), safely: asked of the WSGI
application itself, as granian asks it."""

import io
import os
import wsgiref.util

import PIL.Image
import pytest
from django.core.wsgi import get_wsgi_application

from images.models import Image
from tests.images.test_images import ADD_URL, image_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def wsgi(settings):
    """GET (or another method) through the WSGI application: (status, headers, body)."""
    assert not settings.DEBUG
    application = get_wsgi_application()

    def request(path, method="GET", **headers):
        environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "wsgi.input": io.BytesIO()}
        environ.update({f"HTTP_{k.upper()}": v for k, v in headers.items()})
        wsgiref.util.setup_testing_defaults(environ)
        environ["HTTP_HOST"] = "testserver"
        answer = {}

        def start_response(status, response_headers, exc_info=None):
            answer["status"] = int(status.split()[0])
            answer["headers"] = dict(response_headers)

        chunks = application(environ, start_response)
        try:
            body = b"".join(chunks)
        finally:
            getattr(chunks, "close", lambda: None)()
        return answer["status"], answer["headers"], body

    return request


@pytest.fixture
def media(settings):
    root = settings.MEDIA_ROOT
    (root / "outlets").mkdir(parents=True)
    return root


def test_an_uploaded_image_and_its_renditions_are_served(wsgi, editor_client):
    editor_client.post(ADD_URL, {"alt": "A map", "file": upload(image_bytes())})
    image = Image.objects.get()
    status, headers, body = wsgi(image.file.url)
    assert status == 200
    assert headers["Content-Type"] == "image/jpeg"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "max-age=86400" in headers["Cache-Control"]
    assert PIL.Image.open(io.BytesIO(body)).size == (2000, 1000)
    # Renditions are named by their content: cached for a year, never revalidated.
    status, headers, _ = wsgi("/media/" + image.renditions["480"])
    assert status == 200
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"


def test_conditional_and_head_requests(wsgi, media):
    (media / "outlets" / "logo.png").write_bytes(image_bytes(10, 10, "PNG"))
    status, headers, body = wsgi("/media/outlets/logo.png", method="HEAD")
    assert (status, body) == (200, b"")
    assert headers["Content-Length"] == str((media / "outlets" / "logo.png").stat().st_size)
    assert wsgi("/media/outlets/logo.png", if_none_match=headers["ETag"])[0] == 304
    since = headers["Last-Modified"]
    assert wsgi("/media/outlets/logo.png", if_modified_since=since)[0] == 304
    assert wsgi("/media/outlets/logo.png", method="POST")[0] == 405


@pytest.mark.parametrize(
    "path",
    [
        "/media/",
        "/media/outlets/",
        "/media/outlets",
        "/media/../config/settings.py",
        "/media/%2e%2e/config/settings.py",
        "/media/outlets/..%2f..%2fconfig%2fsettings.py",
        "/media/.hidden.png",
        "/media/outlets/missing.png",
        "/media/linked/settings.py",
        "/media/outlets\\..\\..\\pyproject.toml",
    ],
)
def test_no_listing_no_escape(wsgi, media, path):
    (media / ".hidden.png").write_bytes(image_bytes(10, 10, "PNG"))
    os.symlink(os.path.dirname(os.path.dirname(__file__)) + "/config", media / "linked")
    status, _, body = wsgi(path)
    assert status == 404
    assert b"SECRET" not in body and b"outlets" not in body


@pytest.mark.parametrize("name", ["page.html", "drawing.svg", "script.js", "noextension"])
def test_files_of_other_types_never_run_on_this_site(wsgi, media, name):
    (media / name).write_bytes(b"<script>alert(document.cookie)</script>")
    status, headers, _ = wsgi(f"/media/{name}")
    assert status == 200
    assert headers["Content-Type"] == "application/octet-stream"
    assert headers["Content-Disposition"] == "attachment"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in headers["Content-Security-Policy"]
    assert "script-src" not in headers["Content-Security-Policy"]
