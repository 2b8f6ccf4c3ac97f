"""Oversized and malformed requests through nginx (deploy/nginx.conf.template) get Gate Lab's own
page, in both languages, never a bare server error; ordinary pages and Streamlit's endpoints pass."""

from __future__ import annotations

import shutil
import urllib.error
import urllib.request

import pytest

from deploy.replicas import replicas
from tests.e2e.harness import free_port

pytestmark = pytest.mark.skipif(
    shutil.which("nginx") is None, reason="nginx is needed (apt-get install nginx)"
)


@pytest.fixture(scope="module")
def url():
    with replicas(n=1, port=free_port(), first=None, redis=False) as r:
        yield r["url"]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


@pytest.mark.parametrize(
    "path",
    ["/?data=" + "1%2C" * 34_000, "/lesson/..%2F..%2Fetc%2Fpasswd"],
    ids=["100 kB query", "a path out of the app"],
)
def test_an_oversized_or_malformed_request_gets_the_apps_own_page(url, path):
    status, body = fetch(url + path)
    assert status in (400, 414)
    assert "this link cannot be opened" in body and "Gate Lab 无法打开" in body
    assert 'href="/"' in body  # a way back into the app
    assert "Invalid HTTP request" not in body and "passwd" not in body


def test_ordinary_pages_and_streamlits_endpoints_pass(url):
    assert fetch(url + "/?t=3")[0] == 200
    assert fetch(url + "/_stcore/health") == (200, "ok")
