"""The admin's home page is a dashboard of what needs doing (config/admin_site.py)."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from columns.models import Column
from tests.factories import ColumnFactory, MentionFactory


def test_the_dashboard_lists_drafts_scheduled_review_and_mentions(editor_client, settings):
    now = timezone.now()
    ColumnFactory(title="A draft in progress", status=Column.Status.DRAFT)
    ColumnFactory(title="Out next week", posted_at=now + datetime.timedelta(days=7))
    ColumnFactory(title="Imported and unchecked", needs_review=True)
    ColumnFactory(title="Long public", posted_at=now - datetime.timedelta(days=7))
    MentionFactory(topic="the SCO summit")

    response = editor_client.get("/admin/")
    html = response.content.decode()

    assert response.status_code == 200
    drafts = html[html.index('id="dashboard-drafts"') :]
    assert "A draft in progress" in drafts.split("</section>")[0]
    scheduled = html[html.index('id="dashboard-scheduled"') :].split("</section>")[0]
    assert "Out next week" in scheduled and f"({settings.TIME_ZONE})" in scheduled
    assert "A draft in progress" not in scheduled and "Long public" not in scheduled
    review = html[html.index('id="dashboard-review"') :].split("</section>")[0]
    assert "Imported and unchecked" in review and "Long public" not in review
    assert "the SCO summit" in html[html.index('id="dashboard-mentions"') :]
    for button in ["Write a column", "Add a column from its URL", "Log media appearances"]:
        assert button in html


def test_logins_and_lockouts_are_folded_last_and_tags_are_one_section(admin_client):
    html = admin_client.get("/admin/").content.decode()
    accounts = html.index("Logins and lockouts")
    assert html.index("/admin/columns/") < accounts
    assert html.index("/admin/auth/") > accounts
    assert html.count('class="app-taggit module') == 1
    assert 'class="app-tags module' not in html  # its merges page joined taggit's Tags


def test_the_dashboard_costs_the_same_queries_at_any_size(editor_client, django_assert_num_queries):
    ColumnFactory(status=Column.Status.DRAFT, needs_review=True)
    MentionFactory()
    with CaptureQueriesContext(connection) as small:
        editor_client.get("/admin/")
    for _ in range(12):
        ColumnFactory(status=Column.Status.DRAFT, needs_review=True)
        MentionFactory()
    with django_assert_num_queries(len(small)):
        editor_client.get("/admin/")


def test_a_press_assistant_sees_no_column_buttons(press_client):
    html = press_client.get("/admin/").content.decode()
    assert "Log media appearances" in html
    assert "Write a column" not in html and "Add a column from its URL" not in html


def test_an_app_index_still_lists_its_models(editor_client):
    response = editor_client.get("/admin/columns/")
    assert response.status_code == 200
    assert "/admin/columns/column/" in response.content.decode()


def test_the_dashboard_says_when_an_original_died_this_week_and_bylines_were_found(
    editor_client,
):
    import datetime

    from django.utils import timezone

    from originals.models import Original
    from suggestions.models import Suggestion
    from tests.factories import ColumnFactory, OutletFactory

    column = ColumnFactory(original_url="https://example.org/a")
    Original.objects.create(
        column=column,
        url=column.original_url,
        state=Original.State.GONE,
        state_changed_at=timezone.now() - datetime.timedelta(days=2),
    )
    Suggestion.objects.create(outlet=OutletFactory(), url="https://example.org/b", title="B")
    html = editor_client.get("/admin/").content.decode()
    assert "1 original went offline this week" in html
    assert "1 new piece found under your byline" in html
