from django.test import RequestFactory

from config.routers import PublicReadsMiddleware, ReplicaRouter
from tests.test_security import setting

router = ReplicaRouter()


def database_used(request):
    """The database the router picks for a read made while answering `request`."""
    middleware = PublicReadsMiddleware(lambda request: router.db_for_read(None))
    return middleware(request)


def test_public_reads_go_to_the_replica():
    factory = RequestFactory()
    assert database_used(factory.get("/")) == "replica"
    assert database_used(factory.head("/tag/china/")) == "replica"


def test_editors_writes_and_everything_else_use_the_primary():
    factory = RequestFactory()
    editor = factory.get("/")
    editor.COOKIES["sessionid"] = "x"
    assert database_used(editor) == "default"
    assert database_used(factory.post("/")) == "default"
    assert router.db_for_read(None) == "default"  # outside a request: commands, shell
    assert router.db_for_write(None) == "default"
    assert not router.allow_migrate("replica", "columns")


def test_the_replica_is_configured_from_the_environment():
    expression = "sorted(settings.DATABASES), settings.DATABASE_ROUTERS"
    env = {"DATABASE_REPLICA_URL": "postgres://postgres@127.0.0.1:5433/columnist"}
    assert setting(expression, **env) == "['default', 'replica'] ['config.routers.ReplicaRouter']"
