"""
Settings for Columnist, read from the environment.

Without any environment the site runs in DEBUG on SQLite in the project folder, which is the
quick start. Production sets DJANGO_DEBUG=0, DJANGO_SECRET_KEY, DATABASE_URL and
DJANGO_ALLOWED_HOSTS.
"""

import os
import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE
from django.core.exceptions import ImproperlyConfigured
from django.templatetags.static import static
from django.utils.functional import lazy

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=()):
    value = os.environ.get(name, "")
    items = [item.strip() for item in value.split(",") if item.strip()]
    return items or list(default)


DEBUG = env_bool("DJANGO_DEBUG", default=True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off. "
            "Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    # A fixed, obviously insecure key for local development only.
    SECRET_KEY = "django-insecure-local-development-only"

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "config.apps.ColumnistAdminConfig",  # django.contrib.admin with our dashboard
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "taggit",
    "reversion",
    "django_prose_editor",
    # Ours (README, "Where things live", has their layers). The order of the apps with
    # models is the order of Outlet's reverse relations (merges report "1 column, 1 mention").
    "core",
    "outlets",
    "columns",
    "mentions",
    "redirects",
    "pagecache",
    "discovery",
    "tags",
    "images",
    "wordpress",
    "citations",
    "subscribers",
    "originals",
    "suggestions",
    "demo",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything reads the request: a NUL in the address or cookies is a 400, never a
    # value handed to PostgreSQL (which refuses NUL in text).
    "core.params.RefuseNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Uploaded media, as whitenoise serves static files: before sessions and the page cache.
    "config.media.MediaFilesMiddleware",
    # ETag on every page (cached ones too), and 304 for a conditional request that matches it.
    "django.middleware.http.ConditionalGetMiddleware",
    # WordPress's /?p=12 links: answered before the page cache, which ignores `p` on "/".
    "redirects.middleware.WordPressQueryMiddleware",
    # Before sessions: a cached page is served without touching the session or the database;
    # before the security headers' middleware: it stores pages with their headers.
    "pagecache.middleware.PageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "config.security.PermissionsPolicyMiddleware",
    "config.healthz.HealthCheckMiddleware",
    "config.routers.PublicReadsMiddleware",
    # Its one hook is process_view, run before CSRF's: a TRACE or DELETE is a 405, not a 403.
    # (After the page cache, which answers GET and HEAD alone: config/page_hits.py then still
    # knows the middleware before it.)
    "config.security.KnownMethodsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "redirects.middleware.RedirectFallbackMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            # {% url %} and |date remembered per process (same syntax, same output): most of
            # what a first render spent formatting links and days (core/templatetags/remembered.py).
            "builtins": ["core.templatetags.remembered"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
                "columns.context_processors.owner",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {
    # An empty DATABASE_URL means the default too (as in `DATABASE_URL= make test`).
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (config/throttling.py, django-axes): 5 failures for one user name from one
# address lock that pair out for 15 minutes; a successful login resets the count.
AUTHENTICATION_BACKENDS = [
    "config.throttling.LoginThrottlingBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# After a login with no (or an unsafe, off-site) ?next=, the admin: the only place a login
# leads to (Django's default, /accounts/profile/, does not exist here).
LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Uploaded images: larger files are refused; smaller copies of these widths are made once.
IMAGE_UPLOAD_MAX_BYTES = int(os.environ.get("IMAGE_UPLOAD_MAX_BYTES", 10 * 1024 * 1024))
IMAGE_UPLOAD_MAX_PIXELS = 40_000_000
IMAGE_RENDITION_WIDTHS = [480, 960, 1600]
# "Add column from URL": seconds per network step, largest page read, and whether pages on
# 127.0.0.1 may be fetched (tests only: private and local addresses are refused otherwise).
FETCH_TIMEOUT = 10
FETCH_MAX_BYTES = 3 * 1024 * 1024
ALLOW_LOOPBACK_FETCH = False
# Media brought home from an old WordPress site (import_wxr --media, fetch_media): files
# fetched at once, tries per file with the pause before a retry doubling from BACKOFF seconds,
# seconds per network step (the whole file within twice that), and the largest file taken.
MEDIA_FETCH_WORKERS = int(os.environ.get("MEDIA_FETCH_WORKERS", 4))
MEDIA_FETCH_ATTEMPTS = 3
MEDIA_FETCH_BACKOFF = 1.0
MEDIA_FETCH_TIMEOUT = 15
MEDIA_FETCH_MAX_BYTES = int(os.environ.get("MEDIA_FETCH_MAX_BYTES", 25 * 1024 * 1024))

# Redirects (redirects/) lead to paths of this site; these other hosts may be targets too
# (comma-separated, e.g. "archive.example.org").
REDIRECT_ALLOWED_HOSTS = env_list("REDIRECT_ALLOWED_HOSTS")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Tags match case-insensitively, so "china" and "China" are one tag.
TAGGIT_CASE_INSENSITIVE = True
# Tag fields split on commas only: "Shanghai Cooperation Organisation" is one tag, not three;
# and a tag's alias becomes the tag (tags/aliases.py).
TAGGIT_TAGS_FROM_STRING = "tags.aliases.tags_from_string"

# Shown in page titles, feeds and the admin header.
SITE_NAME = os.environ.get("SITE_NAME", "Columnist")
SITE_DESCRIPTION = os.environ.get(
    "SITE_DESCRIPTION", "Columns, commentary and media appearances, kept in one place."
)

# The site's public address, for links in emails sent by commands (no request to ask).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# The link checker (check_originals): an original is declared gone after this many failed
# checks in a row over at least this many days; two requests to one site are this far apart.
ORIGINALS_GONE_AFTER_FAILURES = int(os.environ.get("ORIGINALS_GONE_AFTER_FAILURES", "3"))
ORIGINALS_GONE_AFTER_DAYS = int(os.environ.get("ORIGINALS_GONE_AFTER_DAYS", "3"))
ORIGINALS_HOST_DELAY = float(os.environ.get("ORIGINALS_HOST_DELAY", "10"))
# Archived copies (the Internet Archive's APIs): off unless set, e.g. in production
# ARCHIVE_SAVE_URL=https://web.archive.org/save and
# ARCHIVE_AVAILABILITY_URL=https://archive.org/wayback/available
ARCHIVE_SAVE_URL = os.environ.get("ARCHIVE_SAVE_URL", "")
ARCHIVE_AVAILABILITY_URL = os.environ.get("ARCHIVE_AVAILABILITY_URL", "")

# Email (the subscribers' digest): the console in development, SMTP in production.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", f"{SITE_NAME} <noreply@localhost>")
# Sign-ups one client (REMOTE_ADDR) may send per hour, each a confirmation email at most
# (subscribers/views.py): the form is not a way to mail strangers through our server.
SUBSCRIBE_EMAILS_PER_HOUR = int(os.environ.get("SUBSCRIBE_EMAILS_PER_HOUR", "20"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", default=True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# --- Production serving (issue 6): pool, cache, headers, replica, media storage. ---

# Pooled PostgreSQL connections (psycopg's pool, one per process). Django checks each connection
# as it leaves the pool (CONN_HEALTH_CHECKS), so a database restart costs no app restart.
# On by default in production, off in development and tests.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
    "DATABASE_POOL", default=not DEBUG
):
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool, not Django, keeps connections
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": int(os.environ.get("DATABASE_POOL_MIN", "1")),
        "max_size": int(os.environ.get("DATABASE_POOL_MAX", "4")),
        # A request waits this long for a connection (e.g. while PostgreSQL restarts).
        "timeout": float(os.environ.get("DATABASE_POOL_TIMEOUT", "10")),
    }

# A bound on every SQL statement, in milliseconds (PostgreSQL's statement_timeout). The
# server sets it for the web processes (config/serve.py): the server has no request timeout,
# so a stuck query must not hold a worker forever. Management commands (imports, migrations,
# reindexing) run without it.
STATEMENT_TIMEOUT_MS = int(os.environ.get("DATABASE_STATEMENT_TIMEOUT", "0") or 0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and STATEMENT_TIMEOUT_MS:
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c statement_timeout={STATEMENT_TIMEOUT_MS}"
    )

# An optional read replica: public pages read from it (config/routers.py), writes and
# editors' requests always use the primary.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = {
        **dj_database_url.parse(os.environ["DATABASE_REPLICA_URL"], conn_health_checks=True),
        "TEST": {"MIRROR": "default"},
        # The same pool and statement bound as the primary.
        "OPTIONS": {
            key: value
            for key, value in DATABASES["default"].get("OPTIONS", {}).items()
            if key in ("pool", "options")
        },
    }
    DATABASE_ROUTERS = ["config.routers.ReplicaRouter"]

# The cache: Redis shared by every app process in production; without REDIS_URL (the quick
# start) a per-process memory cache, so nothing else needs installing.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # django-redis: one redis client per connection pool, kept across calls (Django's
            # own backend builds one per call: a quarter of a cached page's time).
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "columnist"),
            # Short socket timeouts: a dead Redis must not hold up a page, and its errors must
            # reach pagecache/guard.py, which serves pages uncached (so no IGNORE_EXCEPTIONS).
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Anonymous readers' pages are cached this long at most (0 turns the page cache off); any
# content change invalidates them at once (pagecache/versions.py). Off in development, where
# template changes must show at once.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0" if DEBUG else "600"))
# How long HTTP caches in front (Varnish, a CDN) may keep a public page (`s-maxage`); 0: not
# at all. Only with purges sent to them on every change (PAGE_CACHE_PURGERS, README
# "An HTTP cache in front").
HTTP_CACHE_SECONDS = int(os.environ.get("HTTP_CACHE_SECONDS", "0"))
# Varnish servers (deploy/varnish/) to purge, e.g. "http://127.0.0.1:6081/", comma-separated.
VARNISH_PURGE_URLS = env_list("VARNISH_PURGE_URLS")
PAGE_CACHE_PURGERS = ["pagecache.purge.VarnishPurger"] if VARNISH_PURGE_URLS else []
# After a change, the pages it invalidated that readers ask for most are fetched again from
# this address in the background (pagecache/warm.py); "" (the default): not warmed.
PAGE_CACHE_WARM_URL = os.environ.get("PAGE_CACHE_WARM_URL", "")
PAGE_CACHE_WARM_PATHS = ["/", "/feed/", "/feed/rss/"]
# With Redis, each process keeps this many of the page cache's values (pages, versions,
# counts, fragments) itself, kept exact by Redis's messages about changes
# (pagecache/near.py): a hit needs no round trip. 0: every read goes to Redis. Bounded by
# count (most entries are tiny: a page's stamps after a save) and by memory (pages, 5-50 KB).
NEAR_CACHE_ENTRIES = int(os.environ.get("NEAR_CACHE_ENTRIES", "50000"))
NEAR_CACHE_MB = int(os.environ.get("NEAR_CACHE_MB", "64"))
# List counts (pagecache/paginator.py) are cached the same way, also when pages are not.
COUNT_CACHE_SECONDS = int(os.environ.get("COUNT_CACHE_SECONDS", "0" if DEBUG else "600"))
# Columns' rendered cards, feed entries and column pages' parts are kept this long at most
# (0: not kept), each until a change or a go-live touches what it shows (pagecache/fragments.py):
# an uncached list page, feed or column page renders only its frame and the parts it has not
# got. Off in development, where template changes must show at once.
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "0" if DEBUG else "86400"))
# Search ranks, counts and pages at most this many of the most recent matches of each kind
# (columns, mentions): a word found in most columns would otherwise rank all of them on every
# search (discovery/search.py, README "Search").
SEARCH_MATCH_LIMIT = int(os.environ.get("SEARCH_MATCH_LIMIT", "1000"))

