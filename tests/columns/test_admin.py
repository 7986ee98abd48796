import datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from columns.models import Column
from mentions.models import Mention
from outlets.models import Outlet
from tests.factories import AuthorFactory, ColumnFactory, MentionFactory, OutletFactory

pytestmark = pytest.mark.django_db


def column_form_data(author, outlet, **overrides):
    data = {
        "title": "The SCO at twenty",
        "slug": "the-sco-at-twenty",
        "dek": "What the club has become.",
        "intro": "<p>A new piece for the Example.</p>",
        "body": "<p>Body.</p>",
        "excerpt": "",
        "status": "published",
        "posted_at_0": "2021-06-15",
        "posted_at_1": "10:00:00",
        "outlet": outlet.pk,
        "original_url": "https://example.org/sco",
        "outlet_published_at_0": "2021-06-15",
        "outlet_published_at_1": "07:05:00",
        "outlet_updated_at_0": "",
        "outlet_updated_at_1": "",
        "print_headline": "",
        "tags": ["new:SCO", "new:Central Asia"],
        "image_alt": "",
        "image_caption": "",
        "bylines-TOTAL_FORMS": "1",
        "bylines-INITIAL_FORMS": "0",
        "bylines-MIN_NUM_FORMS": "1",
        "bylines-MAX_NUM_FORMS": "1000",
        "bylines-0-position": "0",
        "bylines-0-author": author.pk,
        "bylines-0-bio": "Jane is senior fellow at the Institute.",
    }
    data.update(overrides)
    return data


class TestEditor:
    def test_changelist_shows_columns_with_their_details(self, editor_client):
        author = AuthorFactory(name="Jane Roe")
        ColumnFactory(title="Why the SCO matters", bylines=[author], tags=["SCO"])
        ColumnFactory(title="A draft", status=Column.Status.DRAFT)
        response = editor_client.get(reverse("admin:columns_column_changelist"))
        assert response.status_code == 200
        content = response.content.decode()
        assert "Why the SCO matters" in content and "A draft" in content
        assert "Jane Roe" in content and "SCO" in content

    def test_changelist_filters(self, editor_client):
        ColumnFactory(title="Tagged one", tags=["China"])
        ColumnFactory(title="Draft one", status=Column.Status.DRAFT)
        url = reverse("admin:columns_column_changelist")
        by_tag = editor_client.get(url, {"tag": "china"}).content.decode()
        assert "Tagged one" in by_tag and "Draft one" not in by_tag
        drafts = editor_client.get(url, {"visibility": "draft"}).content.decode()
        assert "Draft one" in drafts and "Tagged one" not in drafts
        assert editor_client.get(url, {"year": "not-a-year"}).status_code == 200

    def test_changelist_query_count_does_not_grow(
        self, editor_client, django_assert_max_num_queries
    ):
        for _ in range(20):
            ColumnFactory(bylines=[AuthorFactory()], tags=["A", "B"])
        with django_assert_max_num_queries(20):
            editor_client.get(reverse("admin:columns_column_changelist"))

    def test_add_a_column_with_byline_and_tags(self, editor_client):
        author, outlet = AuthorFactory(), OutletFactory()
        Tag.objects.create(name="China", slug="china")
        data = column_form_data(
            author, outlet, tags=[Tag.objects.get().pk, "new:SCO", "new:Central Asia"]
        )
        response = editor_client.post(reverse("admin:columns_column_add"), data)
        assert response.status_code == 302, response.context["adminform"].errors
        column = Column.objects.get()
        assert sorted(column.tags.names()) == ["Central Asia", "China", "SCO"]
        assert column.ordered_bylines[0].bio == "Jane is senior fellow at the Institute."
        assert column.get_absolute_url() == "/2021/06/15/the-sco-at-twenty/"
        assert LogEntry.objects.filter(object_id=str(column.pk)).exists()

    def test_add_form_refuses_a_slug_already_used_that_day(self, editor_client):
        author, outlet = AuthorFactory(), OutletFactory()
        ColumnFactory(
            slug="the-sco-at-twenty",
            outlet_published_at=datetime.datetime(2021, 6, 15, 12, tzinfo=datetime.UTC),
        )
        response = editor_client.post(
            reverse("admin:columns_column_add"), column_form_data(author, outlet)
        )
        assert response.status_code == 200
        assert "already uses this slug" in response.content.decode()
        assert Column.objects.count() == 1

    def test_change_form_and_view_on_site(self, editor_client):
        column = ColumnFactory(status=Column.Status.DRAFT, tags=["SCO"])
        response = editor_client.get(reverse("admin:columns_column_change", args=[column.pk]))
        assert response.status_code == 200
        assert "View on site" in response.content.decode()
        assert "columns/admin/byline_order.js" in response.content.decode()
        preview = editor_client.get(column.get_absolute_url())
        assert preview.status_code == 200
        assert "Draft" in preview.content.decode()

    def test_bulk_publish_and_unpublish(self, editor_client):
        drafts = [ColumnFactory(status=Column.Status.DRAFT) for _ in range(2)]
        url = reverse("admin:columns_column_changelist")
        selected = [c.pk for c in drafts]
        editor_client.post(url, {"action": "publish", "_selected_action": selected})
        assert Column.objects.filter(status="published").count() == 2
        confirm = {"action": "unpublish", "_selected_action": selected[:1], "confirmed": "yes"}
        editor_client.post(url, confirm)
        assert Column.objects.filter(status="draft").count() == 1
        assert LogEntry.objects.filter(change_message__contains="Unpublished").count() == 1

    def test_tag_autocomplete(self, editor_client):
        Tag.objects.create(name="Afghanistan", slug="afghanistan")
        Tag.objects.create(name="China", slug="china")
        response = editor_client.get(
            reverse("admin:autocomplete"),
            {"term": "afg", "app_label": "columns", "model_name": "column", "field_name": "tags"},
        )
        assert response.status_code == 200
        assert [r["text"] for r in response.json()["results"]] == ["Afghanistan"]

    def test_outlet_and_author_lists_show_counts(self, editor_client):
        outlet = OutletFactory(name="Nikkei Example")
        ColumnFactory(outlet=outlet, bylines=[AuthorFactory(name="Jane Roe")])
        outlets = editor_client.get(reverse("admin:outlets_outlet_changelist"))
        authors = editor_client.get(reverse("admin:columns_author_changelist"))
        assert outlets.status_code == authors.status_code == 200
        assert "Nikkei Example" in outlets.content.decode()
        assert "Jane Roe" in authors.content.decode()


