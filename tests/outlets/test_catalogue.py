import re

from outlets.catalogue import catalogue_spellings, known_outlets, lookup, on_domain
from outlets.models import Outlet
from outlets.spelling import domains_overlap, homepage_domain, normalise_name


def test_catalogue_spellings_find_their_entry_whatever_the_case_accents_or_article():
    assert lookup("AFP").name == "Agence France-Presse"
    assert lookup("agence france presse").name == "Agence France-Presse"
    assert lookup("the Independent on Sunday").kind == Outlet.Kind.NEWSPAPER
    assert lookup("Radio France International").name == "Radio France Internationale"
    assert lookup("Suddeutsche Zeitung").name == "Süddeutsche Zeitung"
    assert lookup("Daily Nowhere Gazette") is None
    assert "RFI" in catalogue_spellings()
    assert on_domain("edition.cnn.com").name == "CNN"
    assert on_domain("www.ft.com").name == "Financial Times"
    assert on_domain("example.org") is None


def test_the_catalogue_is_large_and_worldwide():
    entries = known_outlets()
    assert len(entries) >= 400
    assert len({entry.country for entry in entries}) >= 60
    assert {entry.kind for entry in entries} == set(Outlet.Kind.values)


def test_every_entry_is_well_formed_and_no_spelling_or_site_is_shared():
    kinds = set(Outlet.Kind.values)
    seen, domains = {}, {}
    for entry in known_outlets():
        assert entry.kind in kinds, entry
        assert re.fullmatch(r"[A-Z]{2}", entry.country), entry
        assert entry.name.strip() == entry.name and len(entry.name) <= 200, entry
        keys = [normalise_name(spelling) for spelling in entry.spellings]
        assert all(keys) and len(set(keys)) == len(keys), entry  # no empty or redundant one
        for spelling, key in zip(entry.spellings, keys, strict=True):
            assert seen.setdefault(key, entry.name) == entry.name, spelling
        if entry.homepage:
            assert entry.homepage.startswith("https://"), entry
            domain = homepage_domain(entry.homepage)
            clash = [name for other, name in domains.items() if domains_overlap(domain, other)]
            assert not clash, (entry.name, clash)
            domains[domain] = entry.name
