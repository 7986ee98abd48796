"""
The editor's and the press assistant's day, in a real browser against a live server.

The server runs in a thread of this process, so moving this process's clock (time-machine)
moves the server's: a scheduled column is seen appearing at its time.
"""

import datetime
import io
import re

import PIL.Image
import pytest
import time_machine
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from columns.models import Column
from mentions.models import Mention
from redirects.models import Redirect
from tests.factories import AuthorFactory, OutletFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "correct horse battery staple"


def jpeg_bytes():
    buffer = io.BytesIO()
    PIL.Image.new("RGB", (1200, 800), (30, 90, 160)).save(buffer, format="JPEG")
    return buffer.getvalue()


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#site-name")).to_be_visible()


def pick_autocomplete(page, container, text, choice):
    """Open a select2 autocomplete inside `container`, search, and pick `choice`."""
    container.locator(".select2-selection").first.click()
    page.locator(".select2-container--open .select2-search__field").fill(text)
    page.locator(".select2-results__option", has_text=choice).first.click()


def staff_user(username, group):
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def test_editor_writes_schedules_and_retags(live_server, browser):
    staff_user("editor", "Editors")
    AuthorFactory(name="Jane Roe", slug="jane-roe", is_owner=True)
    AuthorFactory(name="John Coauthor", slug="john-coauthor")
    OutletFactory(name="The Example Times", slug="example-times")
    page = browser.new_page()
    log_in(page, live_server, "editor")

    page.goto(f"{live_server.url}/admin/columns/column/add/")
    page.fill("#id_title", "The SCO grows up")
    page.fill("#id_dek", "A club of autocracies finds a purpose.")
    page.locator(".field-body [contenteditable=true]").click()
    page.keyboard.type("The summit in Astana showed a new confidence.")
    # One tag field: a new tag is typed and ended with a comma or Enter.
    page.locator(".field-tags .select2-selection").click()
    expect(page.locator(".select2-search__field")).to_be_focused()
    page.keyboard.type("Shanghai Co-op,")
    page.keyboard.type("Central Asia")
    expect(page.locator(".select2-results__option", has_text="Central Asia").first).to_be_visible()
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    pick_autocomplete(page, page.locator(".field-outlet"), "Example", "The Example Times")
    # The byline: the owner first, then a co-author in a second row.
    rows = page.locator(".byline-inline tr.form-row")
    pick_autocomplete(page, rows.nth(0), "Jane", "Jane Roe")
    page.locator(".byline-inline .add-row a").click()
    pick_autocomplete(page, rows.nth(1), "John", "John Coauthor")
    page.fill("#id_bylines-1-position", "1")
    page.set_input_files(
        "#id_image", {"name": "astana.jpg", "mimeType": "image/jpeg", "buffer": jpeg_bytes()}
    )
    page.fill("#id_image_alt", "Leaders on the stage in Astana")
    publish_at = timezone.localtime() + datetime.timedelta(hours=2)
    page.fill("#id_posted_at_0", publish_at.strftime("%d/%m/%Y"))
    page.fill("#id_posted_at_1", publish_at.strftime("%H:%M:%S"))
    page.click("input[name=_publish]")  # a future posting time: scheduled
    expect(page.locator(".messagelist")).to_contain_text("is scheduled: it goes public on")

    column = Column.objects.get()
    assert column.status == "published" and column.is_scheduled
    assert [b.author.name for b in column.ordered_bylines] == ["Jane Roe", "John Coauthor"]
    assert column.image and column.image_alt == "Leaders on the stage in Astana"
    assert "new confidence" in column.body

    reader = browser.new_page()
    reader.goto(f"{live_server.url}/")
    expect(reader.locator("main")).not_to_contain_text("The SCO grows up")
    with time_machine.travel(publish_at + datetime.timedelta(minutes=1)):
        reader.reload()
        expect(reader.locator("main")).to_contain_text("The SCO grows up")
        reader.get_by_role("link", name="The SCO grows up").first.click()
        expect(reader.locator("article")).to_contain_text("John Coauthor")
        expect(reader.locator("article img").first).to_have_attribute(
            "alt", "Leaders on the stage in Astana"
        )

    # Rename the tag: its old page redirects, the column keeps it under the new name.
    page.goto(f"{live_server.url}/admin/taggit/tag/")
    page.get_by_role("link", name="Shanghai Co-op").click()
    page.fill("#id_name", "SCO")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("SCO")
    assert sorted(column.tags.names()) == ["Central Asia", "SCO"]
    assert Redirect.objects.filter(old_path="/tag/shanghai-co-op/", new_path="/tag/sco/").exists()
    # Only scheduled columns carry the tag yet: to readers neither address exists.
    response = reader.request.get(f"{live_server.url}/tag/shanghai-co-op/", max_redirects=0)
    assert response.status == 404
    with time_machine.travel(publish_at + datetime.timedelta(minutes=1)):
        response = reader.request.get(f"{live_server.url}/tag/shanghai-co-op/", max_redirects=0)
    assert response.status == 301 and response.headers["location"] == "/tag/sco/"


def test_press_assistant_logs_three_appearances_at_once(live_server, browser):
    staff_user("press", "Press assistants")
    OutletFactory(name="Reuters", slug="reuters")
    page = browser.new_page()
    log_in(page, live_server, "press")
    page.get_by_role("link", name="Log media appearances").first.click()
    expect(page).to_have_url(re.compile(r"/admin/mentions/mention/log/$"))
    pick_autocomplete(page, page.locator(".field-outlets"), "Reu", "Reuters")
    page.fill("#id_new_outlets", "Agence France-Presse, France 24")
    page.fill("#id_topic", "the train attack in France")
    page.select_option("#id_kind", "interview")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("Logged 3 media appearance(s)")
    assert sorted(Mention.objects.values_list("outlet__name", flat=True)) == [
        "Agence France-Presse",
        "France 24",
        "Reuters",
    ]
    assert {m.date for m in Mention.objects.all()} == {timezone.localdate()}
    # The press assistant sees the three entries in their own list.
    expect(page.locator("#result_list tbody tr")).to_have_count(3)
