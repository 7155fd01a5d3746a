"""Web pages by URL (issue 13, second part), served by a local HTTP server started here:
the article without its page furniture, metadata offered from the page, the original kept;
a timeout, a redirect loop, a 404, a non-HTML type and an oversized body each get one
line and nothing is written."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pandas as pd
import pytest

from etl import web
from etl.__main__ import main

ARTICLE = """<!doctype html><html><head><title>Honduras aid | Example Wire</title>
<meta property="og:title" content="State Department expands police aid to Honduras">
<meta property="og:site_name" content="Example Wire">
<meta name="author" content="Ana Reyes">
<meta property="article:published_time" content="2012-03-05T10:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> Subscribe for $1 a week</nav>
<div class="ad">Advertisement: win $5 million today</div>
<article><h1>State Department expands police aid to Honduras</h1>
<p>The State Department provided $25 million in fiscal year 2012 for police training in
Honduras, officials said on Monday, up from $18 million a year earlier.</p>
<p>Congress is weighing the request as violence in the country has risen sharply over the
past two years, according to a report released this week by the agency's inspector.</p>
<p>Officials said the money would pay for new patrol vehicles, radios and training for
several thousand officers in the capital and along the border with Guatemala.</p>
</article>
<footer>Copyright Example Wire. Contact us. Privacy policy.</footer></body></html>"""


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        if self.path == "/article":
            body = ARTICLE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(3)
            self.send_response(200)
            self.end_headers()
        elif self.path == "/image":
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", "4")
            self.end_headers()
            self.wfile.write(b"\x89PNG")
        elif self.path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(50 * 1024 * 1024))
            self.end_headers()
            self.wfile.write(b"<html>" + b"x" * 1000)
        else:
            self.send_error(404, "Not Found")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def add(data: Path, url: str, capsys, *extra: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["add", url, "--data", str(data), "-q", *extra])
    return code, capsys.readouterr().err


def test_article_by_url(data_copy: Path, server: str, capsys) -> None:
    code, err = add(data_copy, server + "/article", capsys)
    assert code == 0, err
    folder = next((data_copy / "sources").glob("example-wire-*"))
    meta = json.loads((folder / "meta.json").read_text())
    assert meta["title"] == "State Department expands police aid to Honduras"
    assert (meta["publisher"], meta["author"], meta["date_published"]) == (
        "Example Wire", "Ana Reyes", "2012-03-05")
    assert meta["url"] == server + "/article"
    text = (folder / "article.txt").read_text()
    assert "$25 million in fiscal year 2012" in " ".join(text.split())
    assert "Subscribe" not in text and "Advertisement" not in text and "Privacy" not in text
    snapshot = json.loads((folder / "snapshot.json").read_text())
    original = (folder / "original.html").read_bytes()
    assert snapshot["sha256"] == hashlib.sha256(original).hexdigest()
    assert snapshot["media_type"] == "text/html" and snapshot["converter"].startswith(
        "trafilatura")
    figures = pd.read_csv(data_copy / "tidy" / "figures.csv")
    ours = figures[figures["document_id"] == folder.name].set_index("text")
    assert ours.loc["$25 million", ["year", "funder", "recipient"]].tolist() == [
        2012, "Department of State", "Honduras"]
    assert "$5 million" not in set(ours.index)  # the advertisement's figure is not kept


def test_given_metadata_wins_over_the_page(data_copy: Path, server: str, capsys) -> None:
    code, err = add(data_copy, server + "/article", capsys, "--title", "My title",
                    "--publisher", "Wire Desk", "--published", "2012-03-06")
    assert code == 0, err
    meta = json.loads(next((data_copy / "sources").glob("wire-desk-*")).joinpath(
        "meta.json").read_text())
    assert (meta["title"], meta["author"]) == ("My title", "Ana Reyes")


@pytest.mark.parametrize(("path", "needle"), [("/missing", "404"),
                                              ("/loop", "redirect"),
                                              ("/slow", "no answer within"),
                                              ("/image", "image/png"),
                                              ("/big", "limit")])
def test_bad_urls_get_one_line(data_copy: Path, server: str, capsys, monkeypatch,
                               path: str, needle: str) -> None:
    monkeypatch.setattr(web, "TIMEOUT_SECONDS", 1.0)
    before = sorted(p.name for p in (data_copy / "sources").iterdir())
    code, err = add(data_copy, server + path, capsys, "--title", "T", "--publisher", "P",
                    "--published", "2012-01-01")
    assert code == 2
    assert err.count("\n") == 1 and needle in err and "Traceback" not in err, err
    assert sorted(p.name for p in (data_copy / "sources").iterdir()) == before


def test_add_page_takes_a_web_address(server: str, editing) -> None:
    from helpers import run_app

    at = run_app("add")
    at.text_input(key="add_url_fetch").set_value(server + "/article")
    at.button[0].click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    draft = at.session_state["add_draft"]
    assert draft["meta"].title == "State Department expands police aid to Honduras"
    assert draft["meta"].publisher == "Example Wire"
    assert draft["snapshot"]["media_type"] == "text/html"
    assert "$25 million" in set(draft["machine"]["text"])
    assert any("check these before saving" in c.value for c in at.caption)
