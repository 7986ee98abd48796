"""
The base of every ModelAdmin of ours: one guard on POSTs to a change list.

A change list takes POSTs for its actions and its list edits. Django offers each user only the
actions their permissions allow, but answers a POST naming another one with "No action
selected." and the list again; here it is refused as any other forbidden change is, with a 403
(a press assistant posting "publish" to the column list by hand). Selected ids that are not ids
of the model (`_selected_action=abc`), which Django passes on to the database and so answers
with a 500, get a message and the list again, as an empty selection does.

Filter values that cannot become SQL (a 20-digit year, a date past the calendar) are what
Django calls incorrect lookup parameters: the list again, with its "?e=1" notice, not a 500
(`ChangeList`). So is a regular expression lookup (`?title__regex=(`): Django allows any lookup
on a model's own fields, and a pattern is a program the database compiles only when the list
is read (an unbalanced one was a 500; a catastrophic one holds a worker); no filter of the
admin writes one. NUL never gets this far (core/params.py). The admin site gives this change
list to the admins of installed packages too (auth's users, Axes' logs; config/admin_site.py).

A many-to-many choice that cannot be a key of its model (`?outlets=` with 20 digits) is an
invalid choice (`ValidModelMultipleChoiceField`): Django asks the database for it, and SQLite
cannot take an integer past 64 bits (a 500).
"""

import functools

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views import main
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import EmptyResultSet, FullResultSet, PermissionDenied, ValidationError
from django.db import DatabaseError, transaction
from django.http import HttpResponseRedirect

# Lookups whose value the database, not Django, reads: an error shows only when the list is.
REFUSED_LOOKUPS = {"regex", "iregex"}


class ChangeList(main.ChangeList):
    def get_filters_params(self, params=None):
        lookup_params = super().get_filters_params(params)
        for key in lookup_params:
            if key.rpartition("__")[2] in REFUSED_LOOKUPS:
                raise IncorrectLookupParameters(f"{key}: regular expressions are not filters here")
        return lookup_params

    def get_queryset(self, request, exclude_parameters=None):
        try:
            queryset = super().get_queryset(request, exclude_parameters)
            # Compiled now, not while the page renders: a year lookup's bounds are dates, and
            # year 10**20 has none.
            queryset.query.sql_with_params()
        except (EmptyResultSet, FullResultSet):
            pass
        except (ArithmeticError, ValueError) as error:
            raise IncorrectLookupParameters(error) from error
        return queryset

    def get_results(self, request):
        """Counted and paged; filters from the address that the database then refuses (on
        SQLite, a search vector's `@@`, an id past 64 bits in `?pk__in=`) are incorrect
        lookup parameters too. In a savepoint, which only lists filtered by the address pay."""
        if not self.get_filters_params():
            return super().get_results(request)
        try:
            with transaction.atomic(using=self.queryset.db):
                return super().get_results(request)
        except (DatabaseError, OverflowError) as error:
            raise IncorrectLookupParameters(error) from error


class OnlyPossibleChoices:
    """For Django's autocomplete widgets, which ask the database for the labels of the
    selected values: a value that cannot be one (`?outlet=ab` or a 20-digit number in an add
    form's address, from which the admin takes initial values) is dropped before that query,
    which would fail on it (a 500 in Django's own widget)."""

    def optgroups(self, name, value, attr=None):
        remote = self.field.remote_field
        target = remote.model._meta.get_field(
            getattr(remote, "field_name", remote.model._meta.pk.attname)
        )
        return super().optgroups(name, [v for v in value if possible(target, v)], attr)


def possible(field, value):
    """Whether `value` (from a form or an address) can be a value of `field`."""
    if value in ("", None):
        return True
    try:
        field.run_validators(field.to_python(value))
    except (ValidationError, ValueError, TypeError, OverflowError):
        return False
    return True


class ValidModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's, with values that cannot be keys of the model refused before the query."""

    def _check_values(self, value):
        key = self.to_field_name or "pk"
        opts = self.queryset.model._meta
        target = opts.pk if key == "pk" else opts.get_field(key)
        for pk in value:
            if isinstance(pk, str) and not possible(target, pk):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


