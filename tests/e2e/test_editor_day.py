"""The editor's and the press assistant's day in a browser: the dashboard, the column form's
panel and unsaved-changes warning, and the press form's live sentence."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from columns.models import Column
from tests.e2e.test_admin_flows import log_in, pick_autocomplete, staff_user
from tests.factories import AuthorFactory, ColumnFactory, MentionFactory, OutletFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_dashboard_leads_to_the_work(live_server, browser):
    staff_user("editor", "Editors")
    ColumnFactory(title="Half-written draft", status=Column.Status.DRAFT)
    ColumnFactory(
        title="Going out on Friday", posted_at=timezone.now() + datetime.timedelta(days=3)
    )
    MentionFactory(topic="the SCO summit", outlet=OutletFactory(name="Reuters"))
    page = browser.new_page(viewport={"width": 390, "height": 844})
    log_in(page, live_server, "editor")

    expect(page.locator("#dashboard-drafts")).to_contain_text("Half-written draft")
    expect(page.locator("#dashboard-scheduled")).to_contain_text("Going out on Friday")
    expect(page.locator("#dashboard-mentions")).to_contain_text(
        "Spoke to Reuters about the SCO summit."
    )
    # The three jobs come first, above the lists, on a phone too.
    write = page.get_by_role("link", name="Write a column")
    assert write.bounding_box()["y"] < page.locator("#dashboard-drafts").bounding_box()["y"]
    page.get_by_role("link", name="Half-written draft").click()
    expect(page.locator("#id_title")).to_have_value("Half-written draft")


def test_the_column_form_warns_before_losing_changes(live_server, browser):
    staff_user("editor", "Editors")
    column = ColumnFactory(
        title="Water in the Fergana valley", body="<p>One two three.</p>", bylines=[AuthorFactory()]
    )
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    log_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/columns/column/{column.pk}/change/")
    expect(page.locator("#column-length")).to_have_text("3 words, about 1 minute to read")

    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    # Unchanged: leaving asks nothing.
    page.get_by_role("link", name="History").click()
    expect(page).to_have_url(f"{live_server.url}/admin/columns/column/{column.pk}/history/")
    assert dialogs == []

    page.go_back()
    page.locator(".field-body [contenteditable=true]").click()
    page.keyboard.press("End")
    page.keyboard.type(" Four five.")
    expect(page.locator("#column-length")).to_have_text("5 words, about 1 minute to read")
    page.fill("#id_slug", "water-fergana")
    expect(page.locator("#column-address")).to_contain_text("/water-fergana/")
    page.get_by_role("link", name="History").click()
    assert dialogs == ["beforeunload"]  # dismissed: the editor stays with the changes
    expect(page).to_have_url(f"{live_server.url}/admin/columns/column/{column.pk}/change/")

    # Saving is not leaving: no question, and the change is kept.
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_contain_text("is public")
    assert dialogs == ["beforeunload"]
    column.refresh_from_db()
    assert "Four five." in column.body and column.slug == "water-fergana"


def test_the_press_form_previews_the_sentence(live_server, browser):
    staff_user("press", "Press assistants")
    OutletFactory(name="Agence France-Presse", slug="afp")
    page = browser.new_page(viewport={"width": 390, "height": 844})
    log_in(page, live_server, "press")
    page.get_by_role("link", name="Log media appearances").first.click()
    preview = page.locator("#sentence-preview")
    pick_autocomplete(page, page.locator(".field-outlets"), "Agence", "Agence France-Presse")
    page.fill("#id_new_outlets", "RFI, France 24")
    page.fill("#id_topic", "the SCO summit")
    expect(preview).to_have_text(
        "Spoke to Agence France-Presse, RFI and France 24 about the SCO summit."
    )
    page.select_option("#id_kind", "broadcast")
    expect(preview).to_have_text(
        "Appeared on Agence France-Presse, RFI and France 24 to discuss the SCO summit."
    )
    AuthorFactory()  # nothing else needed: the preview saved nothing
    assert not OutletFactory._meta.model.objects.filter(name="RFI").exists()


def test_an_image_is_uploaded_from_the_figure_dialog_and_text_follows_it(live_server, browser):
    from images.models import Image
    from tests.e2e.test_admin_flows import jpeg_bytes

    staff_user("editor", "Editors")
    column = ColumnFactory(
        title="With a map", body="<p>Before the map.</p>", bylines=[AuthorFactory()]
    )
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    warnings = []
    page.on(
        "console", lambda m: warnings.append(m.text) if m.type in ("warning", "error") else None
    )
    log_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/columns/column/{column.pk}/change/")
    body = page.locator(".field-body [contenteditable=true]")
    body.click()
    page.keyboard.press("Control+End")
    page.locator(".field-body button[data-name=figure]").click()
    dialog = page.locator("dialog[open]")
    with page.expect_popup() as popup_info:
        dialog.get_by_role("button", name="Browse...").click()
    picker = popup_info.value
    picker.set_input_files(
        "#id_file", {"name": "map.jpg", "mimeType": "image/jpeg", "buffer": jpeg_bytes()}
    )
    picker.fill("#id_alt", "A map of the Fergana valley")
    picker.fill("#id_caption", "The valley and its rivers.")
    picker.fill("#id_credit", "Map: Jane Roe")
    picker.get_by_role("button", name="Upload and use").click()
    picker.wait_for_event("close")
    expect(dialog.locator("input[name=altText]")).to_have_value("A map of the Fergana valley")
    expect(dialog.locator("input[name=caption]")).to_have_value(
        "The valley and its rivers. Map: Jane Roe"
    )
    dialog.get_by_role("button", name="Insert").click()
    expect(body.locator("figure img")).to_have_count(1)

    # The caret leaves the caption the dialog filled in: what is typed next is a paragraph
    # after the figure. (The editor takes the focus back in the next frame: wait for it.)
    expect(body).to_be_focused()
    page.keyboard.type("After the map.")
    expect(body.locator("figcaption")).to_have_text("The valley and its rivers. Map: Jane Roe")

    # The same in the middle of the text: a new paragraph between the figure and what follows.
    page.keyboard.press("Control+Home")
    page.keyboard.press("End")
    page.locator(".field-body button[data-name=figure]").click()
    dialog.locator("input[name=imageUrl]").fill("https://example.org/river.jpg")
    dialog.locator("input[name=altText]").fill("The river")
    dialog.locator("input[name=caption]").fill("The river in spring.")
    dialog.get_by_role("button", name="Insert").click()
    expect(body.locator("figure")).to_have_count(2)
    expect(body).to_be_focused()
    page.keyboard.type("Between.")
    expect(body.locator("figcaption").first).to_have_text("The river in spring.")
    expect(body.locator("figure + p")).to_have_text(["Between.", "After the map."])
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_be_visible()
    column.refresh_from_db()
    image = Image.objects.get()
    assert column.body.count("<figure>") == 2
    assert f'src="{image.file.url}"' in column.body and "srcset=" in column.body
    assert column.body.startswith("<p>Before the map.</p><figure>")
    assert "</figure><p>Between.</p><figure>" in column.body
    assert column.body.endswith("</figure><p>After the map.</p>")
    assert not [w for w in warnings if "TextSelection" in w]
