"""The development set of analysts' intros (../shared/corpus), read where it is: every case right.

The rules must get each case right with no outlets known and with a site's usual list, as the
importer adds the catalogue's spellings to the site's own outlets.
"""

import pytest

from tests.wordpress.rules.casebook import (
    COMMON_OUTLETS,
    corpus_cases,
    corpus_path,
    score_corpus_case,
)

CASES = corpus_cases() if corpus_path().exists() else []


@pytest.mark.skipif(not CASES, reason="../shared/corpus/analyst-intros.json is absent")
@pytest.mark.parametrize("known", [(), COMMON_OUTLETS], ids=["no outlets known", "outlets known"])
@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_corpus_case(case, known):
    score = score_corpus_case(case, known)
    assert (score.false, score.missed) == ([], [])
    assert score.right >= 1 or case["expect"].get("mentions") == []


def test_the_corpus_is_found_beside_the_checkout_or_where_the_environment_says(monkeypatch):
    monkeypatch.setenv("COLUMNIST_SHARED", "/elsewhere/shared")
    assert str(corpus_path()) == "/elsewhere/shared/corpus/analyst-intros.json"
    monkeypatch.delenv("COLUMNIST_SHARED")
    assert corpus_path().parts[-3:] == ("shared", "corpus", "analyst-intros.json")
