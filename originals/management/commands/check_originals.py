import time

from django.core.management.base import BaseCommand

from originals.links import check_links
from originals.run import archive_originals, check_originals


class Command(BaseCommand):
    help = (
        "Visit each public column's original at its outlet, politely, and record whether it is "
        "online, moved, behind a paywall or gone; find or make archived copies. Checks the "
        "least recently checked first, so a run that stops resumes where it stopped."
    )

    def add_arguments(self, parser):
        parser.add_argument("--max-minutes", type=float, help="Stop after this long.")
        parser.add_argument("--limit", type=int, help="Check at most this many originals.")
        parser.add_argument(
            "--host-delay",
            type=float,
            help="Seconds between two requests to one site (default: ORIGINALS_HOST_DELAY).",
        )
        parser.add_argument(
            "--archive-all",
            action="store_true",
            help="Look up or make an archived copy for every column that has none, not only "
            "for the newly published.",
        )
        parser.add_argument("--no-archive", action="store_true", help="Skip archived copies.")
        parser.add_argument(
            "--links",
            action="store_true",
            help="Also check the links in columns' bodies to other sites (Admin → Links).",
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        log = self.stdout.write if options["verbosity"] > 1 else (lambda line: None)
        summary = check_originals(
            max_minutes=options["max_minutes"],
            limit=options["limit"],
            host_delay=options["host_delay"],
            log=log,
        )
        outcomes = ", ".join(f"{n} {name}" for name, n in sorted(summary.outcomes.items()))
        self.stdout.write(f"Checked {summary.checked} originals ({outcomes or 'none due'}).")
        for title in summary.gone:
            self.stdout.write(f"Gone: {title}")
        for title in summary.back:
            self.stdout.write(f"Back online: {title}")
        if summary.stopped_early:
            self.stdout.write("Stopped at --max-minutes; the next run resumes from here.")
        if not options["no_archive"]:
            archived = archive_originals(everything=options["archive_all"], log=log)
            self.stdout.write(f"Archived copies found or made: {archived}.")
        if options["links"]:
            limit = options["max_minutes"]

            def out_of_time():
                return bool(limit) and time.monotonic() - started >= limit * 60

            counts = check_links(host_delay=options["host_delay"], deadline=out_of_time)
            outcomes = ", ".join(f"{n} {name}" for name, n in sorted(counts.items()))
            self.stdout.write(f"Links in columns checked: {sum(counts.values())} ({outcomes}).")
