import pytest

pytestmark = pytest.mark.django_db


def test_healthz_answers_when_database_and_cache_do(client, django_assert_num_queries):
    with django_assert_num_queries(1):  # SELECT 1, and no session query
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert not response.cookies
    assert "no-cache" in response["Cache-Control"]


def test_healthz_fails_when_the_cache_is_down(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5},
        }
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "down"}


def test_healthz_answers_a_load_balancer_probing_by_ip_address(client):
    response = client.get("/healthz", headers={"host": "127.0.0.2:8000"})
    assert response.status_code == 200
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert client.get("/", headers={"host": "127.0.0.2:8000"}).status_code == 400
