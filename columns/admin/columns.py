"""
The column's admin: the form (tags picked or typed, the optimistic lock, image checks), the
byline inline, the list with its filters and bulk actions. The modules beside it bring the
publishing buttons, the rich-text editor, revisions and "Add column from URL".
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.db import models
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from taggit.models import Tag
from taggit.utils import parse_tags

from columns.models import Byline, Column
from core.admin import ModelAdmin
from core.confirm_action import confirmation_page, confirmed
from core.html import clean_html
from core.locking import OptimisticLockForm
from core.uploads import NOT_AN_IMAGE
from images.html import add_srcset

from . import from_url, publishing
from .editor import EditorMediaMixin, RichTextField
from .possible_mentions import PossibleMentionsFilter, PossibleMentionsMixin
from .revisions import ColumnVersionAdmin


class ColumnForm(OptimisticLockForm, forms.ModelForm):
    """Tags are picked from existing ones with autocomplete, and new ones typed beside them."""

    tags = forms.ModelMultipleChoiceField(
        queryset=Tag.objects.all(),
        required=False,
        widget=AutocompleteSelectMultiple(Column._meta.get_field("tags"), admin.site),
    )
    new_tags = forms.CharField(
        required=False,
        max_length=1000,
        help_text='New tags, separated by commas, e.g. "SCO, Central Asia". '
        "A tag's alias becomes the tag.",
    )
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
        if "article_type" in self.fields:
            self.fields["article_type"].required = False

    def clean(self):
        cleaned_data = super().clean()  # the optimistic lock first (core/locking.py)
        tags = list(cleaned_data.get("tags") or [])
        tags += parse_tags(cleaned_data.get("new_tags", ""))  # aliases resolved (settings)
        cleaned_data["tags"] = tags
        return publishing.apply_publishing_button(self, cleaned_data)

    def clean_article_type(self):
        # A form that doesn't send the kind (an older page, a script) keeps the column's.
        return self.cleaned_data.get("article_type") or self.instance.article_type

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


class BylineInline(admin.TabularInline):
    model = Byline
    extra = 0
    min_num = 1
    autocomplete_fields = ["author"]
    fields = ["position", "author", "bio"]
    ordering = ["position"]
    classes = ["byline-inline"]
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 2})}}

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
    EditorMediaMixin,
    from_url.ColumnFromUrlMixin,
    ColumnVersionAdmin,
    ModelAdmin,
):
    form = ColumnForm
    inlines = [BylineInline]
    list_display = ["title", "day", "outlet", "byline", "visibility", "tag_list"]
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
    readonly_fields = ["original_text"]
    save_on_top = True

    class Media:
        # The editors open at a writing height instead of one line...
        css = {"all": ["admin/columns/editor.css"]}
        # ...and each is named after its field, for screen readers.
        js = ["columns/admin/editor_labels.js"]

    fieldsets = [
        (None, {"fields": ["title", "slug", "dek", "intro", "body", "excerpt", "opened_at"]}),
        (
            "Publication",
            {
                "fields": [
                    "status",
                    "posted_at",
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
        ("Tags", {"fields": ["tags", "new_tags"]}),
        ("Featured image", {"fields": ["image", "image_alt", "image_caption"]}),
        (
            "Imported from WordPress",
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

    def response_add(self, request, obj, post_url_continue=None):
        return self._publishing_response(request, obj) or super().response_add(
            request, obj, post_url_continue
        )

    def response_change(self, request, obj):
        return self._publishing_response(request, obj) or super().response_change(request, obj)

    def _publishing_response(self, request, column):
        """After a publishing button: say where the column stands; preview goes to the page."""
        buttons = [publishing.SAVE_DRAFT, publishing.PUBLISH_NOW, publishing.SCHEDULE]
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

    @admin.display(description="tags")
    def tag_list(self, column):
        return ", ".join(sorted(tag.name for tag in column.tags.all()))

    @admin.display(description="status")
    def visibility(self, column):
        if column.is_scheduled:
            return f"Scheduled for {timezone.localtime(column.posted_at):%d %b %Y %H:%M}"
        return column.get_status_display()

    def _set_status(self, request, queryset, status, verb):
        changed = 0
        for column in queryset.exclude(status=status):
            column.status = status
            column.save(update_fields=["status", "modified_at"])
            self.log_change(request, column, f"{verb} from the column list.")
            changed += 1
        self.message_user(request, f"{verb} {changed} column(s).", messages.SUCCESS)

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
