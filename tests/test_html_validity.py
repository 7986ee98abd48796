"""Every public page passes the Nu HTML checker and axe-core, as the issue's "done" demands.

The tools come from the repository's package.json (`npm ci --ignore-scripts`), Debian's Java
and Debian's Chromium. Without them the tests skip, except in CI (CI=true), where they fail.
"""

import datetime
import io
import json
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.template.loader import render_to_string
from django.urls import reverse
from PIL import Image
from taggit.models import Tag

from columns.models import Author, Column
from mentions.models import Mention
from tests.factories import ColumnFactory, OutletFactory
from tests.public_site import build_site

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"


def require(available, what):
    if available:
        return
    message = f"{what} is not installed (see .ci/run)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def png(name):
    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), "#336699").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def build_rich_site():
    """build_site() plus what only some columns have: images, figures, a logo, a print title."""
    site = build_site(columns=12, mentions=4)
    OutletFactory(name="Logo Weekly", slug="logo-weekly", logo=png("logo.png"))
    ColumnFactory(
        title="A column with pictures",
        slug="pictures",
        outlet=OutletFactory._meta.model.objects.get(slug="logo-weekly"),
        posted_at=datetime.datetime(2018, 5, 1, 9, tzinfo=datetime.UTC),
        print_headline="Pictures in print",
        exclusive=True,
        image=png("featured.png"),
        image_alt="A blue rectangle",
        image_caption="The featured image.",
        body=(
            "<p>Text.</p><figure><img src='/media/x.png' alt='A chart'>"
            "<figcaption>A chart.</figcaption></figure><blockquote><p>A quote.</p></blockquote>"
            "<table><thead><tr><th>Year</th></tr></thead><tbody><tr><td>2018</td></tr></tbody>"
            "</table>"
        ),
        tags=["SCO"],
    )
    return site


def build_content():
    """The demo site when demo/demo.wxr.xml is there, else build_rich_site()."""
    if (ROOT / "demo" / "demo.wxr.xml").exists():
        call_command("load_demo", stdout=io.StringIO())
    else:
        build_rich_site()


def pages(every_column=False):
    """One page of each kind, read from the database, plus the odd cases (404, filters)."""
    columns = list(Column.objects.published().order_by("-date")[: None if every_column else 1])
    pictured = Column.objects.published().exclude(image="").first()
    column = columns[0]
    tag = Tag.objects.filter(columns_taggedcolumn_items__content_object=column).first()
    coauthor = Author.objects.filter(is_owner=False, bylines__column__in=columns).first()
    mention = Mention.objects.published().first()
    urls = {
        "home": "/",
        "home page 2": "/?page=2",
        "tag": reverse("tags:detail", args=[tag.slug]),
        "tags": "/tags/",
        "outlet": column.outlet.get_absolute_url() if column.outlet else "/outlets/",
        "interviews": mention.outlet.get_absolute_url(),
        "outlets": "/outlets/",
        "author": coauthor.get_absolute_url() if coauthor else "/",
        "year": reverse("columns:year", args=[column.day.year]),
        "month": reverse("columns:month", args=[column.day.year, column.day.month]),
        "day": reverse("columns:day", args=[column.day.year, column.day.month, column.day.day]),
        "empty year": "/1999/",
        "archive": "/archive/",
        "in the media": "/in-the-media/",
        "filtered": f"/in-the-media/?outlet={mention.outlet.slug}&year={mention.date.year}",
        "not found": "/no/such/page/",
        "publications": "/publications/",
        "publications filtered": f"/publications/?style=chicago&tag={tag.slug}",
        "subscribe": "/subscribe/",
        "check your inbox": "/subscribe/check-your-inbox/",
        "about": "/about/",
        "search": f"/search/?q={column.title.split()[-1]}",
        "search filtered": f"/search/?q={tag.name}&tag={tag.slug}",
        "search nothing": "/search/?q=zzzqqqxxx",
    }
    urls |= {f"column {c.pk}": c.get_absolute_url() for c in columns}
    if pictured:
        urls["pictured"] = pictured.get_absolute_url()
    return urls


