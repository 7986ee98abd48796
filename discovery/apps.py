from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    """How readers and machines find content: search, the read API, sitemaps and robots.txt."""

    name = "discovery"

    def ready(self):
        from . import signals  # noqa: F401
