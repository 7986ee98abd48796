"""The admin pages the editor and the press assistant work in pass the Nu HTML checker and axe
(tests/test_html_validity.py does the public pages the same way)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from reversion.models import Version

from columns.models import Column
from tests.factories import AuthorFactory, ColumnFactory, MentionFactory, UserFactory
from tests.test_html_validity import AXE_JS, CHROMIUM, VNU_JAR, axe_violations, require

PASSWORD = "correct horse battery staple"
LOGIN_WRONG = {"username": "editor", "password": "not the password"}


def build_admin_content(editor):
    """A flagged imported column with two revisions, a draft, a mention: what the pages show."""
    from django.test import Client

    from tests.columns.test_admin import column_form_data
    from tests.factories import OutletFactory

    client = Client()
    client.force_login(editor)
    author, outlet = AuthorFactory(name="Jane Roe"), OutletFactory(name="Reuters")
    client.post(reverse("admin:columns_column_add"), column_form_data(author, outlet))
    column = Column.objects.get()
    column.needs_review = True
    column.wordpress_id = 7
    column.original_html = "<p>PUBLISHED 15 June 2021</p><p>Body.</p>"
    column.save()
    ColumnFactory(title="A draft", status=Column.Status.DRAFT)
    press = UserFactory(username="press", is_staff=True)
    press.groups.add(Group.objects.get(name="Press assistants"))
    press.set_password(PASSWORD)
    press.save()
    mention = MentionFactory(outlet=outlet, topic="the SCO summit", created_by=editor)
    return column, mention


def admin_pages(column, mention):
    versions = list(Version.objects.get_for_object(column))
    editor_pages = {
        "dashboard": "/admin/",
        "column add": reverse("admin:columns_column_add"),
        "column change (to review)": reverse("admin:columns_column_change", args=[column.pk]),
        "column list": reverse("admin:columns_column_changelist"),
        "history": reverse("admin:columns_column_history", args=[column.pk]),
        "log media appearances": reverse("admin:mentions_mention_log"),
        "mention change": reverse("admin:mentions_mention_change", args=[mention.pk]),
    }
    if len(versions) >= 2:
        compare = reverse("admin:columns_column_compare", args=[column.pk])
        editor_pages["compare"] = f"{compare}?old={versions[-1].pk}&new={versions[0].pk}"
    press_pages = {
        "press dashboard": "/admin/",
        "press: read-only column": reverse("admin:columns_column_change", args=[column.pk]),
        "press: read-only mention": reverse("admin:mentions_mention_change", args=[mention.pk]),
        "press: refused": reverse("admin:columns_column_add"),
    }
    return editor_pages, press_pages


@pytest.fixture
def editor_with_password(editor):
    editor.set_password(PASSWORD)
    editor.save()
    return editor


def test_admin_pages_are_valid_html(client, editor_with_password, tmp_path):
    java = shutil.which("java")
    require(java and VNU_JAR.exists(), "The Nu HTML checker (java + npm vnu-jar)")
    column, mention = build_admin_content(editor_with_password)
    editor_pages, press_pages = admin_pages(column, mention)
    files = []
    # The login page, as anyone sees it (logged out), and after a wrong password.
    for name, response in [
        ("login", client.get(reverse("admin:login"))),
        ("login, wrong password", client.post(reverse("admin:login"), LOGIN_WRONG)),
    ]:
        assert response.status_code == 200, name
        path = tmp_path / f"{len(files):02d}.html"
        path.write_bytes(response.content)
        files.append((path, name))
    for username, pages in [("editor", editor_pages), ("press", press_pages)]:
        client.login(username=username, password=PASSWORD)
        for name, url in pages.items():
            response = client.get(url)
            assert response.status_code == (403 if name == "press: refused" else 200), url
            path = tmp_path / f"{len(files):02d}.html"
            path.write_bytes(response.content)
            files.append((path, name))
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]
        + [str(p) for p, _ in files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    by_file = {str(p): name for p, name in files}
    problems = [
        f"{by_file.get(m.get('url', '').removeprefix('file:'), m.get('url'))}: "
        f"line {m.get('lastLine')}: {m['message']}"
        for m in json.loads(result.stderr or result.stdout)["messages"]
        if m["type"] in ("error", "non-document-error")
    ]
    assert problems == []


# serialized_rollback: the groups come from a data migration, which an earlier transactional
# test's flush would otherwise have removed.
EDITORS_BUILT = """() => [...document.querySelectorAll("textarea")]
    .filter((t) => [...t.attributes].some((a) => a.name.startsWith("data-django-prose-editor")))
    .every((t) => t.closest(".prose-editor")?.querySelector(".prose-menubar button"))"""


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_admin_pages_pass_axe(live_server, editor_with_password):
    require(Path(CHROMIUM).exists() and AXE_JS.exists(), "Chromium and npm axe-core")
    column, mention = build_admin_content(editor_with_password)
    editor_pages, press_pages = admin_pages(column, mention)
    sync_api = pytest.importorskip("playwright.sync_api")
    problems = []
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        for username, pages in [("editor", editor_pages), ("press", press_pages)]:
            for width in (1366, 390):
                context = chromium.new_context(
                    viewport={"width": width, "height": 900}, bypass_csp=True
                )
                page = context.new_page()
                page.goto(f"{live_server.url}/admin/login/")
                # The login page is the one admin page anyone can open.
                problems += [f"login [{width}px] {v}" for v in axe_violations(page)]
                page.fill("#id_username", username)
                page.fill("#id_password", PASSWORD)
                page.click("input[type=submit]")
                page.wait_for_url(f"{live_server.url}/admin/")
                for name, url in pages.items():
                    page.goto(live_server.url + url)
                    # The rich-text editors are built after the page loads: check them built
                    # (their toolbars once failed axe only when built in time).
                    page.wait_for_function(EDITORS_BUILT)
                    page.evaluate("document.fonts.ready.then(() => true)")  # icon ligatures
                    problems += [f"{name} [{width}px] {v}" for v in axe_violations(page)]
                context.close()
        chromium.close()
    assert problems == []
