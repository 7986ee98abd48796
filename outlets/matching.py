"""
Which outlet a name means: the site's own outlets first (their names, short names and aliases,
one outlet per spelling: OutletKey), then the catalogue (catalogue.py). A catalogue entry
whose spellings or homepage belong to one of the site's outlets is that outlet; one whose
spellings belong to several is ambiguous, and then nothing is attached: the caller says so.
Only an entry the site knows nothing of is created, with the catalogue's name, kind, country,
homepage and aliases. The importer (from memory), the press form and add-from-URL all ask here.
"""

from dataclasses import dataclass

from django.db import transaction

from . import catalogue
from .models import Outlet, OutletAlias, OutletKey
from .spelling import homepage_domain, normalise_name

SPELLING, DOMAIN = OutletKey.Kind.SPELLING, OutletKey.Kind.DOMAIN


@dataclass(frozen=True)
class Found:
    name: str
    outlet: Outlet | None = None  # one of the site's outlets
    known: catalogue.KnownOutlet | None = None  # a catalogue entry the site does not have yet
    candidates: tuple = ()  # several of the site's outlets: ambiguous

    @property
    def ambiguous(self):
        return len(self.candidates) > 1

    def ambiguity(self):
        """What to tell the user about an ambiguous name."""
        names = " and ".join(", ".join(str(o) for o in self.candidates).rsplit(", ", 1))
        return (
            f"“{self.name}” could be {names} (their names or sites say so): nothing was "
            "attached to it. Pick the outlet yourself, or merge the outlets if they are one."
        )


def entry_keys(entry):
    """The keys a catalogue entry would hold: its spellings and its homepage domain."""
    keys = {(SPELLING, normalise_name(spelling)) for spelling in entry.spellings}
    keys.add((DOMAIN, homepage_domain(entry.homepage)))
    return {(kind, key[:255]) for kind, key in keys if key}


def db_holders(keys):
    """{(kind, key): outlet} for those of `keys` that an outlet of the site holds."""
    keys = set(keys)
    rows = OutletKey.objects.filter(key__in={key for _, key in keys}).select_related("outlet")
    return {(row.kind, row.key): row.outlet for row in rows if (row.kind, row.key) in keys}


def resolve(name, holders=db_holders):
    """A Found for `name`: the site's outlet, a catalogue entry to create, ambiguous, or
    nothing known (then `outlet`, `known` and `candidates` are all empty)."""
    key = normalise_name(name)
    if not key:
        return Found(name)
    if held := holders({(SPELLING, key[:255])}):
        return Found(name, outlet=next(iter(held.values())))
    entry = catalogue.lookup(name)
    if entry is None:
        return Found(name)
    owners = {outlet.pk: outlet for outlet in holders(entry_keys(entry)).values()}
    if len(owners) == 1:
        return Found(name, outlet=next(iter(owners.values())))
    if owners:
        return Found(name, candidates=tuple(sorted(owners.values(), key=lambda o: o.name)))
    return Found(name, known=entry)


@transaction.atomic
def create_known(entry, slug):
    """The site's outlet for a catalogue entry, with the entry's aliases."""
    outlet = Outlet.objects.create(
        name=entry.name[:200],
        slug=slug,
        kind=entry.kind,
        country=entry.country,
        homepage=entry.homepage,
    )
    OutletAlias.objects.bulk_create(
        [OutletAlias(outlet=outlet, name=alias[:200]) for alias in entry.aliases]
    )
    outlet.sync_keys()
    return outlet
