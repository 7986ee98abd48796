"""The column's review panel: possible press mentions, created from or dismissed."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from mentions.models import Mention
from tests.factories import ColumnFactory, OutletFactory

pytestmark = pytest.mark.django_db

LOG_URL = reverse("admin:mentions_mention_log")
SENTENCE = "Spoke to local radio about the floods."
OTHER = "The Example Gazette ran a leader on it."


def column_to_review(**fields):
    possible = [
        {"sentence": SENTENCE, "outlets": [], "topic": "the floods", "kind": "interview"},
        {"sentence": OTHER, "outlets": ["Example Gazette"], "topic": "", "kind": "quoted"},
    ]
    return ColumnFactory(
        title="Ports and power",
        needs_review=True,
        possible_mentions=possible,
        posted_at=datetime.datetime(2024, 5, 6, 12, tzinfo=datetime.UTC),
        **fields,
    )


def change_url(column):
    return reverse("admin:columns_column_change", args=[column.pk])


def create_link(content, sentence):
    # The "Create mentions" link of the item quoting `sentence`.
    item = content.split(f"<q>{sentence}</q>", 1)[1]
    href = item.split('href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    return href


def test_the_panel_lists_each_sentence_with_create_and_dismiss(editor_client):
    column = column_to_review()
    content = editor_client.get(change_url(column)).content.decode()
    assert "Possible press mentions" in content
    assert f"<q>{SENTENCE}</q>" in content and f"<q>{OTHER}</q>" in content
    assert content.count(">Dismiss</button>") == 2
    query = parse_qs(urlsplit(create_link(content, OTHER)).query)
    assert urlsplit(create_link(content, OTHER)).path == LOG_URL
    assert query == {
        "new_outlets": ["Example Gazette"],
        "topic": ["Ports and power"],  # no topic of its own: the column's subject
        "kind": ["quoted"],
        "date": ["2024-05-06"],
        "column": [str(column.pk)],
        "internal_note": [OTHER],
        "from_sentence": [OTHER],
    }


def test_no_panel_without_possible_mentions(editor_client):
    column = ColumnFactory()
    assert "Possible press mentions" not in editor_client.get(change_url(column)).content.decode()


def test_the_press_form_opens_filled_in_and_logging_removes_the_sentence(editor_client):
    column = column_to_review()
    OutletFactory(name="Example Gazette")
    content = editor_client.get(change_url(column)).content.decode()
    form = editor_client.get(create_link(content, OTHER))
    page = form.content.decode()
    assert form.status_code == 200
    assert 'value="Ports and power"' in page
    assert f'name="from_sentence" value="{OTHER}"' in page
    assert '<option value="quoted" selected>' in page
    assert ">\nExample Gazette</textarea>" in page
    data = {
        "outlets": [],
        "new_outlets": "Example Gazette",
        "new_outlet_kind": "newspaper",
        "topic": "the port deal",
        "date": "06/05/2024",
        "kind": "quoted",
        "column": column.pk,
        "status": "published",
        "from_sentence": OTHER,
    }
    response = editor_client.post(LOG_URL, data)
    assert response.status_code == 302
    mention = Mention.objects.get()
    assert (mention.outlet.name, mention.topic, mention.column) == (
        "Example Gazette",
        "the port deal",
        column,
    )
    column.refresh_from_db()
    assert [p["sentence"] for p in column.possible_mentions] == [SENTENCE]


def test_a_form_with_errors_removes_nothing(editor_client):
    column = column_to_review()
    editor_client.post(LOG_URL, {"topic": "", "column": column.pk, "from_sentence": OTHER})
    column.refresh_from_db()
    assert len(column.possible_mentions) == 2


def test_dismiss_removes_one_sentence_and_is_logged(editor_client):
    column = column_to_review()
    url = reverse("admin:columns_column_dismiss_possible_mention", args=[column.pk])
    response = editor_client.post(url, {"dismiss_sentence": SENTENCE}, follow=True)
    assert "Dismissed the possible press mention." in response.content.decode()
    column.refresh_from_db()
    assert [p["sentence"] for p in column.possible_mentions] == [OTHER]
    assert LogEntry.objects.get().change_message.endswith(SENTENCE)
    again = editor_client.post(url, {"dismiss_sentence": SENTENCE}, follow=True)
    assert "no longer listed" in again.content.decode()


def test_dismiss_needs_a_post_and_the_right_to_change_columns(editor_client, press_client):
    column = column_to_review()
    url = reverse("admin:columns_column_dismiss_possible_mention", args=[column.pk])
    assert editor_client.get(url).status_code == 405
    assert press_client.post(url, {"dismiss_sentence": SENTENCE}).status_code == 403
    column.refresh_from_db()
    assert len(column.possible_mentions) == 2


@pytest.mark.parametrize(
    "query",
    [
        {"kind": "nonsense", "column": "x", "date": "2024-99-99"},
        {"topic": "a" * 5000, "internal_note": "\x00"},
    ],
)
def test_hostile_prefill_values_are_left_out(editor_client, query):
    response = editor_client.get(LOG_URL, query)
    assert response.status_code == 200
    assert "aaaaa" not in response.content.decode()


def test_the_column_list_filters_on_possible_mentions(editor_client):
    column_to_review(slug="to-review")
    ColumnFactory(title="Nothing to look at")
    changelist = reverse("admin:columns_column_changelist")
    some = editor_client.get(changelist, {"possible_mentions": "yes"}).content.decode()
    none = editor_client.get(changelist, {"possible_mentions": "no"}).content.decode()
    assert "Ports and power" in some and "Nothing to look at" not in some
    assert "Nothing to look at" in none and "Ports and power" not in none