class TestPressAssistant:
    def test_can_read_columns_but_not_change_them(self, press_client):
        column = ColumnFactory(title="Original title")
        change_url = reverse("admin:columns_column_change", args=[column.pk])
        assert press_client.get(reverse("admin:columns_column_changelist")).status_code == 200
        page = press_client.get(change_url).content.decode()
        assert 'name="title"' not in page  # read-only view

        data = column_form_data(AuthorFactory(), column.outlet, title="Hacked")
        assert press_client.post(change_url, data).status_code == 403
        column.refresh_from_db()
        assert column.title == "Original title"

    def test_cannot_add_delete_or_bulk_change_columns(self, press_client):
        column = ColumnFactory(status=Column.Status.DRAFT)
        add = press_client.post(
            reverse("admin:columns_column_add"), column_form_data(AuthorFactory(), OutletFactory())
        )
        assert add.status_code == 403
        delete = press_client.post(
            reverse("admin:columns_column_delete", args=[column.pk]), {"post": "yes"}
        )
        assert delete.status_code == 403
        press_client.post(
            reverse("admin:columns_column_changelist"),
            {"action": "publish", "_selected_action": [column.pk]},
        )
        assert Column.objects.filter(pk=column.pk, status="draft").exists()
        assert Column.objects.count() == 1

    def test_cannot_change_authors_or_tags(self, press_client):
        author = AuthorFactory()
        url = reverse("admin:columns_author_change", args=[author.pk])
        assert press_client.post(url, {"name": "X", "slug": "x"}).status_code == 403
        assert press_client.get(reverse("admin:taggit_tag_add")).status_code == 403

    def test_logs_a_mention_and_adds_an_outlet(self, press_client, press_assistant):
        response = press_client.post(
            reverse("admin:outlets_outlet_add"),
            {
                "name": "Agence France-Presse",
                "short_name": "AFP",
                "slug": "afp",
                "kind": "news_agency",
                "timezone": "Europe/Paris",
                "aliases-TOTAL_FORMS": "1",
                "aliases-INITIAL_FORMS": "0",
                "aliases-0-name": "Agence France Presse",
            },
        )
        assert response.status_code == 302
        outlet = Outlet.objects.get(slug="afp")
        assert Outlet.objects.match("agence france presse") == outlet  # by its name
        assert not outlet.aliases.exists()  # aliases are editors' to add (issue 14, item 3)

        Tag.objects.create(name="France", slug="france")  # tags are picked, not made
        Tag.objects.create(name="Terrorism", slug="terrorism")
        today = timezone.localdate().isoformat()
        response = press_client.post(
            reverse("admin:mentions_mention_add"),
            {
                "outlet": outlet.pk,
                "topic": "the train attack",
                "date": today,
                "kind": "interview",
                "status": "published",
                "tags": "France, Terrorism",
            },
        )
        assert response.status_code == 302
        mention = Mention.objects.get()
        assert mention.created_by == press_assistant
        assert sorted(mention.tags.names()) == ["France", "Terrorism"]

    def test_cannot_change_an_outlet(self, press_client):
        outlet = OutletFactory()
        url = reverse("admin:outlets_outlet_change", args=[outlet.pk])
        response = press_client.post(url, {"name": "Renamed", "slug": outlet.slug})
        assert response.status_code == 403


