from tests.outlet_server import outlet_site  # noqa: F401 (a fixture)
