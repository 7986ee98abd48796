"""The admin's rich-text editor works under the strict Content-Security-Policy."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_column_form_editor_runs_without_csp_violations(live_server, browser):
    user = UserFactory(username="editor", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    user.set_password("correct horse battery staple")
    user.save()
    page = browser.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "correct horse battery staple")
    page.click("input[type=submit]")
    expect(page.locator("#site-name")).to_be_visible()

    page.goto(f"{live_server.url}/admin/columns/column/add/")
    body = page.locator(".field-body [contenteditable=true]")
    expect(body).to_be_visible()
    # ProseMirror's own CSS (injected by the editor) arrived: text wraps as typed.
    assert body.evaluate("e => getComputedStyle(e).whiteSpace") in ("pre-wrap", "break-spaces")
    # ...and it carries its field's name for screen readers.
    expect(body).to_have_attribute("aria-label", "Body")
    expect(page.locator(".field-intro [contenteditable=true]")).to_have_attribute(
        "aria-label", "Intro note"
    )
    assert errors == []