class ValidAutocompleteSelectMultiple(OnlyPossibleChoices, AutocompleteSelectMultiple):
    pass


class ValidAutocompleteSelect(OnlyPossibleChoices, AutocompleteSelect):
    """Django's autocomplete select, written as the Nu checker accepts: the empty choice has a
    label, and no `required` (the first option of a required select must be empty; select2
    stands in for the select anyway, and the server checks)."""

    def optgroups(self, name, value, attr=None):
        groups = super().optgroups(name, value, attr)
        for option in groups[0][1]:
            if option["value"] == "" and not option["label"]:
                option["label"] = "None"
        return groups

    def get_context(self, name, value, attrs):
        # The admin's wrapper around it asks itself, not this widget, whether to add it.
        attrs = {k: v for k, v in (attrs or {}).items() if k != "required"}
        return super().get_context(name, value, attrs)


@functools.cache
def guarded(changelist):
    """`changelist` (Django's, or an installed package's own) with the checks of ours."""
    if changelist is main.ChangeList or issubclass(changelist, ChangeList):
        return ChangeList if changelist is main.ChangeList else changelist
    return type(changelist.__name__, (ChangeList, changelist), {"__module__": __name__})


class FormGuards:
    """Form fields that take hostile values as form errors: autocompletes that drop a value
    that cannot be a key before asking the database for its label (`OnlyPossibleChoices`),
    many-to-many fields that refuse one (`ValidModelMultipleChoiceField`)."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = ValidAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs.setdefault("form_class", ValidModelMultipleChoiceField)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@functools.cache
def guarded_inline(inline):
    if issubclass(inline, FormGuards):
        return inline
    return type(inline.__name__, (FormGuards, inline), {"__module__": inline.__module__})


class Guards(FormGuards):
    """What the admin site gives every ModelAdmin, installed packages' too: a change list that
    checks its filters as ours does (`ChangeList`), and the form guards, in its inlines too
    (a byline's author `abc`, shown again in the form with its error, was a 500)."""

    def get_changelist(self, request, **kwargs):
        return guarded(super().get_changelist(request, **kwargs))

    def get_inlines(self, request, obj):
        return [guarded_inline(inline) for inline in super().get_inlines(request, obj)]

    def get_object(self, request, object_id, from_field=None):
        # "?_to_field=" with no name (or NUL alone, which core.params drops): Django checks
        # only a name it is given, then asks the model for a field named "", a 500 on every
        # change and delete page. No name is the pk, as with no parameter at all.
        return super().get_object(request, object_id, from_field or None)


class ModelAdmin(Guards, admin.ModelAdmin):
    def changelist_view(self, request, extra_context=None):
        if request.method == "POST":
            if not self.may_post_to_changelist(request):
                raise PermissionDenied
            if not self.selection_is_valid(request):
                plural = self.opts.verbose_name_plural
                self.message_user(
                    request,
                    f"The selection holds ids that are not {plural}: nothing was changed.",
                    messages.ERROR,
                )
                return HttpResponseRedirect(request.get_full_path())
        return super().changelist_view(request, extra_context)

    def may_post_to_changelist(self, request):
        """Whether this POST is an action offered to the user, or a list edit they may make."""
        if "_save" in request.POST:  # Django reads a list edit first, whatever else is posted
            return self.has_change_permission(request)
        actions = self.get_actions(request)
        if request.POST.get("action"):
            return request.POST["action"] in actions
        # "Go" with no action chosen: Django says so, to those who have actions to choose.
        return bool(actions) or self.has_change_permission(request)

    def selection_is_valid(self, request):
        pk = self.opts.pk
        try:
            for value in request.POST.getlist(ACTION_CHECKBOX_NAME):
                # The validators hold the range of the database's integers.
                pk.run_validators(pk.to_python(value))
        except ValidationError:
            return False
        return True
