from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    """Whole pages and list counts for anonymous readers, kept until the content changes.
    Which models are content is said by core (core/apps.py, versions.watch())."""

    name = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        from . import guard, versions

        # A save made while the cache was down could not invalidate what it held before.
        guard.on_recovery(versions.bump_content_version)
