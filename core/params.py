"""Values from the query string, made safe to filter on."""


def clean_param(value):
    """A filter value as text the database accepts (no NUL, which PostgreSQL refuses in text),
    or "" when absurd: a hostile or mangled address filters to nothing, never an error."""
    value = "".join(ch for ch in value if ch.isprintable()).strip()
    return value if len(value) <= 200 else ""
