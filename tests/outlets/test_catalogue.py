from outlets.catalogue import catalogue_spellings, known_outlets, lookup
from outlets.models import Outlet


def test_catalogue_spellings_find_their_entry_whatever_the_case_or_article():
    assert lookup("AFP").name == "Agence France-Presse"
    assert lookup("agence france presse").name == "Agence France-Presse"
    assert lookup("the Independent on Sunday").kind == Outlet.Kind.NEWSPAPER
    assert lookup("Daily Nowhere Gazette") is None
    assert "RFI" in catalogue_spellings()


def test_every_catalogue_entry_has_a_known_kind_and_no_spelling_is_shared():
    kinds = set(Outlet.Kind.values)
    seen = {}
    for entry in known_outlets():
        assert entry.kind in kinds, entry
        for spelling in entry.spellings:
            key = spelling.casefold()
            assert seen.setdefault(key, entry.name) == entry.name, spelling
