from django.contrib import admin

from core.admin import ModelAdmin

from .models import Redirect


@admin.register(Redirect)
class RedirectAdmin(ModelAdmin):
    list_display = ["old_path", "new_path", "created_at"]
    search_fields = ["old_path", "new_path"]