@pytest.mark.django_db
def test_every_page_is_valid_html(client, tmp_path):
    java = shutil.which("java")
    require(java and VNU_JAR.exists(), "The Nu HTML checker (java + npm vnu-jar)")
    build_content()
    files = []
    for name, url in pages(every_column=True).items():
        response = client.get(url)
        assert response.status_code == (404 if name == "not found" else 200), url
        path = tmp_path / f"{len(files):02d}.html"
        path.write_bytes(response.content)
        files.append((path, url))
    path = tmp_path / "500.html"
    path.write_text(render_to_string("500.html"))
    files.append((path, "500 page"))

    result = subprocess.run(
        [
            java,
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "json",
            *(str(p) for p, _ in files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    by_file = {str(p): url for p, url in files}
    problems = [
        f"{by_file.get(m.get('url', '').removeprefix('file:'), m.get('url'))}: "
        f"line {m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] in ("error", "non-document-error")
    ]
    assert problems == []


def axe_violations(page):
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
    ]


@pytest.mark.django_db(transaction=True)
def test_every_page_passes_axe(live_server, transactional_db):
    require(Path(CHROMIUM).exists() and AXE_JS.exists(), "Chromium and npm axe-core")
    build_content()
    urls = list(pages().values())
    # The database is ready before the browser (and its event loop) starts.
    sync_api = pytest.importorskip("playwright.sync_api")
    problems = []
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        for scheme in ("light", "dark"):
            for width, height in ((1366, 900), (412, 915)):
                # The site's CSP forbids inline scripts; only axe's injection is let through.
                context = chromium.new_context(
                    color_scheme=scheme,
                    viewport={"width": width, "height": height},
                    bypass_csp=True,
                )
                page = context.new_page()
                for url in urls:
                    page.goto(live_server.url + url)
                    problems += [f"{url} [{scheme}, {width}px] {v}" for v in axe_violations(page)]
                    overflow = page.evaluate(
                        "() => document.documentElement.scrollWidth > window.innerWidth"
                    )
                    if overflow:
                        problems.append(f"{url} [{width}px] scrolls sideways")
                context.close()
        chromium.close()
    assert problems == []


# Attributes that name other elements of the page by id. Neither the Nu checker nor axe
# reports every one that names nothing (an aria-describedby to a help text never rendered
# was missed by both), and a screen reader then reads nothing.
IDREF_ATTRIBUTES = {"for", "aria-describedby", "aria-labelledby", "aria-controls", "aria-owns",
                    "aria-errormessage", "aria-details", "list", "headers", "form"}  # fmt: skip


class IdRefs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.refs = set(), []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id":
                self.ids.add(value)
            elif name in IDREF_ATTRIBUTES and value:
                self.refs += [(tag, name, ref) for ref in value.split()]
            elif name == "href" and value and value.startswith("#") and len(value) > 1:
                self.refs.append((tag, name, unquote(value[1:])))

    def dangling(self):
        return [f"<{tag} {name}={ref!r}>" for tag, name, ref in self.refs if ref not in self.ids]


def dangling_idrefs(html):
    parser = IdRefs()
    parser.feed(html)
    return parser.dangling()


@pytest.mark.django_db
def test_every_reference_to_an_id_finds_its_element(client):
    build_content()
    responses = {url: client.get(url) for url in pages(every_column=True).values()}
    # Forms as they come back with errors, and the admin's login page.
    responses["subscribe, errors"] = client.post("/subscribe/", {"email": "not an address"})
    responses["admin login"] = client.get(reverse("admin:login"))
    problems = [
        f"{url}: {ref}"
        for url, response in responses.items()
        for ref in dangling_idrefs(response.content.decode())
    ]
    assert problems == []
