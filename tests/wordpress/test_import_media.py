"""`import_wxr --media`, `--media-from` and `fetch_media`: the old site's files brought home."""

import contextlib
import http.server
import io
import threading
import time

import PIL.Image
import pytest
from django.core.management import CommandError, call_command

from columns.models import Column
from images.models import Image
from tests.wordpress.samples import export, item, run, write
from wordpress.models import MediaFile

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png(colour="red", size=(1200, 800)):
    buffer = io.BytesIO()
    PIL.Image.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


class Handler(http.server.BaseHTTPRequestHandler):
    files = {}
    hits = []

    def do_GET(self):
        Handler.hits.append(self.path)
        answers = self.files.get(self.path, [(404, "text/html", b"missing", 0)])
        status, content_type, body, delay = answers[0] if len(answers) == 1 else answers.pop(0)
        time.sleep(delay)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def old_site(settings):
    """The old WordPress site, on 127.0.0.1: loopback fetching is allowed only while it runs."""
    settings.ALLOW_LOOPBACK_FETCH = True
    settings.MEDIA_FETCH_TIMEOUT = 1
    settings.MEDIA_FETCH_BACKOFF = 0.01
    settings.MEDIA_FETCH_MAX_BYTES = 200_000
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    Handler.files, Handler.hits = {}, []
    base = f"http://127.0.0.1:{server.server_address[1]}"

    def serve(path, body, content_type="image/png", status=200, delay=0):
        Handler.files[path] = [(status, content_type, body, delay)]
        return base + path

    serve.base = base
    serve.hits = Handler.hits
    yield serve
    server.shutdown()
    server.server_close()
    settings.ALLOW_LOOPBACK_FETCH = False


def site_export(base, *items):
    return export(*items).replace("https://old.example.org", base)


def stored_files(settings):
    root = settings.MEDIA_ROOT
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def a_post_with_media(base, post_id=1, title="With media"):
    body = (
        f'<img src="{base}/wp-content/uploads/2020/03/map.png" alt="A map">\n\n'
        f'Read <a href="{base}/wp-content/uploads/2020/03/report.pdf">the report</a>.\n\n'
        '<img src="https://elsewhere.example.com/theirs.png" alt="Not ours">'
    )
    return item(post_id, title, body, meta=[("_thumbnail_id", "50")])


def a_photo(base, post_id=50, path="/wp-content/uploads/2020/03/photo.png"):
    return item(
        post_id,
        "photo",
        "",
        post_type="attachment",
        status="inherit",
        excerpt="The harbour at dawn",
        attachment_url=base + path,
        meta=[("_wp_attachment_image_alt", "A harbour")],
    )


def serve_the_files(old_site):
    old_site("/wp-content/uploads/2020/03/map.png", png("blue"))
    old_site("/wp-content/uploads/2020/03/photo.png", png("green"))
    old_site("/wp-content/uploads/2020/03/report.pdf", PDF, "application/pdf")


def test_media_come_home_as_images_with_renditions_and_the_columns_point_at_them(
    tmp_path, old_site, settings, client
):
    serve_the_files(old_site)
    path = write(
        tmp_path,
        site_export(old_site.base, a_photo(old_site.base), a_post_with_media(old_site.base)),
    )
    output = run(path, "--media")
    assert "Media: 3 files brought home, 0 already here." in output
    column = Column.objects.get()
    photo = Image.objects.get(alt="A harbour")
    assert photo.caption == "The harbour at dawn" and photo.renditions
    assert (column.image.name, column.image_url) == (photo.file.name, "")
    map_image = MediaFile.objects.get(source_url__endswith="map.png").image
    assert f'src="{map_image.file.url}"' in column.body and "srcset=" in column.body
    report = MediaFile.objects.get(source_url__endswith="report.pdf")
    assert f'href="{report.document.url}"' in column.body
    assert "https://elsewhere.example.com/theirs.png" in column.body  # not the old site's
    assert old_site.base not in column.body
    assert not column.needs_review
    page = client.get(column.get_absolute_url()).content.decode()
    assert old_site.base not in page and map_image.file.url in page and photo.file.url in page
    files = stored_files(settings)
    assert len([f for f in files if f.startswith("images/")]) == 2 + 4  # 2 images, 2 sizes each
    assert any(f.startswith("documents/") and f.endswith(".pdf") for f in files)

    # Again, and a newer export: nothing is fetched, and the editor-protection memory holds.
    del old_site.hits[:]
    assert "Nothing changed" in run(path, "--media")
    newer = site_export(
        old_site.base, a_photo(old_site.base), a_post_with_media(old_site.base, title="Renamed")
    )
    output = run(write(tmp_path, newer, name="newer.xml"), "--media")
    assert old_site.hits == []
    column.refresh_from_db()
    assert column.title == "Renamed" and map_image.file.url in column.body
    assert "Kept the editor's changes" not in output
    assert Image.objects.count() == 2
    # A later export imported without --media does not bring the old addresses back.
    later = site_export(
        old_site.base, a_photo(old_site.base), a_post_with_media(old_site.base, title="Again")
    )
    run(write(tmp_path, later, name="later.xml"))
    column.refresh_from_db()
    assert column.title == "Again" and old_site.base not in column.body and column.image


