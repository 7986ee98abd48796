import datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from mentions.models import Mention
from outlets.models import Outlet, OutletAlias
from tests.factories import ColumnFactory, MentionFactory, OutletFactory, UserFactory

pytestmark = pytest.mark.django_db

LOG_URL = reverse("admin:mentions_mention_log")


def log_data(**overrides):
    data = {
        "outlets": [],
        "new_outlets": "",
        "new_outlet_kind": "news_agency",
        "topic": "the train attack in France",
        "date": timezone.localdate().isoformat(),
        "kind": "interview",
        "url": "",
        "public_note": "",
        "internal_note": "",
        "column": "",
        "tags": "",
        "status": "published",
    }
    data.update(overrides)
    return data


class TestLogMediaAppearances:
    def test_form_is_linked_from_the_index_and_mention_list(self, press_client):
        for url in [reverse("admin:index"), reverse("admin:mentions_mention_changelist")]:
            assert LOG_URL in press_client.get(url).content.decode()
        page = press_client.get(LOG_URL)
        assert page.status_code == 200
        assert f'value="{timezone.localdate():%d/%m/%Y}"' in page.content.decode()

    def test_one_submission_creates_one_mention_per_outlet(self, press_client, press_assistant):
        afp = OutletFactory(name="AFP", short_name="AFP")
        OutletAlias.objects.create(outlet=afp, name="Agence France Presse")
        rfi = OutletFactory(name="RFI")
        column = ColumnFactory(outlet=rfi)
        Tag.objects.create(name="France", slug="france")  # press assistants pick tags that exist
        Tag.objects.create(name="Terrorism", slug="terrorism")
        response = press_client.post(
            LOG_URL,
            log_data(
                outlets=[rfi.pk],
                new_outlets="Agence France Presse, France 24\nfrance 24",
                tags="France, Terrorism",
                column=column.pk,
                url="https://example.org/interview",
            ),
        )
        assert response.status_code == 302
        assert response.url == reverse("admin:mentions_mention_changelist")
        mentions = Mention.objects.order_by("outlet__name")
        assert [m.outlet.name for m in mentions] == ["AFP", "France 24", "RFI"]
        assert {m.created_by for m in mentions} == {press_assistant}
        assert {m.column for m in mentions} == {column}
        assert all(sorted(m.tags.names()) == ["France", "Terrorism"] for m in mentions)
        france24 = Outlet.objects.get(name="France 24")
        # Known to the catalogue: its kind and country, not the form's kind for new outlets.
        assert (france24.kind, france24.country, france24.slug) == (
            "broadcaster",
            "FR",
            "france-24",
        )
        assert Outlet.objects.match("France24") == france24  # the catalogue's alias came along
        assert Outlet.objects.count() == 3
        assert LogEntry.objects.filter(user=press_assistant).count() == 4  # 3 mentions, 1 outlet
        listing = press_client.get(response.url).content.decode()
        assert "Logged 3 media appearance(s)" in listing and "New outlets: France 24" in listing

    def test_date_defaults_to_today_and_a_future_date_is_kept(self, press_client):
        outlet = OutletFactory()
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        press_client.post(LOG_URL, log_data(outlets=[outlet.pk], date=tomorrow.isoformat()))
        assert Mention.objects.get().date == tomorrow
        assert not Mention.objects.published().exists()

    def test_nothing_is_saved_when_the_form_is_wrong(self, press_client):
        response = press_client.post(LOG_URL, log_data(new_outlets="BBC", topic=""))
        assert response.status_code == 200
        assert "This field is required" in response.content.decode()
        assert not Mention.objects.exists() and not Outlet.objects.exists()

    def test_at_least_one_outlet(self, press_client):
        response = press_client.post(LOG_URL, log_data(new_outlets=" , "))
        assert "Pick at least one outlet" in response.content.decode()

    def test_new_slug_does_not_clash(self, press_client):
        OutletFactory(name="Le Monde diplo", slug="le-monde")
        press_client.post(LOG_URL, log_data(new_outlets="Le Monde"))
        assert Outlet.objects.get(name="Le Monde").slug == "le-monde-2"

    def test_outlet_autocomplete_works_for_press_assistants(self, press_client):
        OutletFactory(name="Reuters")
        response = press_client.get(
            reverse("admin:autocomplete"),
            {
                "term": "reu",
                "app_label": "mentions",
                "model_name": "mention",
                "field_name": "outlet",
            },
        )
        assert [r["text"] for r in response.json()["results"]] == ["Reuters"]

    def test_users_without_add_permission_are_refused(self, client):
        staff = UserFactory(username="nobody", is_staff=True)
        client.force_login(staff)
        assert client.get(LOG_URL).status_code == 403
        assert client.post(LOG_URL, log_data(new_outlets="BBC")).status_code == 403
        assert not Outlet.objects.exists()


