"""`fetch_media`: bring home the media of columns imported from WordPress without --media."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from columns.models import Column
from wordpress.management.media_options import MediaProgress, add_source_options, source
from wordpress.media import BringHome
from wordpress.media_refs import OldSite
from wordpress.summary import SHOWN, Summary


class Command(BaseCommand):
    help = (
        "Download the images and documents that imported columns still load from the old "
        "WordPress site (or copy them from a local wp-content/uploads), store them here and "
        "point the columns at them. Safe to run again: what is home already is not fetched."
    )

    def add_arguments(self, parser):
        add_source_options(parser, flag=False)
        parser.add_argument(
            "--site",
            action="append",
            default=[],
            help="Only the columns imported from this WordPress address (as many as wanted).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Do everything, print it, then roll back."
        )

    def handle(self, *args, media_from, site, dry_run, verbosity, **options):
        columns = Column.objects.exclude(wordpress_site="")
        if site:
            columns = columns.filter(wordpress_site__in=[s.rstrip("/") for s in site])
        sites = sorted(set(columns.values_list("wordpress_site", flat=True)))
        if not sites:
            raise CommandError("No column here was imported from WordPress (or from that site).")
        summary = Summary()
        home = BringHome(summary, source(True, media_from), MediaProgress(self.stderr))
        try:
            with transaction.atomic():
                home.run(columns, OldSite(sites))
                if dry_run:
                    transaction.set_rollback(True)
        except BaseException:
            home.discard()
            raise
        if dry_run:
            home.discard()
        self.stdout.write(f"From {', '.join(sites)}:")
        for line in summary.lists(shown=None if verbosity >= 2 else SHOWN):
            self.stdout.write(line)
        if not (summary.media or summary.media_reused or summary.notes):
            self.stdout.write("Nothing to bring home: every column's media is here already.")
        if dry_run:
            self.stdout.write("Dry run: nothing was saved.")
