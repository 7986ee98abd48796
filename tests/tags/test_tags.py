import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from taggit.models import Tag

from columns.models import Column
from mentions.models import Mention
from redirects.models import Redirect
from tags.aliases import resolve_tag_names
from tags.models import TagAlias, TagMerge
from tests.columns.test_admin import column_form_data
from tests.factories import AuthorFactory, ColumnFactory, MentionFactory, OutletFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:taggit_tag_changelist")


@pytest.fixture
def sco():
    tag = Tag.objects.create(name="SCO", slug="sco")
    TagAlias.objects.create(tag=tag, name="Shanghai Cooperation Organisation")
    return tag


class TestAliases:
    def test_resolve_tag_names(self, sco):
        Tag.objects.create(name="China", slug="china")
        names = ["shanghai cooperation organisation", "china", " New  topic ", "SCO", ""]
        assert resolve_tag_names(names) == ["SCO", "China", "New topic"]
        assert resolve_tag_names([]) == []

    def test_column_form_resolves_aliases(self, editor_client, sco):
        data = column_form_data(
            AuthorFactory(), OutletFactory(), tags=["new:Shanghai Cooperation Organisation", "Iran"]
        )
        assert editor_client.post(reverse("admin:columns_column_add"), data).status_code == 302
        assert sorted(Column.objects.get().tags.names()) == ["Iran", "SCO"]
        assert Tag.objects.count() == 2

    def test_mention_forms_resolve_aliases(self, press_client, sco):
        outlet = OutletFactory()
        press_client.post(
            reverse("admin:mentions_mention_add"),
            {
                "outlet": outlet.pk,
                "topic": "the summit",
                "date": "2024-01-02",
                "kind": "interview",
                "status": "published",
                "tags": "Shanghai Cooperation Organisation",
            },
        )
        press_client.post(
            reverse("admin:mentions_mention_log"),
            {
                "outlets": [outlet.pk],
                "topic": "the summit again",
                "date": "2024-01-03",
                "kind": "quoted",
                "status": "published",
                "tags": "shanghai cooperation organisation",
            },
        )
        assert [list(m.tags.names()) for m in Mention.objects.all()] == [["SCO"], ["SCO"]]

    def test_autocomplete_finds_a_tag_by_its_alias(self, editor_client, sco):
        response = editor_client.get(
            reverse("admin:autocomplete"),
            {"term": "shanghai", "app_label": "columns", "model_name": "column"}
            | {"field_name": "tags"},
        )
        assert [r["text"] for r in response.json()["results"]] == ["SCO"]


class TestRename:
    def test_rename_redirects_the_old_page_and_keeps_the_old_name(self, editor_client, client):
        tag = Tag.objects.create(name="Shanghai Co-op", slug="shanghai-co-op")
        column = ColumnFactory(tags=[tag])
        response = editor_client.post(
            reverse("admin:taggit_tag_change", args=[tag.pk]),
            {
                "name": "SCO",
                "slug": "shanghai-co-op",
                "aliases-TOTAL_FORMS": "0",
                "aliases-INITIAL_FORMS": "0",
            },
        )
        assert response.status_code == 302
        tag.refresh_from_db()
        assert (tag.name, tag.slug) == ("SCO", "sco")
        assert list(column.tags.names()) == ["SCO"]
        assert resolve_tag_names(["Shanghai Co-op"]) == ["SCO"]
        old_page = client.get("/tag/shanghai-co-op/")
        assert (old_page.status_code, old_page["Location"]) == (301, "/tag/sco/")
        assert LogEntry.objects.filter(object_id=str(tag.pk)).exists()

    def test_rename_to_another_tags_name_is_refused(self, editor_client):
        tag = Tag.objects.create(name="PRC", slug="prc")
        Tag.objects.create(name="China", slug="china")
        response = editor_client.post(
            reverse("admin:taggit_tag_change", args=[tag.pk]),
            {"name": "china", "slug": "prc", "aliases-TOTAL_FORMS": "0"}
            | {"aliases-INITIAL_FORMS": "0"},
        )
        assert "merge the two tags instead" in response.content.decode()


