from django.core.management.base import BaseCommand

from suggestions.watch import watch_bylines


class Command(BaseCommand):
    help = (
        "Poll the outlets' author pages, feeds and sitemaps stored as byline sources, and file "
        "the pieces this site does not have yet as suggestions for the editor."
    )

    def add_arguments(self, parser):
        parser.add_argument("--max-minutes", type=float, help="Stop after this long.")
        parser.add_argument(
            "--host-delay",
            type=float,
            help="Seconds between two requests to one site (default: ORIGINALS_HOST_DELAY).",
        )

    def handle(self, *args, **options):
        log = self.stdout.write if options["verbosity"] > 1 else (lambda line: None)
        summary = watch_bylines(
            max_minutes=options["max_minutes"], host_delay=options["host_delay"], log=log
        )
        self.stdout.write(
            f"Polled {summary.polled} sources ({summary.unchanged} unchanged): "
            f"{len(summary.suggested)} new suggestions, {summary.known} already known."
        )
        for suggestion in summary.suggested:
            flag = "" if suggestion.byline_known else " (byline names nobody you know)"
            self.stdout.write(f"New: {suggestion.title}{flag}")
        for error in summary.errors:
            self.stdout.write(f"Could not read {error}")
        if summary.stopped_early:
            self.stdout.write("Stopped at --max-minutes; the next run goes on from here.")
