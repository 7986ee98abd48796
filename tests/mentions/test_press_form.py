"""The press assistant's forms: the sentence previewed as typed, duplicates warned of, a
friendly refusal, and columns read as text."""

import datetime

import pytest
from django.urls import reverse

from mentions.models import Mention
from tests.factories import ColumnFactory, MentionFactory, OutletFactory
from tests.mentions.test_log import LOG_URL, log_data

pytestmark = pytest.mark.django_db

PREVIEW = reverse("admin:mentions_mention_preview")


def test_the_preview_is_the_sentence_readers_will_see(press_client):
    afp = OutletFactory(name="AFP")
    OutletFactory(name="France 24", slug="france-24").aliases.create(name="F24")
    params = {
        "outlets": [afp.pk, "x"],
        "new_outlets": "RFI\nF24",
        "topic": "the SCO summit",
        "kind": "interview",
    }
    response = press_client.get(PREVIEW, params)
    assert response.json() == {"sentence": "Spoke to AFP, RFI and France 24 about the SCO summit."}
    quoted = press_client.get(PREVIEW, {"outlet": afp.pk, "topic": "Iran.", "kind": "quoted"})
    assert quoted.json() == {"sentence": "Quoted by AFP on Iran."}


def test_the_preview_takes_anything_without_failing(press_client):
    odd = {"kind": "nonsense", "topic": "\x00" * 5000, "outlets": ["-1", "9" * 30, "²"]}
    for params in [{}, odd]:
        response = press_client.get(PREVIEW, params)
        assert response.status_code == 200 and response.json()["sentence"]


def test_the_preview_needs_a_login_that_may_log(client):
    assert client.get(PREVIEW).status_code == 302  # to the login page


def test_the_forms_show_the_preview(press_client, press_assistant):
    html = press_client.get(LOG_URL).content.decode()
    assert f'data-url="{PREVIEW}"' in html and "Readers will see:" in html
    assert "mentions/admin/sentence_preview.js" in html
    mine = MentionFactory(created_by=press_assistant, topic="water")
    html = press_client.get(reverse("admin:mentions_mention_change", args=[mine.pk])).content
    assert mine.sentence in html.decode()


def test_a_likely_duplicate_is_warned_of_before_saving(press_client):
    reuters = OutletFactory(name="Reuters")
    day = datetime.date(2026, 3, 1)
    MentionFactory(outlet=reuters, topic="The SCO summit", date=day)
    data = log_data(outlets=[reuters.pk], topic="the SCO  summit.", date=day.isoformat())
    response = press_client.post(LOG_URL, data)
    html = response.content.decode()
    assert response.status_code == 200 and Mention.objects.count() == 1
    assert "Already logged on 1 March 2026" in html and 'name="log_anyway"' in html
    assert press_client.post(LOG_URL, data | {"log_anyway": "on"}).status_code == 302
    assert Mention.objects.count() == 2
    # Another day or another topic is no duplicate; the tick box is not offered then.
    assert 'name="log_anyway"' not in press_client.get(LOG_URL).content.decode()
    other = log_data(outlets=[reuters.pk], topic="the SCO summit", date="2026-03-02")
    assert press_client.post(LOG_URL, other).status_code == 302


def test_a_refusal_is_a_friendly_page(press_client):
    response = press_client.get(reverse("admin:columns_column_add"))
    html = response.content.decode()
    assert response.status_code == 403
    assert "Not something you can do here" in html and "Press assistants" in html
    assert 'href="/admin/"' in html


def test_a_read_only_column_shows_its_text_not_its_html(press_client):
    column = ColumnFactory(body="<p>First <em>point</em>.</p>", intro="<p>Framing.</p>")
    html = press_client.get(reverse("admin:columns_column_change", args=[column.pk])).content
    html = html.decode()
    assert "<p>First <em>point</em>.</p>" in html and "&lt;p&gt;" not in html