class TestMerge:
    def test_merge_several_tags_into_one(self, editor_client, editor, client):
        china = Tag.objects.create(name="China", slug="china")
        prc = Tag.objects.create(name="PRC", slug="prc")
        beijing = Tag.objects.create(name="Beijing gov", slug="beijing-gov")
        both = ColumnFactory(tags=[china, prc])
        only_prc = ColumnFactory(tags=[prc])
        mention = MentionFactory()
        mention.tags.set([beijing])
        selected = [china.pk, prc.pk, beijing.pk]
        confirm = editor_client.post(
            CHANGELIST, {"action": "merge_selected", "_selected_action": selected}
        )
        assert confirm.status_code == 200
        assert "Keep this tag" in confirm.content.decode()
        assert Tag.objects.count() == 3  # nothing happens before confirming

        response = editor_client.post(
            CHANGELIST,
            {"action": "merge_selected", "_selected_action": selected}
            | {"apply": "Merge", "into": china.pk},
        )
        assert response.status_code == 302
        assert list(Tag.objects.values_list("name", flat=True)) == ["China"]
        assert list(both.tags.names()) == list(only_prc.tags.names()) == ["China"]
        assert list(mention.tags.names()) == ["China"]
        record = TagMerge.objects.get()
        assert (record.into, record.merged_by) == (china, editor)
        assert record.merged_names.splitlines() == ["Beijing gov", "PRC"]
        assert record.retagged == "1 column, 1 mention"
        assert resolve_tag_names(["prc", "Beijing gov"]) == ["China"]
        for old in ["/tag/prc/", "/tag/beijing-gov/"]:
            assert client.get(old)["Location"] == "/tag/china/"
        assert Redirect.objects.count() == 2
        entry = LogEntry.objects.get(object_id=str(china.pk))
        assert "Merged Beijing gov, PRC into this tag" in entry.get_change_message()
        listing = editor_client.get(response.url).content.decode()
        assert "Merged Beijing gov, PRC into China" in listing
        assert editor_client.get(reverse("admin:tags_tagmerge_changelist")).status_code == 200

    def test_merge_needs_two_tags(self, editor_client):
        tag = Tag.objects.create(name="China", slug="china")
        response = editor_client.post(
            CHANGELIST, {"action": "merge_selected", "_selected_action": [tag.pk]}, follow=True
        )
        assert "Select at least two tags" in response.content.decode()


class TestDeleteUnused:
    def test_deletes_only_unused_tags(self, editor_client):
        used = Tag.objects.create(name="China", slug="china")
        unused = Tag.objects.create(name="Typo", slug="typo")
        ColumnFactory(tags=[used])
        response = editor_client.post(
            CHANGELIST,
            {"action": "delete_unused", "_selected_action": [used.pk, unused.pk]},
            follow=True,
        )
        content = response.content.decode()
        assert "Deleted 1 unused tag(s)" in content and "Kept China: still in use" in content
        assert list(Tag.objects.values_list("name", flat=True)) == ["China"]
        assert LogEntry.objects.filter(object_repr="Typo").exists()

    def test_changelist_shows_usage(self, editor_client, sco):
        ColumnFactory(tags=[sco])
        content = editor_client.get(CHANGELIST).content.decode()
        assert "1 column" in content and "Shanghai Cooperation Organisation" in content


class TestPressAssistants:
    def test_cannot_manage_tags(self, press_client):
        tags = [Tag.objects.create(name=n, slug=n.lower()) for n in ["A", "B"]]
        for action in ["merge_selected", "delete_unused"]:
            response = press_client.post(
                CHANGELIST,
                {"action": action, "_selected_action": [t.pk for t in tags]}
                | {"apply": "1", "into": tags[0].pk},
            )
            assert response.status_code == 403
        assert Tag.objects.count() == 2

    def test_the_delete_page_is_a_403_whether_the_tag_is_used_or_not(self, press_client):
        """A tag in use sent them to its change page with "it cannot be deleted: merge it",
        as if deleting were theirs to do."""
        used, unused = Tag.objects.create(name="China"), Tag.objects.create(name="Typo")
        ColumnFactory(tags=[used])
        for tag in [used, unused]:
            url = reverse("admin:taggit_tag_delete", args=[tag.pk])
            assert press_client.get(url).status_code == 403
            assert press_client.post(url, {"post": "yes"}).status_code == 403
        assert Tag.objects.count() == 2


