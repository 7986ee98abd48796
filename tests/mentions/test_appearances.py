"""Mentions logged together read as one sentence; every kind reads as a sentence."""

import datetime

import pytest

from mentions.models import Mention
from tests.factories import ColumnFactory, MentionFactory, OutletFactory
from tests.public_site import text

pytestmark = pytest.mark.django_db
DAY = datetime.date(2024, 7, 4)


def log_together(*names, topic="the SCO summit", kind="interview", **fields):
    """What the press form does for several outlets: one mention each, same day and topic."""
    return [
        MentionFactory(outlet=OutletFactory(name=name), topic=topic, kind=kind, date=DAY, **fields)
        for name in names
    ]


def test_an_interview_given_to_three_outlets_reads_as_one_line(client):
    afp, rfi, f24 = log_together("AFP", "RFI", "France 24")
    Mention.objects.filter(pk=afp.pk).update(url="https://afp.example/sco")
    html = text(client.get("/in-the-media/"))
    assert html.count("<li id=") == 1
    # Each mention keeps its anchor, which its feed entry links to.
    for mention in (afp, rfi, f24):
        assert f'id="mention-{mention.pk}"' in html
    assert (
        'Spoke to <a href="https://afp.example/sco">AFP</a>, RFI and France 24 about the SCO '
        "summit."
    ) in html


def test_the_home_strip_and_a_tags_page_group_them_too(client):
    for mention in log_together("AFP", "RFI", kind="quoted"):
        mention.tags.set(["SCO"])
    ColumnFactory(tags=["SCO"])
    for url in ("/", "/tag/sco/"):
        assert "Quoted by AFP and RFI on the SCO summit." in text(client.get(url))


def test_different_topics_days_or_kinds_stay_apart(client):
    log_together("AFP", "RFI")
    MentionFactory(outlet=OutletFactory(name="BBC"), topic="the SCO summit", kind="broadcast",
                   date=DAY)  # fmt: skip
    MentionFactory(outlet=OutletFactory(name="DW"), topic="the SCO summit", date=DAY.replace(day=3))
    html = text(client.get("/in-the-media/"))
    assert html.count("<li id=") == 3
    assert "Spoke to AFP and RFI about the SCO summit." in html
    assert "Appeared on BBC to discuss the SCO summit." in html


def test_the_other_kind_reads_as_a_sentence():
    mention = MentionFactory(outlet__name="Reuters", topic="the SCO's anniversary", kind="other")
    assert mention.sentence == "Featured in Reuters on the SCO's anniversary."


def test_one_month_heading_per_month(client):
    for day in (1, 9, 20):
        MentionFactory(topic=f"talk {day}", date=datetime.date(2024, 7, day))
    MentionFactory(topic="june talk", date=datetime.date(2024, 6, 2))
    html = text(client.get("/in-the-media/"))
    assert html.count('<h2 id="month-2024-07">July 2024</h2>') == 1
    assert html.count("<h2 id=") == 2
