"""The column form as the editor sees it: the publishing panel, its three buttons, the time
zone beside every time, the length and address, and the review of imported columns."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse

from columns.models import Column
from tests.columns.test_admin import column_form_data
from tests.factories import AuthorFactory, ColumnFactory, OutletFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2024, 3, 1, 9, 0, tzinfo=datetime.UTC)
ADD_URL = reverse("admin:columns_column_add")


def change_url(column):
    return reverse("admin:columns_column_change", args=[column.pk])


def save_buttons(html):
    form = html[html.index('id="column_form"') :]
    return re.findall(r'<input type="submit" name="(\w+)" value="([^"]+)"', form)


def test_a_new_column_has_three_save_buttons(editor_client):
    html = editor_client.get(ADD_URL).content.decode()
    assert save_buttons(html) == [
        ("_save_draft", "Save draft"),
        ("_preview", "Save and preview"),
        ("_publish", "Publish"),
    ]
    assert 'name="_addanother"' not in html and 'name="_save"' not in html


@pytest.mark.parametrize(
    ("posted", "third"),
    [(NOW - datetime.timedelta(days=1), "Unpublish (back to draft)"), (NOW, "Back to draft")],
)
def test_a_published_column_offers_save_changes_and_back_to_draft(editor_client, posted, third):
    with time_machine.travel(NOW - datetime.timedelta(hours=1), tick=False):
        column = ColumnFactory(posted_at=posted)
        html = editor_client.get(change_url(column)).content.decode()
    assert save_buttons(html) == [
        ("_continue", "Save changes"),
        ("_preview", "Save and preview"),
        ("_save_draft", third),
    ]


def test_publish_schedules_a_future_time_and_publishes_a_past_one_now(editor_client):
    author, outlet = AuthorFactory(), OutletFactory()
    with time_machine.travel(NOW, tick=False):
        future = column_form_data(author, outlet, posted_at_0="2024-03-05", _publish="1")
        editor_client.post(ADD_URL, future)
        scheduled = Column.objects.get()
        assert scheduled.is_scheduled
        assert scheduled.posted_at == datetime.datetime(2024, 3, 5, 10, tzinfo=datetime.UTC)

        past = column_form_data(author, outlet, slug="another", posted_at_0="2020-01-01")
        response = editor_client.post(ADD_URL, {**past, "status": "draft", "_publish": "1"})
        column = Column.objects.get(slug="another")
        assert column.is_public and column.posted_at == NOW
        message = editor_client.get(response.url).content.decode()
    assert "“The SCO at twenty” is public." in message


def test_save_changes_keeps_the_status_and_says_where_it_stands(editor_client):
    column = ColumnFactory(posted_at=NOW)
    data = column_form_data(
        column.ordered_bylines[0].author if column.ordered_bylines else AuthorFactory(),
        OutletFactory(),
        title="Edited",
        slug=column.slug,
        posted_at_0="2030-01-01",
        _continue="1",
        opened_at=column.modified_at.isoformat(),  # as the form sends it (core/locking.py)
    )
    response = editor_client.post(change_url(column), data, follow=True)
    column.refresh_from_db()
    assert column.title == "Edited" and column.is_scheduled
    assert "is scheduled: it goes public on 01 January 2030 at 10:00 (UTC)" in (
        response.content.decode()
    )


def test_every_date_and_time_names_the_time_zone(editor_client, settings):
    html = editor_client.get(ADD_URL).content.decode()
    assert html.count(f"Time in {settings.TIME_ZONE} (the site’s time zone)") == 3


def test_the_time_zone_is_the_sites(editor_client, settings):
    settings.TIME_ZONE = "Asia/Hong_Kong"
    column = ColumnFactory(posted_at=datetime.datetime(2030, 1, 1, 1, tzinfo=datetime.UTC))
    html = editor_client.get(change_url(column)).content.decode()
    assert "Time in Asia/Hong_Kong" in html
    assert "goes public on 1 January 2030, 09:00 (Asia/Hong_Kong)" in html


def test_the_panel_shows_the_full_address_and_the_length(editor_client):
    body = "<p>" + " ".join(["word"] * 460) + "</p><p>[more]</p><p>two &amp; more</p>"
    column = ColumnFactory(body=body, slug="a-slug")
    html = editor_client.get(change_url(column)).content.decode()
    assert f"http://testserver{column.get_absolute_url()}</output>" in html
    assert "463 words, about 2 minutes to read" in html


def test_imported_from_wordpress_only_on_imported_columns(editor_client):
    written_here = ColumnFactory()
    imported = ColumnFactory(wordpress_id=12, wordpress_site="https://old.example")
    assert (
        "Imported from WordPress"
        not in editor_client.get(change_url(written_here)).content.decode()
    )
    assert "Imported from WordPress" in editor_client.get(change_url(imported)).content.decode()


def test_a_flagged_column_shows_the_original_beside_what_was_read(editor_client):
    column = ColumnFactory(
        needs_review=True,
        title="Read by the importer",
        print_headline="The print title",
        original_html="<p>PUBLISHED 1 June</p><p>Body.</p><script>alert(1)</script>",
    )
    html = editor_client.get(change_url(column)).content.decode()
    panel = html[html.index('class="module review-panel"') :].split("</section>")[0]
    assert "<p>PUBLISHED 1 June</p><p>Body.</p>" in panel and "alert(1)" not in html
    assert "<dd>The print title</dd>" in panel
    assert 'value="Mark reviewed and open the next"' in panel
    assert html.count("PUBLISHED 1 June") == 1  # not again in the collapsed fieldset
    assert "review-panel" not in editor_client.get(change_url(ColumnFactory())).content.decode()


def test_mark_reviewed_and_open_the_next(editor_client):
    author, outlet = AuthorFactory(), OutletFactory()
    day = datetime.datetime(2021, 6, 15, 10, tzinfo=datetime.UTC)
    first = ColumnFactory(needs_review=True, posted_at=day, outlet_published_at=None)
    second = ColumnFactory(
        needs_review=True,
        posted_at=day - datetime.timedelta(days=3),
        outlet_published_at=None,
    )
    data = column_form_data(author, outlet, slug=first.slug, title="Fixed title")
    data |= {"needs_review": "on", "_reviewed_next": "1"}
    data["opened_at"] = first.modified_at.isoformat()  # as the form sends it (core/locking.py)
    response = editor_client.post(change_url(first), data)
    first.refresh_from_db()
    assert not first.needs_review and first.title == "Fixed title"
    assert response.url == change_url(second)

    data = column_form_data(author, outlet, slug=second.slug, outlet_published_at_0="")
    data |= {"needs_review": "on", "_reviewed_next": "1", "outlet_published_at_1": ""}
    data["opened_at"] = second.modified_at.isoformat()
    response = editor_client.post(change_url(second), data, follow=True)
    assert "No more columns to review." in response.content.decode()
    assert not Column.objects.filter(needs_review=True).exists()


def test_a_press_assistant_gets_no_save_buttons(press_client):
    html = press_client.get(change_url(ColumnFactory())).content.decode()
    assert save_buttons(html) == []


def test_one_tag_field_picks_existing_tags_and_creates_typed_ones(editor_client):
    from taggit.models import Tag

    china = Tag.objects.create(name="China", slug="china")
    numbered = str(china.pk)  # a new tag named like an existing tag's id stays a new tag
    data = column_form_data(
        AuthorFactory(), OutletFactory(), tags=[china.pk, f"new:{numbered}", "new:central  asia"]
    )
    assert editor_client.post(ADD_URL, data).status_code == 302
    assert sorted(Column.objects.get().tags.names()) == sorted(["China", numbered, "central asia"])

    html = editor_client.get(ADD_URL).content.decode()
    assert 'data-tags="true"' in html and "New tags" not in html
    assert "columns/admin/tag_field.js" in html


def test_typed_tags_survive_a_form_shown_again(editor_client):
    data = column_form_data(AuthorFactory(), OutletFactory(), title="", tags=["new:Water"])
    html = editor_client.post(ADD_URL, data).content.decode()
    assert '<option value="new:Water" selected>Water</option>' in html


def test_odd_tag_values_are_names_not_errors(editor_client):
    tags = ["²", "9" * 30, "new:nul\x00led"]
    data = column_form_data(AuthorFactory(), OutletFactory(), tags=tags)
    assert editor_client.post(ADD_URL, data).status_code == 302
    assert sorted(Column.objects.get().tags.names()) == sorted(["²", "9" * 30, "nulled"])


def test_the_outlets_stamps_are_shown_and_typed_in_the_outlets_time_zone(editor_client):
    hong_kong = OutletFactory(name="SCMP", timezone="Asia/Hong_Kong")
    stamp = datetime.datetime(2021, 6, 14, 23, 5, tzinfo=datetime.UTC)  # 07:05 on the 15th there
    column = ColumnFactory(outlet=hong_kong, outlet_published_at=stamp, bylines=[AuthorFactory()])
    html = editor_client.get(change_url(column)).content.decode()
    assert 'name="outlet_published_at_1" value="07:05:00"' in html
    assert "Time in Asia/Hong_Kong (the outlet’s time zone)" in html
    assert "Time in UTC (the site’s time zone)" in html  # the posting time stays the site's

    from tests.columns.test_revisions import change_data

    data = change_data(
        column,
        outlet_published_at_0="2021-06-16",
        outlet_published_at_1="08:30:00",
        tags=[],
        _continue="1",
    )
    assert editor_client.post(change_url(column), data).status_code == 302
    column.refresh_from_db()
    assert column.outlet_published_at == datetime.datetime(2021, 6, 16, 0, 30, tzinfo=datetime.UTC)