def test_an_alias_cannot_be_another_tags_name(editor_client):
    tag = Tag.objects.create(name="PRC", slug="prc")
    Tag.objects.create(name="China", slug="china")
    response = editor_client.post(
        reverse("admin:taggit_tag_change", args=[tag.pk]),
        {"name": "PRC", "slug": "prc", "aliases-TOTAL_FORMS": "1", "aliases-INITIAL_FORMS": "0"}
        | {"aliases-0-name": "china"},
    )
    assert "is a tag of its own: merge the two tags instead" in response.content.decode()
    assert not TagAlias.objects.exists()


def test_tag_list_query_count_does_not_grow(editor_client, django_assert_max_num_queries):
    for n in range(30):
        tag = Tag.objects.create(name=f"Tag {n}", slug=f"tag-{n}")
        TagAlias.objects.create(tag=tag, name=f"Alias {n}")
        ColumnFactory(tags=[tag])
    with django_assert_max_num_queries(15):
        response = editor_client.get(CHANGELIST)
    assert "Alias 29" in response.content.decode()


class TestTagsInUseAreKept:
    """Deleting a tag in use would untag its columns and mentions with no record: merge it."""

    def test_the_delete_page_refuses_and_points_to_merge(self, editor_client):
        tag = Tag.objects.create(name="China", slug="china")
        columns = [ColumnFactory(tags=[tag]) for _ in range(2)]
        MentionFactory().tags.add(tag)
        url = reverse("admin:taggit_tag_delete", args=[tag.pk])
        for response in [editor_client.get(url, follow=True), editor_client.post(url, follow=True)]:
            content = response.content.decode()
            assert "is used by 2 columns, 1 mention" in content and "merge" in content
        assert Tag.objects.filter(pk=tag.pk).exists()
        assert all(column.tags.get() == tag for column in columns)

    def test_an_unused_tag_can_still_be_deleted(self, editor_client):
        tag = Tag.objects.create(name="Typo", slug="typo")
        url = reverse("admin:taggit_tag_delete", args=[tag.pk])
        assert "Are you sure" in editor_client.get(url).content.decode()
        assert editor_client.post(url, {"post": "yes"}).status_code == 302
        assert not Tag.objects.exists()

    def test_no_code_path_can_delete_a_tag_in_use(self):
        from django.db.models import ProtectedError

        tag = Tag.objects.create(name="China", slug="china")
        ColumnFactory(tags=[tag])
        MentionFactory().tags.add(Tag.objects.create(name="Iran", slug="iran"))
        for name in ["China", "Iran"]:
            with pytest.raises(ProtectedError):
                Tag.objects.filter(name=name).delete()
        assert Tag.objects.count() == 2

    def test_bulk_delete_is_not_offered(self, editor_client):
        tag = Tag.objects.create(name="China", slug="china")
        ColumnFactory(tags=[tag])
        response = editor_client.post(
            CHANGELIST, {"action": "delete_selected", "_selected_action": [tag.pk], "post": "yes"}
        )
        assert response.status_code == 403
        assert Tag.objects.exists()


@pytest.mark.parametrize("kind", ["outlet", "author"])
def test_outlets_and_authors_in_use_are_kept(editor_client, kind):
    author, outlet = AuthorFactory(), OutletFactory()
    column = ColumnFactory(outlet=outlet, bylines=[author])
    thing = {"outlet": outlet, "author": author}[kind]
    url = reverse(f"admin:{thing._meta.app_label}_{kind}_delete", args=[thing.pk])
    content = editor_client.post(url, {"post": "yes"}).content.decode()
    assert "protected related objects" in content
    assert type(thing).objects.filter(pk=thing.pk).exists()
    column.refresh_from_db()
    assert column.outlet == outlet and column.bylines.get().author == author
