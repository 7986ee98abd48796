"""Precision and recall of the text rules over every case: the development corpus and ours.

    .venv/bin/python bench/press_precision.py [--verbose]

Cases: ../shared/corpus/analyst-intros.json (or $COLUMNIST_SHARED/corpus/...) when present,
and tests/wordpress/rules/press_cases.py. Each mention, bio, outlet and standfirst is an item;
a found item that is not expected is a false find, an expected one not found a miss. Run with
no outlets known and with the tests' list of common outlets.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.wordpress.rules.casebook import (
    COMMON_OUTLETS,
    Score,
    corpus_cases,
    corpus_path,
    own_scores,
    score_corpus_case,
)


def main(verbose: bool) -> None:
    corpus = corpus_cases() if corpus_path().exists() else []
    if not corpus:
        print(f"(no development corpus at {corpus_path()}: our own cases only)")
    for label, known in (("no outlets known", ()), ("common outlets known", COMMON_OUTLETS)):
        total, cases = Score(), 0
        for case in corpus:
            total.add(score_corpus_case(case, known))
            cases += 1
        for _, score in own_scores(known):
            total.add(score)
            cases += 1
        found = total.right + len(total.false)
        expected = total.right + len(total.missed)
        print(
            f"{label}: {cases} cases, {expected} expected items, {found} found, "
            f"{total.right} right; precision {total.precision:.1%}, recall {total.recall:.1%}"
        )
        if verbose:
            for item in total.false:
                print("  false:", item)
            for item in total.missed:
                print("  missed:", item)


if __name__ == "__main__":
    main("--verbose" in sys.argv)
