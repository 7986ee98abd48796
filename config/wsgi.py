import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

django_application = get_wsgi_application()

# Imported once Django is set up: page-cache hits are answered before its request cycle.
from config.page_hits import PageHits  # noqa: E402

application = PageHits(django_application)
