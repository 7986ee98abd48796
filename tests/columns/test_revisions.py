import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.messages import get_messages
from django.test.utils import override_script_prefix
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from reversion.models import Version
from taggit.models import Tag

from columns.models import Column
from outlets.models import Outlet
from tests.columns.test_admin import column_form_data
from tests.factories import AuthorFactory, ColumnFactory, OutletFactory

pytestmark = pytest.mark.django_db


def change_data(column, **overrides):
    """The change form as the editor's browser posts it, for a column with one byline."""
    byline = column.ordered_bylines[0]
    data = column_form_data(
        byline.author,
        column.outlet,
        title=column.title,
        slug=column.slug,
        opened_at=column.modified_at.isoformat(),
        # As a browser sends it: the posting time's default is callable, so its initial value
        # comes back hidden, and Django compares with that.
        **{
            "initial-posted_at_0": f"{timezone.localtime(column.posted_at):%Y-%m-%d}",
            "initial-posted_at_1": f"{timezone.localtime(column.posted_at):%H:%M:%S}",
        },
        tags=[t.pk for t in column.tags.all()],
        **{
            "bylines-INITIAL_FORMS": "1",
            "bylines-0-id": byline.pk,
            "bylines-0-column": column.pk,
            "bylines-0-bio": byline.bio,
        },
    )
    data.update(overrides)
    return data


