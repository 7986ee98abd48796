import csv

from django.contrib import admin
from django.http import HttpResponse

from core.admin import ModelAdmin

from .models import Subscriber


@admin.register(Subscriber)
class SubscriberAdmin(ModelAdmin):
    list_display = ["email", "frequency", "include_mentions", "confirmed_at", "last_sent_at"]
    list_filter = ["frequency", "include_mentions", ("confirmed_at", admin.EmptyFieldListFilter)]
    search_fields = ["email"]
    readonly_fields = ["confirmed_at", "last_sent_at", "created_at"]
    actions = ["export_csv"]

    def has_add_permission(self, request):
        return False  # people subscribe themselves (double opt-in), never added by others

    @admin.action(description="Export the chosen subscribers (CSV)", permissions=["export"])
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="subscribers.csv"'
        response["Cache-Control"] = "no-store"
        writer = csv.writer(response)
        writer.writerow(["email", "frequency", "media appearances", "confirmed", "subscribed"])
        for subscriber in queryset.order_by("pk"):
            writer.writerow(
                [
                    _csv_safe(subscriber.email),
                    subscriber.frequency,
                    "yes" if subscriber.include_mentions else "no",
                    subscriber.confirmed_at.isoformat() if subscriber.confirmed_at else "",
                    subscriber.created_at.isoformat(),
                ]
            )
        return response

    def has_export_permission(self, request):
        return request.user.has_perm("subscribers.export_subscriber")


def _csv_safe(value):
    """A spreadsheet runs a cell starting with = + - @ as a formula: make it text."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value
