"""Our own cases (press_cases.py): mentions, sentences that must not match, bios, outlets..."""

import pytest

from tests.wordpress.rules import press_cases
from tests.wordpress.rules.casebook import (
    COMMON_OUTLETS,
    Score,
    own_scores,
    score_bios,
    score_mentions,
    score_single,
)
from wordpress.rules import extract, parse_intro_outlet

KNOWN = [(), COMMON_OUTLETS]
KNOWN_IDS = ["no outlets known", "outlets known"]
# Limits we know of, kept as cases so that fixing one shows (strict xfail).
LIMITS = {
    "Something in the Brookings Institution's Order from Chaos blog about Sudan.": (
        "an unknown name with a lowercase 'from' in it stops at 'Order'"
    ),
}


def _params(cases, text_of):
    return [
        pytest.param(
            case,
            marks=[pytest.mark.xfail(strict=True, reason=LIMITS[text_of(case)])]
            if text_of(case) in LIMITS
            else [],
        )
        for case in cases
    ]


def _right(score: Score) -> bool:
    return not score.false and not score.missed


def test_enough_cases_and_a_third_must_not_match():
    must_not = (
        len(press_cases.NOT_MENTIONS)
        + sum(1 for *_, expected in press_cases.BIOS if not expected)
        + sum(1 for _, outlet in press_cases.INTRO_OUTLETS if not outlet)
        + sum(1 for *_, dek in press_cases.STANDFIRSTS if not dek)
    )
    total = sum(1 for _ in own_scores())
    assert total >= 100
    assert must_not * 3 >= total


@pytest.mark.parametrize("known", KNOWN, ids=KNOWN_IDS)
@pytest.mark.parametrize(("text", "wanted"), press_cases.MENTIONS)
def test_mentions(text, wanted, known):
    assert _right(score_mentions(text, [([o], t, k) for o, t, k in wanted], known))


@pytest.mark.parametrize("known", KNOWN, ids=KNOWN_IDS)
@pytest.mark.parametrize("text", press_cases.NOT_MENTIONS)
def test_not_mentions(text, known):
    assert _right(score_mentions(text, [], known))


@pytest.mark.parametrize(("byline", "text", "expected"), press_cases.BIOS)
def test_bios(byline, text, expected):
    assert _right(score_bios(text, byline, expected))


@pytest.mark.parametrize("case", _params(press_cases.INTRO_OUTLETS, lambda case: case[0]))
def test_intro_outlets(case):
    text, outlet = case
    assert _right(score_single([outlet] if outlet else [], parse_intro_outlet(text), text))


@pytest.mark.parametrize(("title", "html", "dek"), press_cases.STANDFIRSTS)
def test_standfirsts(title, html, dek):
    assert extract(title, html).dek == dek
