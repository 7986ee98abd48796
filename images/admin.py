from django import forms
from django.contrib import admin
from django.utils.html import format_html

from core.admin import ModelAdmin
from core.uploads import NOT_AN_IMAGE

from .models import Image


class ImageForm(forms.ModelForm):
    class Meta:
        model = Image
        fields = ["file", "alt", "caption", "credit"]
        error_messages = {"file": {"invalid_image": NOT_AN_IMAGE}}


@admin.register(Image)
class ImageAdmin(ModelAdmin):
    form = ImageForm
    list_display = ["thumbnail", "alt", "caption", "credit", "dimensions", "created_at"]
    search_fields = ["alt", "caption", "credit"]
    readonly_fields = ["preview", "insert_html"]

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["file", "alt", "caption", "credit"]
        return ["preview", "file", "alt", "caption", "credit", "insert_html"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description="image")
    def thumbnail(self, image):
        return format_html('<img src="{}" alt="" width="80">', image.file.url)

    @admin.display(description="size")
    def dimensions(self, image):
        return f"{image.width} by {image.height}"

    @admin.display(description="preview")
    def preview(self, image):
        return format_html(
            '<img src="{}" srcset="{}" sizes="20rem" alt="{}" width="320">',
            image.file.url,
            image.srcset,
            image.alt,
        )

    @admin.display(description="to use in a column")
    def insert_html(self, image):
        return format_html(
            "<p>In the column body, insert a figure with this image address (its smaller sizes "
            "are added when the column is saved):</p><p><code>{}</code></p>"
            "<p>Or paste this HTML in the editor's HTML view:</p>"
            '<textarea readonly rows="4" cols="80">{}</textarea>',
            image.file.url,
            image.figure_html(),
        )
