"""`export_wxr`: the site as a WordPress export (WXR 1.2) that import_wxr reads back whole."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wordpress.export import write_wxr


class Command(BaseCommand):
    help = (
        "Write the whole site (columns, authors, outlets, tags, mentions) as a WordPress "
        "export (WXR 1.2) that WordPress's importer and our import_wxr both read."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Where to write the .xml file ('-' for stdout).")
        parser.add_argument(
            "--site-url",
            default="http://127.0.0.1:8000",
            help="The site's public address, for the links in the file.",
        )

    def handle(self, *args, file, site_url, **options):
        # One snapshot of the database, even while editors keep working.
        with transaction.atomic():
            if file == "-":
                counts = write_wxr(self.stdout, site_url)
                return
            try:
                with open(file, "w", encoding="utf-8") as out:
                    counts = write_wxr(out, site_url)
            except OSError as error:
                raise CommandError(f"{file}: {error.strerror}.") from error
        parts = ", ".join(f"{count} {what}" for what, count in counts.items())
        self.stdout.write(f"Wrote {file}: {parts}.")
