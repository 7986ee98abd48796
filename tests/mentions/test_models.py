import datetime

import pytest
import time_machine

from mentions.models import Mention
from tests.factories import MentionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("kind", "sentence"),
    [
        ("interview", "Spoke to Reuters about Chinese intelligence abroad."),
        ("quoted", "Quoted by Reuters on Chinese intelligence abroad."),
        ("broadcast", "Appeared on Reuters to discuss Chinese intelligence abroad."),
    ],
)
def test_public_sentence_reads_naturally(kind, sentence):
    mention = MentionFactory(
        outlet__name="Reuters", topic="Chinese intelligence abroad.", kind=kind
    )
    assert mention.sentence == sentence


def test_drafts_and_future_mentions_are_hidden():
    with time_machine.travel(datetime.datetime(2024, 5, 1, 12, tzinfo=datetime.UTC), tick=False):
        live = MentionFactory(date=datetime.date(2024, 4, 30))
        MentionFactory(date=datetime.date(2024, 4, 30), status=Mention.Status.DRAFT)
        later = MentionFactory(date=datetime.date(2024, 5, 2))
        assert list(Mention.objects.published()) == [live]
    with time_machine.travel(datetime.datetime(2024, 5, 2, 0, 1, tzinfo=datetime.UTC), tick=False):
        assert set(Mention.objects.published()) == {live, later}
