"""Importing press work from intros: the grammar's mentions, pronoun topics, possible mentions."""

import pytest

from columns.models import Column
from mentions.models import Mention
from outlets.catalogue import catalogue_spellings
from tests.factories import OutletFactory
from tests.wordpress.samples import export, item, run, write
from wordpress.batches import FROM_TITLE_NOTE
from wordpress.rules.names import OUTLET_NAME, without_the

pytestmark = pytest.mark.django_db


def post(*intro):
    paragraphs = "".join(f"<p>{text}</p>" for text in intro)
    return paragraphs + "<p>Ports and power</p><p>Body one. Body two. Body three.</p>"


def test_a_series_of_contacts_gives_one_mention_per_outlet_and_topic(tmp_path):
    OutletFactory(name="Agence France-Presse", short_name="AFP")
    text = post(
        "Beyond this, spoke to AFP about Mali, the Daily Example about Niger, "
        "and separately to Radio Example about Chad."
    )
    run(write(tmp_path, export(item(1, "Ports and power", text))))
    column = Column.objects.get()
    mentions = {(m.outlet.name, m.topic, m.kind, m.status) for m in Mention.objects.all()}
    assert mentions == {
        ("Agence France-Presse", "Mali", "interview", "published"),
        ("Daily Example", "Niger", "interview", "published"),
        ("Radio Example", "Chad", "interview", "published"),
    }
    assert column.intro == ""
    assert column.possible_mentions == []


def test_a_pronoun_topic_becomes_the_title_in_a_draft_for_review(tmp_path):
    text = post("Also spoke to Sky News about it.")
    run(write(tmp_path, export(item(1, "Ports and power", text))))
    mention = Mention.objects.get()
    assert (mention.outlet.name, mention.topic) == ("Sky News", "Ports and power")
    assert mention.status == Mention.Status.DRAFT
    assert mention.internal_note == FROM_TITLE_NOTE
    assert Column.objects.get().needs_review


def test_sentences_that_read_like_press_work_but_gave_nothing_are_kept(tmp_path):
    OutletFactory(name="Example Gazette")
    text = post(
        "A new column. Spoke to local radio about the floods.",
        "The Example Gazette ran a leader on it. The weather was fine.",
    )
    run(write(tmp_path, export(item(1, "Ports and power", text))))
    column = Column.objects.get()
    assert column.possible_mentions == [
        {
            "sentence": "Spoke to local radio about the floods.",
            "outlets": [],
            "topic": "the floods",
            "kind": "interview",
        },
        {
            "sentence": "The Example Gazette ran a leader on it.",
            "outlets": ["Example Gazette"],
            "topic": "",
            "kind": "interview",
        },
    ]
    assert column.needs_review
    assert Mention.objects.count() == 0
    # Nothing leaves the intro that did not become a mention.
    assert "local radio" in column.intro and "The weather was fine." in column.intro


def test_the_outlet_named_by_the_intro_is_no_possible_mention(tmp_path):
    OutletFactory(name="Example Gazette")
    text = post("My latest column for the Example Gazette, on ports.")
    run(write(tmp_path, export(item(1, "Ports and power", text))))
    column = Column.objects.get()
    assert column.outlet.name == "Example Gazette"
    assert column.possible_mentions == []


def test_the_catalogue_is_known_to_the_rules(tmp_path):
    # A spelling no run of capitalised words reads whole ("the Independent on Sunday") is found
    # only because the rules know it.
    spellings = [
        name
        for name in catalogue_spellings()
        if name[:1].isupper() and not OUTLET_NAME.fullmatch(without_the(name))
    ]
    if not spellings:
        pytest.skip("no catalogue spelling with a lowercase word in it")
    text = post(f"Spoke to {spellings[0]} about ports.")
    run(write(tmp_path, export(item(1, "Ports and power", text))))
    assert Mention.objects.get().topic == "ports"
