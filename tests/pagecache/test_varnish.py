"""
A real Varnish (deploy/varnish/columnist.vcl) in front of a live test server: pages are
kept and served, a save purges exactly the pages that show it, and nothing private is kept.
Skipped where varnishd is not installed, except under CI, where it must be (`.ci/run`).
"""

import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from columns.models import Column
from pagecache import guard
from tests.factories import ColumnFactory

VCL = Path(__file__).resolve().parents[2] / "deploy" / "varnish" / "columnist.vcl"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def varnish(live_server, tmp_path_factory):
    """varnishd on a free port, with the shipped VCL pointed at the live server."""
    varnishd = shutil.which("varnishd") or (
        "/usr/sbin/varnishd" if os.path.exists("/usr/sbin/varnishd") else None
    )
    if not varnishd:
        if os.environ.get("CI") == "true":
            pytest.fail("varnishd is not installed (apt-get install varnish varnish-modules)")
        pytest.skip("varnishd is not installed")
    workdir = tmp_path_factory.mktemp("varnish")
    backend = live_server.url.rsplit(":", 1)[1]
    vcl = workdir / "test.vcl"
    vcl.write_text(VCL.read_text().replace('.port = "8000";', f'.port = "{backend}";'))
    port = free_port()
    log = workdir / "varnishd.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [varnishd, "-F", "-j", "none", "-n", str(workdir / "n"), "-a", f"127.0.0.1:{port}",
             "-T", "127.0.0.1:0", "-S", "none", "-f", str(vcl), "-s", "malloc,32m"],
            stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"varnishd did not start: {log.read_text()}")
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def through_varnish(varnish, settings, transactional_db):
    """The site behind Varnish, its page cache on, purging Varnish on every change."""
    settings.PAGE_CACHE_SECONDS = 600
    settings.HTTP_CACHE_SECONDS = 600
    settings.VARNISH_PURGE_URLS = [varnish]
    settings.PAGE_CACHE_PURGERS = ["pagecache.purge.VarnishPurger"]
    from django.core.cache import cache

    cache.clear()
    guard.reset()
    # Each test starts from an empty Varnish.
    request = urllib.request.Request(
        varnish + "/", method="PURGE", headers={"xkey-purge": "pagecache:all"}
    )
    urllib.request.urlopen(request).read()
    return varnish


def get(base, path, cookie=None):
    headers = {"Host": "localhost", **({"Cookie": cookie} if cookie else {})}
    request = urllib.request.Request(base + path, headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def test_a_page_is_kept_and_served_by_varnish(through_varnish):
    column = ColumnFactory(title="Kept at the edge")
    status, first, _ = get(through_varnish, column.get_absolute_url())
    assert status == 200 and first["X-Varnish-Cache"] == "miss"
    assert "s-maxage=" in first["Cache-Control"]
    status, second, body = get(through_varnish, column.get_absolute_url())
    assert second["X-Varnish-Cache"] == "hit"
    assert "Kept at the edge" in body
    assert "xkey" not in {name.lower() for name in second}  # the keys stay in Varnish


def test_a_save_purges_the_pages_that_show_it_and_no_others(through_varnish):
    saved = ColumnFactory(title="Before the save", tags=["China"])
    other = ColumnFactory(title="Elsewhere", tags=["Russia"])
    pages = [saved.get_absolute_url(), "/", reverse("tags:detail", args=["china"])]
    others = [reverse("tags:detail", args=["russia"])]
    for path in pages + others:
        get(through_varnish, path)
        assert get(through_varnish, path)[1]["X-Varnish-Cache"] == "hit", path
    saved.title = "After the save"
    saved.save()  # committed at once: the purge goes out
    for path in pages:
        _, headers, body = get(through_varnish, path)
        assert headers["X-Varnish-Cache"] == "miss", path
        assert "After the save" in body, path
    for path in others:
        assert get(through_varnish, path)[1]["X-Varnish-Cache"] == "hit", path
    assert other.title == "Elsewhere"


def test_nothing_private_is_kept(through_varnish, django_user_model):
    editor = django_user_model.objects.create_user("editor", is_staff=True, is_superuser=True)
    draft = ColumnFactory(title="Staff eyes only", status=Column.Status.DRAFT)
    editor_client = Client()
    editor_client.force_login(editor)
    session = f"sessionid={editor_client.cookies['sessionid'].value}"
    for path in (draft.get_absolute_url(), "/", "/admin/"):
        for _ in range(2):
            status, headers, _ = get(through_varnish, path, cookie=session)
            assert headers["X-Varnish-Cache"] == "miss", path
    status, _, body = get(through_varnish, draft.get_absolute_url())
    assert status == 404 and "Staff eyes only" not in body
    # Uncacheable answers (not found, an unkept page number) are not kept either.
    for path in ("/no-such-page/", "/?page=abc"):
        get(through_varnish, path)
        assert get(through_varnish, path)[1]["X-Varnish-Cache"] == "miss", path
