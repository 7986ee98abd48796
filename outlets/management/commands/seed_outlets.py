"""`seed_outlets`: add every outlet of the catalogue (outlets/data/media_outlets.json) that the
site does not have yet, with its kind, country, homepage and aliases, for editors who want the
whole list in the admin. It never changes an outlet the site has: an entry whose name, alias or
site already belongs to one (or to several) is left out. Running it again adds nothing."""

from django.core.management.base import BaseCommand
from django.db import transaction

from core.slugs import unique_slug
from outlets.catalogue import known_outlets
from outlets.matching import create_known, entry_keys
from outlets.models import Outlet, OutletKey


class Command(BaseCommand):
    help = (
        "Add the catalogue's outlets that the site does not have yet (never changes existing "
        "ones). Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be added, add nothing."
        )

    @transaction.atomic
    def handle(self, *args, dry_run=False, verbosity=1, **options):
        held = {
            (kind, key): pk
            for kind, key, pk in OutletKey.objects.values_list("kind", "key", "outlet_id")
        }
        slugs = set(Outlet.objects.values_list("slug", flat=True))
        added, here, clashes = [], 0, []
        for entry in known_outlets():
            keys = entry_keys(entry)
            owners = {held[key] for key in keys if key in held}
            if len(owners) == 1:
                here += 1
                continue
            if owners:
                clashes.append(entry.name)
                continue
            added.append(entry.name)
            if not dry_run:
                outlet = create_known(entry, unique_slug(entry.name_slug, slugs, fallback="outlet"))
                held |= {(k.kind, k.key): outlet.pk for k in outlet.keys.all()}
            else:
                held |= dict.fromkeys(keys, 0)
        if verbosity > 1:
            for name in added:
                self.stdout.write(f"  {name}")
        verb = "Would add" if dry_run else "Added"
        self.stdout.write(
            f"{verb} {len(added)} outlets from the catalogue; {here} were here already."
        )
        if clashes:
            self.stdout.write(
                f"Left out {len(clashes)} whose names or sites belong to several of the site's "
                "outlets (merge or rename them, then run this again): " + ", ".join(clashes)
            )