@pytest.fixture
def saved_twice(editor_client):
    """A column added in the admin, then retitled, retagged and given a new bio line."""
    author, outlet = AuthorFactory(name="Jane Roe"), OutletFactory()
    response = editor_client.post(
        reverse("admin:columns_column_add"), column_form_data(author, outlet)
    )
    assert response.status_code == 302
    column = Column.objects.get()
    response = editor_client.post(
        reverse("admin:columns_column_change", args=[column.pk]),
        change_data(
            column,
            title="The SCO at twenty-one",
            tags=["new:Russia"],
            **{"bylines-0-bio": "Jane is a professor."},
        ),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    column.refresh_from_db()
    return column


def versions(column):
    return list(Version.objects.get_for_object(column))


class TestRevisions:
    def test_every_save_keeps_a_revision_with_who_and_what(self, editor_client, saved_twice):
        newer, older = versions(saved_twice)
        assert older.revision.user.username == newer.revision.user.username == "editor"
        assert "Added" in older.revision.get_comment()
        assert newer.revision.get_comment() == (
            "Changed Title and Tags. Changed Bio line for byline “Jane Roe on The SCO at "
            "twenty-one”."
        )
        history = editor_client.get(
            reverse("admin:columns_column_history", args=[saved_twice.pk])
        ).content.decode()
        assert "Changed Title" in history and "Compare the selected revisions" in history

    def test_compare_two_revisions(self, editor_client, saved_twice):
        newer, older = versions(saved_twice)
        response = editor_client.get(
            reverse("admin:columns_column_compare", args=[saved_twice.pk]),
            {"old": older.pk, "new": newer.pk},
        )
        content = response.content.decode()
        assert "<del>twenty</del> <ins>twenty-one</ins>" in content
        assert "<del>Central Asia, SCO</del> <ins>Russia</ins>" in content
        assert "<ins>a professor.</ins>" in content
        assert "Slug" not in content  # unchanged fields are not listed

    def test_compare_needs_two_revisions_of_this_column(self, editor_client, saved_twice):
        url = reverse("admin:columns_column_compare", args=[saved_twice.pk])
        other = ColumnFactory(bylines=[AuthorFactory()])
        for params in [{}, {"old": "x", "new": "1"}, {"old": versions(saved_twice)[0].pk}]:
            assert editor_client.get(url, params).status_code == 302
        assert editor_client.get(url, {"old": 1, "new": other.pk + 999}).status_code == 302

    def test_restore_a_revision(self, editor_client, saved_twice):
        older = versions(saved_twice)[1]
        url = reverse("admin:columns_column_restore", args=[saved_twice.pk, older.pk])
        confirm = editor_client.get(url).content.decode()
        assert "Yes, restore this revision" in confirm and "<ins>twenty</ins>" in confirm
        Tag.objects.filter(name="SCO").delete()  # restored by name even when deleted since
        response = editor_client.post(url)
        assert response.status_code == 302
        column = Column.objects.get()
        assert column.title == "The SCO at twenty"
        assert sorted(column.tags.names()) == ["Central Asia", "SCO"]
        assert column.ordered_bylines[0].bio == "Jane is senior fellow at the Institute."
        latest = versions(column)[0]
        assert latest.revision.get_comment().startswith("Restored the revision of")
        assert len(versions(column)) == 3
        entry = LogEntry.objects.filter(object_id=str(column.pk)).latest("action_time")
        assert entry.get_change_message().startswith("Restored the revision of")

    def test_press_assistants_cannot_restore(self, press_client, saved_twice):
        older = versions(saved_twice)[1]
        url = reverse("admin:columns_column_restore", args=[saved_twice.pk, older.pk])
        assert press_client.get(url).status_code == 403
        assert press_client.post(url).status_code == 403
        assert Column.objects.get().title == "The SCO at twenty-one"

    def test_bulk_publish_keeps_a_revision(self, editor_client):
        column = ColumnFactory(status=Column.Status.DRAFT, bylines=[AuthorFactory()])
        editor_client.post(
            reverse("admin:columns_column_changelist"),
            {"action": "publish", "_selected_action": [column.pk]},
        )
        (version,) = versions(column)
        assert version.field_dict["status"] == "published"
        assert version.revision.get_comment() == "Published from the column list."

    def test_bulk_actions_keep_one_revision_each_with_its_comment(self, editor_client):
        columns = [
            ColumnFactory(status=Column.Status.DRAFT, bylines=[AuthorFactory()]) for _ in range(2)
        ]
        Column.objects.update(needs_review=True)
        url = reverse("admin:columns_column_changelist")
        selected = [column.pk for column in columns]
        for action in ["publish", "unpublish", "mark_reviewed"]:
            editor_client.post(
                url, {"action": action, "_selected_action": selected, "confirmed": "yes"}
            )
        comments = [
            "Published from the column list.",
            "Unpublished from the column list.",
            "Marked as reviewed from the column list.",
        ]
        for column in columns:
            assert [v.revision.get_comment() for v in versions(column)] == comments[::-1]
        # One revision per action, holding every column it changed.
        assert versions(columns[0])[0].revision_id == versions(columns[1])[0].revision_id

    def test_restore_warns_of_authors_and_outlets_gone_since(self, editor_client, saved_twice):
        older = versions(saved_twice)[1]
        old_outlet, old_author = saved_twice.outlet, saved_twice.ordered_bylines[0].author
        new_outlet, new_author = OutletFactory(), AuthorFactory(name="John Doe")
        response = editor_client.post(
            reverse("admin:columns_column_change", args=[saved_twice.pk]),
            change_data(saved_twice, outlet=new_outlet.pk, **{"bylines-0-author": new_author.pk}),
        )
        assert response.status_code == 302
        old_author.delete()
        Outlet.objects.filter(pk=old_outlet.pk).delete()
        url = reverse("admin:columns_column_restore", args=[saved_twice.pk, older.pk])
        response = editor_client.post(url)
        shown = [str(message) for message in get_messages(response.wsgi_request)]
        assert "Jane Roe no longer exists; left off the byline." in shown
        assert "The outlet of that revision no longer exists; the outlet is kept." in shown
        column = Column.objects.get()
        assert (column.title, column.outlet) == ("The SCO at twenty", new_outlet)
        assert not column.bylines.exists()
        assert versions(column)[0].revision.get_comment().startswith("Restored the revision")


class TestVersionAdmin:
    """django-reversion's VersionAdmin keeps the revisions; its own revert and recover pages,
    which save an old revision's authors and tags back by id, are not used."""

    def test_history_lists_revisions_beside_the_admin_log(self, editor_client, saved_twice):
        newer, older = versions(saved_twice)
        url = reverse("admin:columns_column_history", args=[saved_twice.pk])
        content = editor_client.get(url).content.decode()
        radios = [
            f'name="new" value="{newer.pk}" aria-label="Compare to this revision" checked',
            f'name="old" value="{older.pk}" aria-label="Compare from this revision" checked',
        ]
        assert all(radio in content for radio in radios)
        restore = reverse("admin:columns_column_restore", args=[saved_twice.pk, older.pk])
        assert f'<a href="{restore}">Restore…</a>' in content
        log = content[content.index('<div id="change-history"') :]  # Django's admin log
        assert "Added." in log and "Changed Title" in log and "2 entries" in log

    def test_history_under_a_script_prefix(self, editor_client, saved_twice):
        older = versions(saved_twice)[1]
        url = reverse("admin:columns_column_history", args=[saved_twice.pk])
        restore = reverse("admin:columns_column_restore", args=[saved_twice.pk, older.pk])
        with override_script_prefix("/cms/"):  # the site served under /cms/
            content = editor_client.get(url).content.decode()
        assert f'<a href="/cms{restore}">Restore…</a>' in content
        assert f'name="old" value="{older.pk}"' in content

    def test_its_revert_page_leads_to_our_restore(self, editor_client, saved_twice):
        older = versions(saved_twice)[1]
        url = reverse("admin:columns_column_revision", args=[saved_twice.pk, older.pk])
        restore = reverse("admin:columns_column_restore", args=[saved_twice.pk, older.pk])
        assert editor_client.get(url)["Location"] == restore
        assert editor_client.post(url)["Location"] == restore
        assert Column.objects.get().title == "The SCO at twenty-one"
        assert len(versions(saved_twice)) == 2

    def test_deleted_columns_are_not_recovered(self, editor_client):
        for name in ["recoverlist", "recover"]:
            with pytest.raises(NoReverseMatch):
                reverse(f"admin:columns_column_{name}", args=[1] if name == "recover" else [])
        response = editor_client.get(reverse("admin:columns_column_changelist"))
        assert "Recover deleted" not in response.content.decode()
        assert "Add column from URL" in response.content.decode()


class TestOptimisticLocking:
    def test_second_editor_is_warned_instead_of_overwriting(self, editor_client, saved_twice):
        url = reverse("admin:columns_column_change", args=[saved_twice.pk])
        form = editor_client.get(url).content.decode()
        assert saved_twice.modified_at.isoformat() in form  # the hidden opened_at
        stale = change_data(saved_twice, title="My late edit")
        # Meanwhile a colleague saves the column.
        first = editor_client.post(url, change_data(saved_twice, title="Colleague's edit"))
        assert first.status_code == 302
        response = editor_client.post(url, stale)
        assert response.status_code == 200
        assert "after you opened it" in response.content.decode()
        assert Column.objects.get().title == "Colleague's edit"

    @pytest.mark.parametrize("opened_at", [None, "", "not a time", "\x00"])
    def test_a_save_without_a_valid_opened_at_is_refused(
        self, editor_client, saved_twice, opened_at
    ):
        """Leaving the hidden field out (or garbling it) must not skip the conflict check."""
        url = reverse("admin:columns_column_change", args=[saved_twice.pk])
        data = change_data(saved_twice, title="Blind overwrite")
        if opened_at is None:
            del data["opened_at"]
        else:
            data["opened_at"] = opened_at
        response = editor_client.post(url, data)
        assert response.status_code == 200
        assert "reload" in response.content.decode()
        assert Column.objects.get().title == "The SCO at twenty-one"

    def test_saving_again_after_reopening_works(self, editor_client, saved_twice):
        url = reverse("admin:columns_column_change", args=[saved_twice.pk])
        editor_client.post(url, change_data(saved_twice, title="First"))
        saved_twice.refresh_from_db()
        response = editor_client.post(url, change_data(saved_twice, title="Second"))
        assert response.status_code == 302
        assert Column.objects.get().title == "Second"


def test_history_of_a_column_never_saved_in_the_admin(editor_client, press_client):
    column = ColumnFactory()
    url = reverse("admin:columns_column_history", args=[column.pk])
    assert "No revisions yet" in editor_client.get(url).content.decode()
    assert press_client.get(url).status_code == 200


def test_press_assistants_see_history_without_restore_links(press_client, saved_twice):
    url = reverse("admin:columns_column_history", args=[saved_twice.pk])
    content = press_client.get(url).content.decode()
    assert "Changed Title" in content and "Restore…" not in content


def test_history_page_has_each_id_once(editor_client, saved_twice):
    """Our revisions table sits above Django's admin log: one page, one #content-main."""
    url = reverse("admin:columns_column_history", args=[saved_twice.pk])
    html = editor_client.get(url).content.decode()
    assert html.count('id="content-main"') == 1
