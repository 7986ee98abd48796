"""
The column's admin: the form (tags picked or typed, the optimistic lock, image checks), the
byline inline, the list with its filters and bulk actions. The modules beside it bring the
publishing buttons, the rich-text editor, revisions and "Add column from URL".
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.db import models
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from taggit.models import Tag

from columns.models import Byline, Column
from core.admin import ModelAdmin
from core.confirm_action import confirmation_page, confirmed
from core.html import clean_html
from core.locking import OptimisticLockForm
from core.uploads import NOT_AN_IMAGE
from images.html import add_srcset
from mentions.models import Mention
from outlets.models import Outlet

from . import from_url, history, publishing
from .editor import EditorMediaMixin, RichTextField
from .panel import (
    REVIEW_NEXT,
    PublishingPanelMixin,
    ZonedSplitDateTime,
    in_zone,
    next_to_review,
)
from .possible_mentions import PossibleMentionsFilter, PossibleMentionsMixin
from .revisions import ColumnVersionAdmin
from .tag_field import TagField


class ColumnForm(OptimisticLockForm, forms.ModelForm):
    """One tag field (picked or typed), an optimistic lock, and the publishing buttons."""

    tags = TagField(Column._meta.get_field("tags"))
    intro = RichTextField(label="Intro note", help_text=Column._meta.get_field("intro").help_text)
    body = RichTextField(
        help_text="The article. A paragraph reading [more] ends the excerpt shown in lists.",
    )
    # Shown when adding from an article's page (from_url.py), which fills it in.
    new_authors = forms.CharField(
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Names not yet among the authors, one per line.",
    )

    class Meta:
        model = Column
        fields = "__all__"  # noqa: DJ007 (the admin's fieldsets choose the fields)
        error_messages = {"image": {"invalid_image": NOT_AN_IMAGE}}
        help_texts = {
            "excerpt": "Optional. Without it, the body up to a paragraph reading [more], "
            "else its first paragraph.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["tags"] = list(self.instance.tags.all())
        if "article_type" in self.fields and self.is_bound and "article_type" not in self.data:
            # A form that doesn't send the kind (an older page, a script) keeps the column's.
            self.fields["article_type"].disabled = True
        # The outlet's own stamps are shown and typed in the outlet's time zone, if it has one.
        self.outlet_zone = self._outlet().zone if self._outlet() else None
        for name in OUTLET_STAMPS:
            if name in self.fields and hasattr(self.fields[name].widget, "zone"):
                self.fields[name].widget.zone = self.outlet_zone

    def _outlet(self):
        if not hasattr(self, "_outlet_found"):
            pk = self.data.get("outlet") if self.is_bound else self.initial.get("outlet")
            pk = getattr(pk, "pk", pk)
            found = None
            if str(pk or "").isdigit() and len(str(pk)) < 18:
                found = Outlet.objects.filter(pk=int(pk)).first()
            elif not self.is_bound and self.instance.outlet_id:
                found = self.instance.outlet
            self._outlet_found = found
        return self._outlet_found

    def clean_outlet_published_at(self):
        return in_zone(self.cleaned_data.get("outlet_published_at"), self.outlet_zone)

    def clean_outlet_updated_at(self):
        return in_zone(self.cleaned_data.get("outlet_updated_at"), self.outlet_zone)

    def clean(self):
        cleaned_data = super().clean()  # the optimistic lock first (core/locking.py)
        if REVIEW_NEXT in self.data:
            cleaned_data["needs_review"] = False
        return publishing.apply_publishing_button(self, cleaned_data)

    def clean_new_authors(self):
        names = self.cleaned_data.get("new_authors", "")
        if names.strip() and not self.instance.pk and not getattr(self, "can_add_authors", False):
            raise forms.ValidationError(
                "You may not add authors: pick known ones in the byline, or ask an editor."
            )
        return names

    def clean_body(self):
        return add_srcset(self.cleaned_data.get("body", ""))


def _offline_detail(column):
    """What unpublishing means for one column."""
    when = f"{timezone.localtime(column.posted_at):%d %b %Y %H:%M}"
    if column.is_scheduled:
        return f"scheduled for {when}; it will not go public"
    return f"public since {when}; it goes offline"


IMPORTED = "Imported from WordPress"
OUTLET_STAMPS = ["outlet_published_at", "outlet_updated_at"]


class BylineInline(admin.TabularInline):
    model = Byline
    extra = 0
    min_num = 1
    autocomplete_fields = ["author"]
    fields = ["position", "author", "bio"]
    ordering = ["position"]
    classes = ["byline-inline"]
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "aria-label": "Bio line"})}
    }

    class Media:
        # Drag rows (or use their arrows) to set the printed order.
        js = ["columns/admin/byline_order.js"]

    def get_min_num(self, request, obj=None, **kwargs):
        # The byline may be all new authors, added on save (from_url.py).
        return 0 if obj is None and from_url.new_authors_wanted(request) else self.min_num

    def get_extra(self, request, obj=None, **kwargs):
        # Pre-filled from an article's page: one form per author found; at least one form.
        shown = max(1, len(from_url.byline_initial(request)))
        return shown - self.get_min_num(request, obj)


class TagFilter(admin.SimpleListFilter):
    title = "tag"
    parameter_name = "tag"

    def lookups(self, request, model_admin):
        return (
            Tag.objects.filter(columns_taggedcolumn_items__isnull=False)
            .distinct()
            .values_list("slug", "name")
        )

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(tags__slug=self.value())
        return queryset


class YearFilter(admin.SimpleListFilter):
    title = "year"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = Column.objects.dates("day", "year", order="DESC")
        return [(str(year.year), str(year.year)) for year in years]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(day__year=int(self.value()))
        return queryset


class VisibilityFilter(admin.SimpleListFilter):
    title = "visibility"
    parameter_name = "visibility"

    def lookups(self, request, model_admin):
        return [("public", "Public"), ("scheduled", "Scheduled"), ("draft", "Draft")]

    def queryset(self, request, queryset):
        now = timezone.now()
        published = Column.Status.PUBLISHED
        if self.value() == "public":
            return queryset.published()
        if self.value() == "scheduled":
            return queryset.filter(status=published, posted_at__gt=now)
        if self.value() == "draft":
            return queryset.filter(status=Column.Status.DRAFT)
        return queryset


@admin.register(Column)
class ColumnAdmin(
    PossibleMentionsMixin,
    PublishingPanelMixin,
    EditorMediaMixin,
    from_url.ColumnFromUrlMixin,
    ColumnVersionAdmin,
    ModelAdmin,
):
    form = ColumnForm
    inlines = [BylineInline]
    # No tags column: the list is for finding a column (the tag filter is beside it), and a
    # tags column squeezed the titles at 1,366 px.
    list_display = ["title", "day", "outlet", "byline", "visibility"]
    list_filter = [
        VisibilityFilter,
        "status",
        "outlet",
        TagFilter,
        YearFilter,
        "needs_review",
        PossibleMentionsFilter,
    ]
    list_select_related = ["outlet"]
    search_fields = ["title", "dek", "body"]
    date_hierarchy = "date"
    autocomplete_fields = ["outlet"]
    prepopulated_fields = {"slug": ["title"]}
    actions = ["publish", "unpublish", "mark_reviewed"]
    readonly_fields = ["original_text", "intro_as_read", "body_as_read"]
    formfield_overrides = {models.DateTimeField: {"widget": ZonedSplitDateTime}}

    def get_deleted_objects(self, objs, request):
        """Besides what goes with them, the press mentions about these columns: they stay,
        no longer linked to a column, and the confirmation pages say so before (both the
        single delete and the bulk action ask this)."""
        deleted = super().get_deleted_objects(objs, request)
        request.mentions_unlinked = list(
            Mention.objects.filter(column__in=objs).select_related("outlet").order_by("-date")
        )
        return deleted

    class Media:
        # The editors open at a writing height instead of one line, the publishing panel
        # sits beside the form...
        css = {"all": ["admin/columns/editor.css"]}
        # ...each editor is named after its field, for screen readers; the panel counts words,
        # previews the address, and a warning stops the editor leaving with unsaved changes.
        js = ["columns/admin/editor_labels.js", "columns/admin/column_form.js"]

    fieldsets = [
        # The first fieldset is the publishing panel (change_form.html puts its buttons there).
        ("Publishing", {"fields": ["status", "posted_at"], "classes": ["publishing-fields"]}),
        # opened_at, a hidden field, is written by change_form.html (a label for it is invalid).
        (None, {"fields": ["title", "slug", "dek", "intro", "body", "excerpt"]}),
        (
            "At the outlet",
            {
                "fields": [
                    "outlet",
                    "original_url",
                    ("outlet_published_at", "outlet_updated_at"),
                    "print_headline",
                    "exclusive",
                    "article_type",
                    "canonical_is_original",
                ]
            },
        ),
        ("Tags", {"fields": ["tags"]}),
        ("Featured image", {"fields": ["image", "image_alt", "image_caption"]}),
        (
            IMPORTED,
            {
                "classes": ["collapse"],
                "fields": ["needs_review", "original_text", "image_url"],
                "description": "What the importer read: compare it with the fields above, then "
                "untick “needs review”.",
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("tags", "bylines__author")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if isinstance(db_field, models.DateTimeField) and field is not None:
            # Each of the two inputs is named for screen readers ("Posted on this site: date").
            for widget, part in zip(field.widget.widgets, ["date", "time"], strict=True):
                widget.attrs["aria-label"] = f"{field.label}: {part}"
        return field

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and not self.has_change_permission(request, obj):
            # Read-only (press assistants): the intro and body as readers see them.
            shown = {"intro": "intro_as_read", "body": "body_as_read", "opened_at": None}
            fieldsets = [
                (name, {**o, "fields": [shown.get(f, f) for f in o["fields"] if shown.get(f, f)]})
                for name, o in fieldsets
            ]
        imported = obj is not None and (obj.wordpress_id or obj.original_html or obj.needs_review)
        if not imported:
            return [f for f in fieldsets if f[0] != IMPORTED]
        if obj.needs_review:  # the review panel at the top shows the original text
            return [
                (name, {**o, "fields": [f for f in o["fields"] if f != "original_text"]})
                if name == IMPORTED
                else (name, o)
                for name, o in fieldsets
            ]
        return fieldsets

    def construct_change_message(self, request, form, formsets, add=False):
        message = super().construct_change_message(request, form, formsets, add)
        return history.describe(message, form, add)

    def response_add(self, request, obj, post_url_continue=None):
        return self._publishing_response(request, obj) or super().response_add(
            request, obj, post_url_continue
        )

    def response_change(self, request, obj):
        if REVIEW_NEXT in request.POST:
            return self._review_next_response(request, obj)
        return self._publishing_response(request, obj) or super().response_change(request, obj)

    def _review_next_response(self, request, column):
        following = next_to_review(column)
        if following is None:
            self.message_user(
                request, f"Reviewed “{column}”. No more columns to review.", messages.SUCCESS
            )
            return redirect("admin:columns_column_changelist")
        self.message_user(
            request, f"Reviewed “{column}”. Here is the next one to review.", messages.SUCCESS
        )
        return redirect("admin:columns_column_change", following.pk)

    def _publishing_response(self, request, column):
        """After a publishing button: say where the column stands; preview goes to the page."""
        buttons = [
            publishing.SAVE_DRAFT,
            publishing.PUBLISH,
            publishing.PUBLISH_NOW,
            publishing.SCHEDULE,
            "_continue",
        ]
        if publishing.PREVIEW in request.POST:
            self.message_user(request, publishing.publishing_message(column), messages.INFO)
            return redirect(column.get_absolute_url())
        if any(button in request.POST for button in buttons):
            self.message_user(request, publishing.publishing_message(column), messages.SUCCESS)
            return redirect("admin:columns_column_change", column.pk)
        return None

    @admin.display(description="authors")
    def byline(self, column):
        return ", ".join(b.author.name for b in column.ordered_bylines)

    @admin.display(description="status")
    def visibility(self, column):
        if column.is_scheduled:
            when = timezone.localtime(column.posted_at)
            return f"Scheduled for {when:%d %b %Y %H:%M} ({settings.TIME_ZONE})"
        return column.get_status_display()

    def _set_status(self, request, queryset, status, verb):
        changed = 0
        for column in queryset.exclude(status=status):
            column.status = status
            column.save(update_fields=["status", "modified_at"])
            self.log_change(request, column, f"{verb} from the column list.")
            changed += 1
        self.message_user(request, f"{verb} {changed} column(s).", messages.SUCCESS)

    @admin.display(description="intro note")
    def intro_as_read(self, column):
        return mark_safe(column.intro)  # sanitised at save (core/html.py)

    @admin.display(description="body")
    def body_as_read(self, column):
        return mark_safe(column.body)  # sanitised at save (core/html.py)

    @admin.display(description="original text")
    def original_text(self, column):
        # Stored sanitised by the importer; cleaned again since it is printed as HTML.
        if not column.original_html:
            return "—"
        original = mark_safe(clean_html(column.original_html))  # sanitised just now
        return format_html('<div class="original-text">{}</div>', original)

    @admin.action(description="Mark the selected columns as reviewed", permissions=["change"])
    def mark_reviewed(self, request, queryset):
        changed = 0
        for column in queryset.filter(needs_review=True):
            column.needs_review = False
            column.save(update_fields=["needs_review", "modified_at"])
            self.log_change(request, column, "Marked as reviewed from the column list.")
            changed += 1
        self.message_user(request, f"Marked {changed} column(s) as reviewed.", messages.SUCCESS)

    @admin.action(description="Publish the selected columns", permissions=["change"])
    def publish(self, request, queryset):
        self._set_status(request, queryset, Column.Status.PUBLISHED, "Published")

    @admin.action(
        description="Unpublish the selected columns (back to draft)", permissions=["change"]
    )
    def unpublish(self, request, queryset):
        touched = queryset.filter(status=Column.Status.PUBLISHED).order_by("-date")
        if not touched:
            self.message_user(
                request, "None of the selected columns is published: nothing to unpublish."
            )
            return None
        if not confirmed(request):
            count = len(touched)
            noun = "column" if count == 1 else "columns"
            return confirmation_page(
                self,
                request,
                queryset,
                action="unpublish",
                title=f"Take {count} {noun} offline?",
                explanation=f"These {count} {noun} go back to draft: readers no longer see them "
                "(their pages answer 404, and they leave lists, feeds, search and the sitemap) "
                "until they are published again.",
                items=[(column, _offline_detail(column)) for column in touched],
                button=f"Yes, unpublish {count} {noun}",
            )
        self._set_status(request, queryset, Column.Status.DRAFT, "Unpublished")
        return None