class TestWhoSeesWhich:
    def test_press_assistants_see_all_and_edit_only_their_own(self, press_client, press_assistant):
        mine = MentionFactory(topic="my interview", created_by=press_assistant)
        theirs = MentionFactory(topic="someone else's interview", created_by=None)
        listing = press_client.get(reverse("admin:mentions_mention_changelist")).content.decode()
        assert "my interview" in listing and "someone else" in listing
        change = reverse("admin:mentions_mention_change", args=[theirs.pk])
        shown = press_client.get(change).content.decode()
        assert "someone else" in shown and 'name="topic"' not in shown  # read-only
        assert "only they or an editor can change it" in shown
        refused = press_client.post(change, {"topic": "changed"})
        assert refused.status_code == 403 and "Nothing was changed" in refused.content.decode()
        theirs.refresh_from_db()
        assert theirs.topic == "someone else's interview"
        own = press_client.get(reverse("admin:mentions_mention_change", args=[mine.pk]))
        assert 'name="topic"' in own.content.decode()

    def test_editors_see_and_edit_all(self, editor_client, press_assistant):
        theirs = MentionFactory(topic="press interview", created_by=press_assistant)
        listing = editor_client.get(reverse("admin:mentions_mention_changelist")).content.decode()
        assert "press interview" in listing
        response = editor_client.post(
            reverse("admin:mentions_mention_change", args=[theirs.pk]),
            {
                "outlet": theirs.outlet.pk,
                "topic": "edited by the editor",
                "date": theirs.date.isoformat(),
                "kind": "quoted",
                "status": "published",
                "tags": "",
                "opened_at": theirs.modified_at.isoformat(),  # as the form carries it
            },
        )
        assert response.status_code == 302
        theirs.refresh_from_db()
        assert theirs.topic == "edited by the editor"
        assert theirs.created_by == press_assistant


def test_the_form_lists_your_recent_entries(press_client, press_assistant):
    MentionFactory(topic="my earlier interview", created_by=press_assistant)
    MentionFactory(topic="a colleague's interview", created_by=None)
    page = press_client.get(LOG_URL).content.decode()
    assert "Your recent entries" in page and "my earlier interview" in page
    assert "a colleague" not in page


def test_mention_list_query_count_does_not_grow(
    editor_client, press_assistant, django_assert_max_num_queries
):
    for _ in range(30):
        MentionFactory(created_by=press_assistant)
    with django_assert_max_num_queries(15):
        response = editor_client.get(reverse("admin:mentions_mention_changelist"))
    assert response.status_code == 200


def test_each_typed_outlet_may_say_its_own_kind(editor_client):
    response = editor_client.post(
        LOG_URL,
        log_data(
            new_outlets="Radio Nowhere (broadcaster)\nNowhere Weekly (Magazine), "
            "Nowhere Briefing (news agency)\nLe Nowhere (Paris), Plain Nowhere Gazette",
            new_outlet_kind="newspaper",
        ),
    )
    assert response.status_code == 302
    kinds = dict(Outlet.objects.filter(name__contains="Nowhere").values_list("name", "kind"))
    assert kinds == {
        "Radio Nowhere": "broadcaster",
        "Nowhere Weekly": "magazine",
        "Nowhere Briefing": "news_agency",
        "Le Nowhere (Paris)": "newspaper",  # brackets that name no kind are part of the name
        "Plain Nowhere Gazette": "newspaper",
    }


@pytest.mark.parametrize("pk", ["99999999999999999999", "-9223372036854775809", "1.5", "abc"])
def test_an_outlet_id_no_outlet_can_have_is_a_form_error(press_client, pk):
    """SQLite cannot take an integer past 64 bits: Django's query for it was a 500 there."""
    OutletFactory(name="RFI")
    response = press_client.post(LOG_URL, log_data(outlets=[pk]))
    assert response.status_code == 200
    assert "outlets" in response.context["form"].errors
    assert not Mention.objects.exists()