ADMIN_PATH = os.environ.get("DJANGO_ADMIN_PATH", "admin/").strip("/") + "/"
# Answered before everything else (config/healthz.py) and never from the page cache.
HEALTH_CHECK_PATH = "/healthz"

# Security headers. The Content-Security-Policy allows no inline script or style: every script
# and stylesheet is a file from this site (the admin's too).
EDITOR_STYLE_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        # The nonce is for the rich-text editor's import map (columns/admin/editor.py) alone.
        "script-src": ["'self'", NONCE],
        # The one inline style allowed is the editor's own base CSS, which Tiptap injects as a
        # <style> element (ProseMirror needs its white-space rule); the hash pins that text, and
        # tests/test_csp_editor.py fails when an upgraded django-prose-editor changes it.
        "style-src": ["'self'", EDITOR_STYLE_HASH],
        # Columns embed images from outlets and from the old WordPress site (imported bodies
        # and featured images keep their addresses): any https image, never a script.
        "img-src": ["'self'", "data:", "https:", *env_list("CSP_IMG_SOURCES")],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), browsing-topics=()"
)
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=True)
    # Behind a TLS-terminating proxy, set DJANGO_PROXY_SSL_HEADER=1 so Django sees https.
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", default=True)
    SECURE_REDIRECT_EXEMPT = [rf"^{re.escape(HEALTH_CHECK_PATH.lstrip('/'))}$"]
    if env_bool("DJANGO_PROXY_SSL_HEADER"):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Media on any S3-compatible store (needs the `s3` extra: pip install '.[s3]').
if os.environ.get("S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["S3_BUCKET"],
            "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("S3_REGION") or None,
            "access_key": os.environ.get("S3_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("S3_SECRET_ACCESS_KEY") or None,
            "custom_domain": os.environ.get("S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(
        f"https://{os.environ['S3_CUSTOM_DOMAIN']}"
        if os.environ.get("S3_CUSTOM_DOMAIN")
        else os.environ.get("S3_ENDPOINT_URL") or "https://*.amazonaws.com"
    )


# Our own rich-text editor extension (columns/admin/editor.py lists it): a paragraph always
# ends the document, so typing after a closing figure starts a paragraph, not a caption. It
# adds no markup, so it has nothing to add to the editor's own sanitiser's allowlist.
def _adds_no_markup(config, shared_config):
    return None


DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [lazy(static, str)("columns/admin/trailing_paragraph.js")],
        "extensions": {"TrailingParagraph": _adds_no_markup},
    }
]
