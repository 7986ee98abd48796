from django.core.management.base import BaseCommand

from subscribers.digest import send_digests


class Command(BaseCommand):
    help = (
        "Email each subscriber whose week or month has passed the columns (and media "
        "appearances, if they asked) made public since their last digest. Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be sent; send nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        sent, empty, forgotten = send_digests(dry_run=dry_run)
        # Counts only: subscribers' addresses never go to logs.
        verb = "would send" if dry_run else "sent"
        self.stdout.write(
            f"Digests {verb}: {sent}. Nothing new for: {empty}. "
            f"Unconfirmed signups forgotten: {forgotten}."
        )
