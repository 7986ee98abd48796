"""
The catalogue of media outlets known before they are met (`data/media_outlets.json`).

Analysts are interviewed by and write for a fairly stable set of outlets. The catalogue lists
them with their common spellings, kind and country, so that the importer and the press form
recognise "AFP" or "Radio France International" before the site has an outlet of that name.
The site's own outlets and aliases always come first: the catalogue only seeds them.
"""

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.utils.text import slugify

from .spelling import homepage_domain, normalise_name

CATALOGUE_FILE = Path(__file__).parent / "data" / "media_outlets.json"


@dataclass(frozen=True)
class KnownOutlet:
    name: str
    kind: str
    country: str = ""
    homepage: str = ""
    aliases: tuple[str, ...] = field(default_factory=tuple)

    @property
    def spellings(self):
        return (self.name, *self.aliases)

    @property
    def name_slug(self):
        return slugify(self.name)[:200]


@cache
def known_outlets():
    """Every catalogue entry, read once per process."""
    entries = json.loads(CATALOGUE_FILE.read_text(encoding="utf-8"))
    return tuple(
        KnownOutlet(
            name=entry["name"],
            kind=entry["kind"],
            country=entry.get("country", ""),
            homepage=entry.get("homepage", ""),
            aliases=tuple(entry.get("aliases", ())),
        )
        for entry in entries
    )


@cache
def _by_spelling():
    return {
        normalise_name(spelling): entry for entry in known_outlets() for spelling in entry.spellings
    }


def catalogue_spellings():
    """All the names and aliases of the catalogue, for the text rules' `known_outlets`."""
    return [spelling for entry in known_outlets() for spelling in entry.spellings]


def lookup(name):
    """The catalogue entry that `name` spells (any case, with or without "the"), or None."""
    return _by_spelling().get(normalise_name(name or ""))


@cache
def _by_domain():
    return {homepage_domain(e.homepage): e for e in known_outlets() if homepage_domain(e.homepage)}


def on_domain(host):
    """The catalogue entry whose homepage is on `host` (or a parent domain of it), or None."""
    parts = (host or "").lower().removeprefix("www.").split(".")
    for i in range(len(parts) - 1):
        if entry := _by_domain().get(".".join(parts[i:])):
            return entry
    return None
