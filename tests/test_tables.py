"""Figures in tables (issue 13, last part): an HTML page served by a local server and a PDF
made here, each with a money table. Units from the caption are applied; year, year type and
stage come from the column headers, recipient from the row, payer from the caption; totals
are marked and kept out of the series; each figure names its cell (and page)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pandas as pd
import pytest
from fpdf import FPDF

from etl.__main__ import main

PAGE = """<html><head><meta property="og:site_name" content="Example Office">
<meta property="og:title" content="Security assistance to Central America">
<meta property="article:published_time" content="2012-03-01"></head><body>
<nav>Home | About | Donate $10 today</nav>
<article><h1>Security assistance to Central America</h1>
<p>The State Department reported the amounts below to Congress as part of its annual
review of security assistance to the region, which has grown since the initiative began.</p>
<p>Officials said the figures for the current year remain estimates until the accounts are
closed, and the request for the next year is before the appropriations committees.</p>
<table><caption>Table 2: Department of State assistance by fiscal year (dollars in millions)
</caption>
<tr><th>Country</th><th>FY2010 Actual</th><th>FY2011 Estimate</th><th>FY2012 Request</th></tr>
<tr><td>Guatemala</td><td>45.2</td><td>50.1</td><td>55.0</td></tr>
<tr><td>Honduras</td><td>30.0</td><td>32.5</td><td>35.0</td></tr>
<tr><td>Total</td><td>75.2</td><td>82.6</td><td>90.0</td></tr>
</table></article><footer>Copyright Example Office</footer></body></html>"""


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        body = PAGE.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def figures_of(data: Path, prefix: str) -> pd.DataFrame:
    figures = pd.read_csv(data / "tidy" / "figures.csv")
    return figures[figures["document_id"].str.startswith(prefix)].set_index("table_cell")


def test_html_table_by_url(data_copy: Path, server: str) -> None:
    assert main(["add", server + "/report", "--data", str(data_copy), "-q"]) == 0
    ours = figures_of(data_copy, "example-office")
    cell = ours.loc["Table 1, row Guatemala, column FY2012 Request"]
    assert (cell["text"], cell["amount"], cell["year"], cell["year_type"], cell["status"],
            cell["recipient"], cell["funder"], cell["year_source"]) == (
        "55.0", 55e6, 2012, "fiscal", "requested", "Guatemala", "Department of State",
        "table header")
    assert ours.loc["Table 1, row Honduras, column FY2010 Actual", "status"] == "reported"
    assert ours.loc["Table 1, row Honduras, column FY2011 Estimate", "status"] == "estimated"
    totals = ours[ours["kind"] == "total"]
    assert sorted(totals["amount"]) == [75.2e6, 82.6e6, 90e6]
    assert "$10" not in set(ours["text"])  # the navigation's figure is not kept
    obs = pd.read_csv(data_copy / "tidy" / "observations.csv")
    ours_obs = obs[obs["funder"] == "Department of State"]
    assert sorted(ours_obs["recipient"].unique()) == ["Guatemala", "Honduras"]  # no totals
    # each cell's span holds its text, in a row line of the stored text
    folder = next((data_copy / "sources").glob("example-office-*"))
    text = (folder / "article.txt").read_text()
    for row in ours.itertuples():
        assert text[int(row.start):int(row.end)] == row.text
    assert "Guatemala | 45.2 | 50.1 | 55.0" in text


def test_pdf_table(data_copy: Path, tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.set_font("helvetica", size=10)
    pdf.add_page()
    pdf.multi_cell(0, 6, "Assistance to Central America\nA report to Congress, March 2012.")
    pdf.add_page()
    pdf.multi_cell(0, 6, "Table 3: Department of State assistance by fiscal year "
                         "(dollars in thousands)")
    with pdf.table() as table:
        for cells in (("Country", "FY2010 Actual", "FY2011 Estimate"),
                      ("Guatemala", "45,200", "50,100"), ("Subtotal", "45,200", "50,100")):
            row = table.row()
            for cell in cells:
                row.cell(cell)
    pdf.add_page()  # the table is not on the last page
    pdf.multi_cell(0, 6, "Annex: methods. The figures come from the department's accounts.")
    path = tmp_path / "report.pdf"
    pdf.output(str(path))
    assert main(["add", str(path), "--title", "Assistance to Central America", "--publisher",
                 "Test Office", "--published", "2012-03-01", "--data", str(data_copy),
                 "-q"]) == 0
    ours = figures_of(data_copy, "test-office")
    cell = ours.loc["Table 1, row Guatemala, column FY2011 Estimate, page 2"]
    assert (cell["amount"], cell["year"], cell["status"], cell["page"]) == (50.1e6, 2011,
                                                                          "estimated", 2)
    assert set(ours.loc[ours["kind"] == "total", "amount"]) == {45.2e6, 50.1e6}


def test_add_page_reviews_table_figures(server: str, editing) -> None:
    from helpers import run_app

    at = run_app("add")
    at.text_input(key="add_url_fetch").set_value(server + "/report")
    at.button[0].click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    machine = at.session_state["add_draft"]["machine"].set_index("sentence")
    row = machine.loc["Table 1, row Honduras, column FY2011 Estimate"]
    assert (row["amount"], row["year"], row["status"], row["recipient"]) == (32.5e6, 2011,
                                                                             "estimated",
                                                                             "Honduras")
    assert machine.loc["Table 1, row Total, column FY2010 Actual", "kind"] == "total"
