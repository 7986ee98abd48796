"""SQL written by hand, for the few hot queries where building and compiling them with the ORM
cost more than running them (a column page's first render: columns/column_page.py)."""


def condition(queryset):
    """The WHERE clause of `queryset` compiled by the ORM, and its parameters, to be spliced
    into such SQL: what a QuerySet method (published()) means stays written in one place. Its
    columns are named by their table's name (`"columns_column"."status"`), so the SQL must
    name the table the same way, without an alias."""
    query = queryset.query
    return query.get_compiler(queryset.db).compile(query.where)
