"""
The admin site: its home page is a dashboard of what needs doing (drafts, scheduled columns,
columns to review, recent mentions, originals gone this week, new bylines found, and buttons
for the day's three jobs), and its list of apps
puts the content first and the logins and lockouts (auth, Axes) last, folded away.
"""

import datetime

from django.conf import settings
from django.contrib import admin
from django.utils import timezone

from columns.models import Column
from config.throttling import LoginForm
from core.admin import Guards
from mentions.models import Mention
from originals.models import Original
from suggestions.models import Suggestion

# Apps shown after the content, folded on the home page: who may log in, and lockouts.
ACCOUNT_APPS = ["auth", "axes"]
# Section names in the editor's words (taggit's app is called "Taggit").
APP_NAMES = {"taggit": "Tags"}
LISTED = 8  # items per dashboard list; each says how many there are in all


def _listed(queryset):
    return {"items": list(queryset[:LISTED]), "count": queryset.count()}


def dashboard(request):
    """What the home page lists, for what the user may see."""
    user = request.user
    now = timezone.now()
    context = {"time_zone": settings.TIME_ZONE}
    if user.has_perm("columns.view_column"):
        columns = Column.objects.select_related("outlet")
        context["drafts"] = _listed(
            columns.filter(status=Column.Status.DRAFT).order_by("-modified_at")
        )
        context["scheduled"] = _listed(
            columns.filter(status=Column.Status.PUBLISHED, posted_at__gt=now).order_by("posted_at")
        )
        context["to_review"] = _listed(columns.filter(needs_review=True).order_by("-date"))
    if user.has_perm("mentions.view_mention"):
        context["mentions"] = _listed(
            Mention.objects.select_related("outlet").order_by("-created_at", "-id")
        )
    if user.has_perm("originals.view_original"):
        week_ago = now - datetime.timedelta(days=7)
        context["originals_gone"] = Original.objects.filter(
            state=Original.State.GONE, state_changed_at__gte=week_ago
        ).count()
    if user.has_perm("suggestions.view_suggestion"):
        context["suggestions"] = Suggestion.objects.filter(state=Suggestion.State.NEW).count()
    context["can_add_column"] = user.has_perm("columns.add_column")
    context["can_add_mention"] = user.has_perm("mentions.add_mention")
    return context


class ColumnistAdminSite(admin.AdminSite):
    site_header = f"{settings.SITE_NAME} admin"
    site_title = settings.SITE_NAME
    index_title = "What needs doing"
    login_form = LoginForm

    def register(self, model_or_iterable, admin_class=None, **options):
        """Every ModelAdmin gets our guards against hostile input (core/admin.py), those of
        installed packages (auth, Axes) too: their lists took `?date_joined__year=` with 20
        digits, or an unbalanced `?username__regex=(`, for a 500."""
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, Guards):
            namespace = {"__module__": admin_class.__module__, "__doc__": admin_class.__doc__}
            admin_class = type(admin_class.__name__, (Guards, admin_class), namespace)
        super().register(model_or_iterable, admin_class, **options)

    def get_app_list(self, request, app_label=None):
        apps = super().get_app_list(request, app_label)
        by_label = {app["app_label"]: app for app in apps}
        for app in apps:
            app["name"] = APP_NAMES.get(app["app_label"], app["name"])
            app["is_account"] = app["app_label"] in ACCOUNT_APPS
        # Tags in one place: the tags app's pages (merges) join taggit's Tags.
        if "taggit" in by_label and "tags" in by_label:
            by_label["taggit"]["models"] += by_label.pop("tags")["models"]
            apps = list(by_label.values())
        # Content first, then the accounts; alphabetical within each (Django's order).
        return sorted(apps, key=lambda app: app["is_account"])

    def index(self, request, extra_context=None):
        extra_context = {"dashboard": dashboard(request), **(extra_context or {})}
        return super().index(request, extra_context)