def test_the_same_file_at_two_addresses_is_stored_once(tmp_path, old_site):
    old_site("/wp-content/uploads/a.png", png("red"))
    old_site("/wp-content/uploads/copy-of-a.png", png("red"))
    body = (
        f'<img src="{old_site.base}/wp-content/uploads/a.png" alt="a">'
        f'<img src="{old_site.base}/wp-content/uploads/copy-of-a.png" alt="b">'
    )
    output = run(write(tmp_path, site_export(old_site.base, item(1, "Twice", body))), "--media")
    assert Image.objects.count() == 1 and MediaFile.objects.count() == 2
    assert "Media: 1 files brought home, 1 already here." in output


@pytest.mark.parametrize(
    ("path", "answer", "why"),
    [
        ("/wp-content/uploads/gone.png", (404, "text/html", b"no", 0), "answered 404"),
        ("/wp-content/uploads/page.png", (200, "text/html", b"<html>", 0), "not an image"),
        (
            "/wp-content/uploads/fake.png",
            (200, "image/png", b"not a png at all", 0),
            "not an image",
        ),
        ("/wp-content/uploads/huge.png", (200, "image/png", b"x" * 300_000, 0), "too large"),
        ("/wp-content/uploads/slow.png", (200, "image/png", png(), 2.5), "too long"),
        ("/wp-content/uploads/fake.pdf", (200, "application/pdf", b"<html>", 0), "not a PDF"),
    ],
)
def test_a_file_that_cannot_be_had_keeps_its_address_is_listed_and_flags_its_column(
    tmp_path, old_site, settings, path, answer, why
):
    settings.MEDIA_FETCH_ATTEMPTS = 1
    Handler.files[path] = [answer]
    url = old_site.base + path
    tag = f'<a href="{url}">file</a>' if path.endswith(".pdf") else f'<img src="{url}" alt="x">'
    output = run(write(tmp_path, site_export(old_site.base, item(1, "Post", tag))), "--media")
    column = Column.objects.get()
    assert url in column.body and column.needs_review
    assert "Files not brought home (the old address stays) (1):" in output
    assert url in output and why in output
    assert not Image.objects.exists() and stored_files(settings) == []


def test_a_passing_failure_is_retried(tmp_path, old_site, settings):
    settings.MEDIA_FETCH_ATTEMPTS = 3
    path = "/wp-content/uploads/flaky.png"
    Handler.files[path] = [(503, "text/html", b"busy", 0), (200, "image/png", png(), 0)]
    body = f'<img src="{old_site.base}{path}" alt="x">'
    run(write(tmp_path, site_export(old_site.base, item(1, "Post", body))), "--media")
    assert old_site.hits.count(path) == 2
    assert Image.objects.count() == 1 and not Column.objects.get().needs_review


def test_a_dry_run_or_a_failed_import_leaves_no_file_behind(
    tmp_path, old_site, settings, monkeypatch
):
    serve_the_files(old_site)
    path = write(
        tmp_path,
        site_export(old_site.base, a_photo(old_site.base), a_post_with_media(old_site.base)),
    )
    output = run(path, "--media", "--dry-run")
    assert "Media: 3 files brought home" in output
    assert stored_files(settings) == [] and not Image.objects.exists()

    from wordpress import media

    def broken(self, columns, users):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(media.BringHome, "_rewrite", broken)
    with pytest.raises(RuntimeError):
        run(path, "--media")
    assert stored_files(settings) == [] and not Column.objects.exists()


def test_media_from_a_local_copy_of_uploads(tmp_path, settings):
    uploads = tmp_path / "uploads"
    (uploads / "2020/03").mkdir(parents=True)
    (uploads / "2020/03/map.png").write_bytes(png("blue"))
    (uploads / "2020/03/photo.png").write_bytes(png("green"))
    (uploads / "2020/03/report.pdf").write_bytes(PDF)
    (tmp_path / "secret.png").write_bytes(png("black"))
    base = "https://old.example.org"
    sneaky = item(2, "Sneaky", f'<img src="{base}/wp-content/uploads/../secret.png" alt="s">')
    # A NUL ("%00") in the file's name was a ValueError from os.path: a traceback.
    nul = item(3, "Nul", f'<img src="{base}/wp-content/uploads/2020/03/map%00.png" alt="n">')
    path = write(tmp_path, export(a_photo(base), a_post_with_media(base), sneaky, nul))
    output = run(path, "--media-from", str(uploads))  # no network: the host does not exist
    assert "Media: 3 files brought home" in output
    assert Column.objects.get(wordpress_id=1).image.name
    assert "not found in" in output and Column.objects.get(wordpress_id=2).needs_review
    assert "map%00.png: not found in" in output and Column.objects.get(wordpress_id=3).needs_review
    assert Image.objects.count() == 2


