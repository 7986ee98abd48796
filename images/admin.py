from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.template.response import TemplateResponse
from django.urls import path
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

    def get_urls(self):
        picker = self.admin_site.admin_view(self.picker_view)
        return [path("pick/", picker, name="images_image_picker"), *super().get_urls()]

    def picker_view(self, request):
        """
        The rich-text editor's "Browse..." in its figure dialog opens this page in a small
        window: upload an image, or pick one from the library; either goes back to the dialog
        with its alt text and its caption and credit (django-prose-editor's Figure calls a
        CKEditor-style `CKEditorFuncNum` callback; images/static/images/picker.js answers it).
        """
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        can_add = self.has_add_permission(request)
        form = ImageForm(request.POST or None, request.FILES or None) if can_add else None
        uploaded = None
        if form is not None and request.method == "POST" and form.is_valid():
            uploaded = form.save(commit=False)
            uploaded.uploaded_by = request.user
            uploaded.save()
            self.log_addition(request, uploaded, "Uploaded from the editor's figure dialog.")
        typed = request.GET.get("q", "")[:100]
        query = " ".join("".join(c for c in typed if c.isprintable()).split())  # no NUL
        images = Image.objects.order_by("-created_at", "-pk")
        if query:
            images = images.filter(
                Q(alt__icontains=query) | Q(caption__icontains=query) | Q(credit__icontains=query)
            )
        page = Paginator(images, 24).get_page(request.GET.get("page"))
        context = {
            **self.admin_site.each_context(request),
            "title": "Pick an image",
            "opts": self.opts,
            "form": form,
            "uploaded": uploaded,
            "page_obj": page,
            "query": query,
            "callback": "".join(
                c for c in request.GET.get("CKEditorFuncNum", "") if c in "-0123456789"
            )[:12],
            "is_popup": True,
        }
        return TemplateResponse(request, "admin/images/image/picker.html", context)

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
