from django.contrib import admin

from .models import Mention


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["date", "outlet", "topic", "kind", "status", "created_by"]
    list_filter = ["kind", "status", "outlet"]
    list_select_related = ["outlet", "created_by"]
    search_fields = ["topic", "note", "outlet__name"]
    date_hierarchy = "date"
    autocomplete_fields = ["outlet", "column"]
    fields = ["outlet", "topic", "date", "kind", "url", "note", "column", "tags", "status"]

    def save_model(self, request, obj, form, change):
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