class TestPressAssistantCannotChangeColumns:
    """Every way to change a column, tried directly by a press assistant: all 403."""

    def test_every_column_changing_url_answers_403(self, press_client):
        column = ColumnFactory(status=Column.Status.DRAFT, title="Untouched")
        data = column_form_data(AuthorFactory(), column.outlet, title="Hacked")
        changelist = reverse("admin:columns_column_changelist")
        posts = [
            (reverse("admin:columns_column_add"), data),
            (reverse("admin:columns_column_change", args=[column.pk]), data),
            (reverse("admin:columns_column_delete", args=[column.pk]), {"post": "yes"}),
            (changelist, {"action": "publish", "_selected_action": [column.pk], "index": 0}),
            (changelist, {"action": "unpublish", "_selected_action": [column.pk], "index": 0}),
            (changelist, {"action": "delete_selected", "_selected_action": [column.pk]}),
        ]
        for url, payload in posts:
            assert press_client.post(url, payload).status_code == 403, url
        for url in [
            reverse("admin:columns_column_add"),
            reverse("admin:columns_column_delete", args=[column.pk]),
        ]:
            assert press_client.get(url).status_code == 403, url
        column.refresh_from_db()
        assert (column.title, column.status) == ("Untouched", "draft")
        assert Column.objects.count() == 1

    def test_column_page_has_no_editing_controls(self, press_client):
        column = ColumnFactory()
        page = press_client.get(reverse("admin:columns_column_change", args=[column.pk]))
        content = page.content.decode()
        assert 'name="_save"' not in content and 'name="title"' not in content
        listing = press_client.get(reverse("admin:columns_column_changelist")).content.decode()
        assert 'name="action"' not in listing


def test_author_autocomplete_for_the_byline(editor_client):
    AuthorFactory(name="Jane Roe")
    AuthorFactory(name="John Doe")
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"term": "jan", "app_label": "columns", "model_name": "byline", "field_name": "author"},
    )
    assert [r["text"] for r in response.json()["results"]] == ["Jane Roe"]


def test_author_form_edits_the_profile(editor_client):
    author = AuthorFactory(name="Jane Roe")
    response = editor_client.get(reverse("admin:columns_author_change", args=[author.pk]))
    assert response.status_code == 200
    for field in ["about", "profile_links", "contact_email", "fediverse_handle", "photo"]:
        assert f'name="{field}"' in response.text


class TestDeletingAColumnWithPressMentions:
    """A mention about a column outlives it (unlinked): the confirmation says so before."""

    def test_the_confirmation_names_the_mentions_that_stay(self, admin_client):
        column = ColumnFactory(title="The SCO at twenty")
        MentionFactory(column=column, topic="the SCO summit", outlet=OutletFactory(name="AFP"))
        page = admin_client.get(reverse("admin:columns_column_delete", args=[column.pk]))
        text = page.content.decode()
        assert "Press mentions that stay, unlinked" in text
        assert "1 press mention about this column will not be deleted" in text
        assert "the SCO summit" in text

        admin_client.post(reverse("admin:columns_column_delete", args=[column.pk]), {"post": "yes"})
        assert Mention.objects.get().column is None

    def test_the_bulk_delete_says_so_too(self, admin_client):
        columns = [ColumnFactory(), ColumnFactory()]
        for column in columns:
            MentionFactory(column=column)
        page = admin_client.post(
            reverse("admin:columns_column_changelist"),
            {"action": "delete_selected", "_selected_action": [c.pk for c in columns]},
        )
        assert "2 press mentions about these columns will not be deleted" in page.content.decode()

    def test_nothing_is_said_when_no_mention_links_it(self, admin_client):
        column = ColumnFactory()
        page = admin_client.get(reverse("admin:columns_column_delete", args=[column.pk]))
        assert "unlinked" not in page.content.decode()


@pytest.mark.parametrize(
    "value", ["abc", "99999999999999999999", "\N{MATHEMATICAL DOUBLE-STRUCK CAPITAL X}", "1.5"]
)
def test_a_byline_author_that_cannot_be_an_id_is_a_form_error(editor_client, value):
    """The form shown again with its error asked the database for the author's label: a 500."""
    data = column_form_data(AuthorFactory(), OutletFactory(), **{"bylines-0-author": value})
    response = editor_client.post(reverse("admin:columns_column_add"), data)
    assert response.status_code == 200
    assert response.context["inline_admin_formsets"][0].formset.errors[0]["author"]
    assert not Column.objects.exists()
