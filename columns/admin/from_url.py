"""
"Add column from URL": paste the article's address, check what its page says, then continue
to the usual add form, pre-filled. Nothing is written until the editor saves that form: the
authors not yet known that the editor ticks on the confirmation page are carried to the form's
"New authors" field, and become authors (after the byline) only when the column is saved.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.dateparse import parse_datetime
from django.utils.text import slugify

from columns.models import Author, Byline, Column
from core.fetch import FetchError, fetch_html
from core.slugs import free_slug
from outlets import catalogue
from outlets.matching import Found, create_known, resolve
from outlets.models import Outlet
from outlets.spelling import homepage_domain

from .page_metadata import extract_metadata

SESSION_KEY = "column_from_url"


def outlet_for(url, site_name=""):
    """(outlet, catalogue entry, problem) for an article: the outlet whose homepage is on the
    article's domain, else the one the page names (the site's outlets, then the catalogue, by
    name, then by site). When the domain and the name point at different outlets, or a name at
    several, nothing is picked and `problem` says why."""
    domain = homepage_domain(url)
    by_site = list(Outlet.objects.on_domain(domain))
    found = resolve(site_name) if site_name else Found("")
    if not (by_site or found.outlet or found.known or found.ambiguous):
        entry = catalogue.on_domain(domain)
        found = resolve(entry.name) if entry else found  # the site may have it by that name
    if found.ambiguous or len(by_site) > 1:
        candidates = found.candidates if found.ambiguous else by_site
        return None, None, Found(site_name or domain, candidates=tuple(candidates)).ambiguity()
    if by_site and found.outlet and found.outlet != by_site[0]:
        problem = (
            f"The page is on the site of {by_site[0]} but names itself “{site_name}”, which is "
            f"{found.outlet}: pick the outlet yourself."
        )
        return None, None, problem
    if by_site or found.outlet:
        return (by_site or [found.outlet])[0], None, ""
    return None, found.known, ""


def from_url_data(request):
    """What the confirmed page said, when the add form is opened to be pre-filled with it."""
    if request.method == "GET" and request.GET.get("from_url"):
        return request.session.get(SESSION_KEY)
    return None


def new_author_names(text):
    """The names typed in "New authors", one per line, spaces tidied, each once."""
    names = {}
    for line in (text or "").splitlines():
        name = " ".join(line.split())[:200]
        if name:
            names.setdefault(name.casefold(), name)
    return list(names.values())


def new_authors_wanted(request):
    """Whether the form has new authors to show: pre-filled from a page, or posted."""
    if request.method == "POST":
        return bool(new_author_names(request.POST.get("new_authors")))
    data = from_url_data(request)
    return bool(data and data.get("new_authors"))


def byline_initial(request):
    data = from_url_data(request)
    if not data:
        return []
    pks = [pk for _, pk in data["authors"] if pk]
    return [{"author": pk, "position": i} for i, pk in enumerate(pks)]


class FromUrlForm(forms.Form):
    url = forms.URLField(
        label="Article address",
        max_length=500,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"size": 80, "autofocus": True}),
        help_text="The address of the column on the outlet's site.",
    )


class ColumnFromUrlMixin:
    """Admin views and form pre-filling for "Add column from URL"."""

    def get_urls(self):
        view = self.admin_site.admin_view(self.from_url_view)
        return [path("from-url/", view, name="columns_column_from_url"), *super().get_urls()]

    def from_url_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        if request.method == "POST" and "confirm" in request.POST:
            return self._confirm_from_url(request)
        form = FromUrlForm(request.POST or None)
        context = {
            **self.admin_site.each_context(request),
            "title": "Add column from URL",
            "opts": self.opts,
            "form": form,
        }
        if request.method == "POST" and form.is_valid():
            url = form.cleaned_data["url"]
            try:
                final_url, html = fetch_html(url)
            except FetchError as error:
                context["fetch_error"] = str(error)
                return TemplateResponse(request, "admin/columns/column/from_url.html", context)
            page = extract_metadata(html)
            outlet, entry, outlet_problem = outlet_for(final_url, page.site_name)
            if outlet and outlet.zone:  # stamps without an offset are in the outlet's time
                page = extract_metadata(html, outlet.zone)
            known = {a.name.lower(): a for a in Author.objects.all()}
            authors = [(name, known.get(name.lower())) for name in page.authors]
            request.session[SESSION_KEY] = {
                "title": page.title,
                "dek": page.dek,
                "original_url": url,
                "outlet": outlet.pk if outlet else None,
                "outlet_published_at": page.published_at.isoformat() if page.published_at else "",
                "outlet_updated_at": page.updated_at.isoformat() if page.updated_at else "",
                "authors": [[name, author.pk if author else None] for name, author in authors],
                "known_outlet": entry.name if entry else "",
            }
            context.update(
                {
                    "title": "Check what the page says",
                    "page": page,
                    "url": url,
                    "outlet": outlet,
                    "known_outlet": entry,
                    "outlet_problem": outlet_problem,
                    "can_add_outlets": request.user.has_perm("outlets.add_outlet"),
                    "authors": authors,
                    "can_add_authors": request.user.has_perm("columns.add_author"),
                    "duplicates": Column.objects.filter(original_url=url),
                }
            )
            return TemplateResponse(request, "admin/columns/column/from_url_confirm.html", context)
        return TemplateResponse(request, "admin/columns/column/from_url.html", context)

    def _confirm_from_url(self, request):
        data = request.session.get(SESSION_KEY)
        if not data:
            return redirect("admin:columns_column_from_url")
        # Nothing is written here: the names ticked go to the form, which adds them on save.
        wanted = set(request.POST.getlist("create_author"))
        can_add = request.user.has_perm("columns.add_author")
        data["new_authors"] = [
            name for name, pk in data["authors"] if pk is None and name in wanted and can_add
        ]
        entry = catalogue.lookup(data.get("known_outlet", ""))
        data["create_outlet"] = bool(entry and "create_outlet" in request.POST)
        if data["create_outlet"]:
            messages.info(
                request,
                f"{entry.name} is added to the outlets (from the catalogue of known outlets) "
                "when you save this column, unless you pick another outlet.",
            )
        request.session[SESSION_KEY] = data
        return redirect(reverse("admin:columns_column_add") + "?from_url=1")

    def save_model(self, request, obj, form, change):
        """A column added from an article whose outlet is known only to the catalogue: the
        outlet is added now, as the column is saved, not before (nothing is written until
        the editor saves), unless the editor picked an outlet meanwhile."""
        data = request.session.get(SESSION_KEY) if request.GET.get("from_url") else None
        if not change and obj.outlet_id is None and data and data.get("create_outlet"):
            entry = catalogue.lookup(data.get("known_outlet", ""))
            if entry and request.user.has_perm("outlets.add_outlet"):
                obj.outlet = self._catalogue_outlet(request, entry)
        super().save_model(request, obj, form, change)

    def _catalogue_outlet(self, request, entry):
        found = resolve(entry.name)  # again: someone may have added it meanwhile
        if found.known:
            slug = free_slug(Outlet.objects.all(), entry.name, fallback="outlet")
            outlet = create_known(entry, slug)
            self.log_addition(request, outlet, "Added from the catalogue of known outlets.")
            return outlet
        return found.outlet

    def get_changeform_initial_data(self, request):
        data = from_url_data(request)
        if not data:
            return super().get_changeform_initial_data(request)
        initial = {
            "title": data["title"][:300],
            "slug": slugify(data["title"])[:200],
            "dek": data["dek"],
            "original_url": data["original_url"],
            "outlet": data["outlet"],
            "status": Column.Status.DRAFT,
            "new_authors": "\n".join(data.get("new_authors", [])),
        }
        for name in ["outlet_published_at", "outlet_updated_at"]:
            if data[name]:
                initial[name] = parse_datetime(data[name])
        return initial

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.can_add_authors = request.user.has_perm("columns.add_author")
        return form

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None and new_authors_wanted(request):
            description = "They become authors, after the byline above, when the column is saved."
            fieldsets = [
                *fieldsets,
                ("New authors", {"fields": ["new_authors"], "description": description}),
            ]
        return fieldsets

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        names = new_author_names(form.cleaned_data.get("new_authors"))
        if change or not names:
            return
        column = form.instance
        position = max((b.position for b in column.bylines.all()), default=-1)
        in_byline = set(column.bylines.values_list("author_id", flat=True))
        for name in names:
            author = Author.objects.filter(name__iexact=name).first()
            if author is None:
                slug = free_slug(Author.objects.all(), name, fallback="author")
                author = Author.objects.create(name=name, slug=slug)
                self.log_addition(request, author, f"Added with the column “{column}”.")
                messages.info(request, f"Added {name} as a new author.")
            if author.pk not in in_byline:
                position += 1
                Byline.objects.create(column=column, author=author, position=position)
                in_byline.add(author.pk)

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if obj is None or obj.pk is None:
            initial = byline_initial(request)
            if initial and inline.model._meta.model_name == "byline":
                kwargs["initial"] = initial
        return kwargs