def test_fetch_media_brings_home_what_an_import_without_media_left(tmp_path, old_site):
    serve_the_files(old_site)
    run(
        write(
            tmp_path,
            site_export(old_site.base, a_photo(old_site.base), a_post_with_media(old_site.base)),
        )
    )
    column = Column.objects.get()
    assert column.image_url.startswith(old_site.base) and not MediaFile.objects.exists()

    out = io.StringIO()
    call_command("fetch_media", stdout=out, stderr=io.StringIO())
    assert "Media: 3 files brought home" in out.getvalue()
    column.refresh_from_db()
    assert column.image.name and old_site.base not in column.body
    out = io.StringIO()
    call_command("fetch_media", stdout=out, stderr=io.StringIO())
    assert "Nothing to bring home" in out.getvalue()


def test_progress_is_shown_and_fetch_media_can_dry_run(tmp_path, old_site, settings):
    serve_the_files(old_site)
    base = old_site.base
    run(write(tmp_path, site_export(base, a_photo(base), a_post_with_media(base))))
    out, err = io.StringIO(), io.StringIO()
    call_command("fetch_media", "--dry-run", "--site", base + "/", stdout=out, stderr=err)
    assert "Media: 3/3 files (0 not brought home)" in err.getvalue()  # photo, map, report
    assert "Dry run: nothing was saved." in out.getvalue()
    assert stored_files(settings) == [] and not MediaFile.objects.exists()
    with pytest.raises(CommandError, match="No column here was imported"):
        call_command("fetch_media", "--site", "https://never.example.org", stdout=out)


def test_an_image_already_in_the_library_is_not_stored_again(tmp_path, old_site):
    from django.core.files.uploadedfile import SimpleUploadedFile

    Image(alt="Uploaded here", file=SimpleUploadedFile("mine.png", png("red"))).save()
    old_site("/wp-content/uploads/same.png", png("red"))
    body = f'<img src="{old_site.base}/wp-content/uploads/same.png" alt="a">'
    output = run(write(tmp_path, site_export(old_site.base, item(1, "Same", body))), "--media")
    assert "Media: 0 files brought home, 1 already here." in output
    assert Image.objects.get().file.url in Column.objects.get().body


def test_attachments_that_are_documents_come_home_as_documents(tmp_path, old_site):
    old_site("/wp-content/uploads/paper.pdf", PDF, "application/pdf")
    old_site("/wp-content/uploads/talk.mp3", b"ID3", "audio/mpeg")
    paper = a_photo(old_site.base, 60, "/wp-content/uploads/paper.pdf")
    talk = a_photo(old_site.base, 61, "/wp-content/uploads/talk.mp3")
    path = write(tmp_path, site_export(old_site.base, paper, talk, item(1, "Post")))
    output = run(path, "--media")
    assert MediaFile.objects.get().document.name.endswith(".pdf")
    assert "not brought home" not in output and "/talk.mp3" not in old_site.hits


def test_galleries_show_their_images_and_bring_them_home(tmp_path, old_site, client):
    base = old_site.base
    for number, colour in ((51, "red"), (52, "blue"), (53, "green")):
        old_site(f"/wp-content/uploads/g{number}.png", png(colour, (600, 400)))
    listed = item(1, "Listed", 'Before.\n\n[gallery ids="52,51" columns="2"]\n\nAfter.')
    children = item(2, "Children", "Photos:\n\n[gallery]")
    missing = item(3, "Missing", "[gallery ids='99']\n\nText.")
    attachments = [a_photo(base, n, f"/wp-content/uploads/g{n}.png") for n in (51, 52, 53)]
    attachments[2] = attachments[2].replace("<wp:post_parent>0<", "<wp:post_parent>2<")
    text = site_export(base, listed, children, missing, *attachments)

    run(write(tmp_path, text))  # without --media: the images from the old site
    body = Column.objects.get(wordpress_id=1).body
    assert body.index(f"{base}/wp-content/uploads/g52.png") < body.index("g51.png")
    assert "<figcaption>The harbour at dawn</figcaption>" in body and "[gallery" not in body
    assert f"{base}/wp-content/uploads/g53.png" in Column.objects.get(wordpress_id=2).body
    assert Column.objects.get(wordpress_id=3).body == "<p>Text.</p>"

    call_command("fetch_media", stdout=io.StringIO(), stderr=io.StringIO())
    column = Column.objects.get(wordpress_id=1)
    assert base not in column.body and column.body.count("srcset=") == 2
    page = client.get(column.get_absolute_url())
    assert page.status_code == 200 and base not in page.content.decode()
