"""Downloads in a real browser: the bytes match the screen and the published tables."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from browserkit import ROOT
from playwright.sync_api import Download, Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.browser
TIDY = ROOT / "data" / "tidy"


def clicked_download(page: Page, button: Locator, attempts: int = 3) -> Download:
    """The file a click on ``button`` downloads. A click that lands while the page is
    rerunning (its first run rewriting the link) can be lost with the button it hit: when
    no download starts, the button is clicked again (the server makes the file on each
    click; each made file is the same)."""
    for attempt in range(attempts):
        try:
            with page.expect_download(timeout=20_000) as info:
                button.click()
            return info.value
        except PlaywrightTimeout:
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")


def download(page: Page, row: int, label: str) -> tuple[str, bytes]:
    """Click the ``label`` button of download row ``row`` (0 displayed, 1 full)."""
    dl = clicked_download(page, page.get_by_role("button", name=label, exact=True).nth(row))
    return dl.suggested_filename, Path(dl.path()).read_bytes()


def test_table_downloads(page: Page, base_url: str, tmp_path: Path) -> None:
    page.goto(base_url + "/data?table=figures&f_status=proposed")
    page.wait_for_selector('[data-testid="stDataFrame"]', timeout=30_000)
    expect(page.get_by_text("1 of 3 rows")).to_be_visible()

    name, data = download(page, 0, "CSV")
    assert re.fullmatch(r"policy-money-figures-[0-9a-f]{8}-figures-displayed\.csv", name)
    shown = pd.read_csv(io.BytesIO(data))
    full = pd.read_csv(TIDY / "figures.csv")
    pd.testing.assert_frame_equal(shown, full[full.status == "proposed"].reset_index(drop=True),
                                  check_dtype=False)

    name, data = download(page, 1, "CSV")
    assert name.endswith("-figures-full.csv")
    assert data == (TIDY / "figures.csv").read_bytes()

    _, data = download(page, 1, "XLSX")
    xlsx = pd.read_excel(io.BytesIO(data))
    assert xlsx["figure_id"].tolist() == full["figure_id"].tolist()

    _, data = download(page, 0, "JSON")
    assert [r["status"] for r in json.loads(data)] == ["proposed"]

    _, data = download(page, 1, "PARQUET")
    assert pd.read_parquet(io.BytesIO(data))["figure_id"].tolist() == full["figure_id"].tolist()


def test_zip_bundle(page: Page, base_url: str, tmp_path: Path) -> None:
    from frictionless import Package, validate

    page.goto(base_url + "/data?table=claims")
    page.wait_for_selector('[data-testid="stDataFrame"]', timeout=30_000)
    button = page.get_by_role("button", name=re.compile("All tables as a ZIP"))
    data = Path(clicked_download(page, button).path()).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        zf.extractall(tmp_path)
    descriptor = json.loads((tmp_path / "datapackage.json").read_text())
    assert list(Package.metadata_validate(descriptor)) == []
    assert validate(str(tmp_path / "datapackage.json")).valid
    readme = (tmp_path / "README.md").read_text()
    assert "The Washington Post" in readme and "Government Accountability Office (GAO)" in readme
    assert re.search(r"Downloaded from this view: http://\S+/data\?table=claims&v=[0-9a-f]{8}",
                     readme)


def svg_text(svg: bytes) -> str:
    """The words of an SVG file: every text element's content, XML entities decoded."""
    from xml.etree import ElementTree

    root = ElementTree.fromstring(svg)
    return "\n".join("".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text"))


def test_chart_downloads(page: Page, base_url: str) -> None:
    """The chart's files explain themselves (title, dollars, source, notes, data version,
    link back to the view) and are named for the view; its data are in the dollars shown."""
    page.goto(base_url + "/?basis=constant&base=2010")
    page.get_by_text("Download", exact=True).click()
    stem = (r"policy-money-figures-([0-9a-f]{8})-department-of-defense-mexico-[0-9a-f]{6}"
            r"-constant-2010")
    name, png = download(page, 0, "PNG")
    assert png.startswith(b"\x89PNG") and re.fullmatch(stem + r"-chart\.png", name), name
    version = re.fullmatch(stem + r"-chart\.png", name).group(1)
    name, svg = download(page, 0, "SVG")
    words = svg_text(svg)
    assert "Department of Defense funding for Mexico" in words  # title
    assert "Constant 2010 U.S. dollars" in words  # subtitle: which dollars
    assert "Source: GAO estimates, via The Washington Post, 2010-11-11" in words
    assert f"policy-money-figures, version {version}" in words
    assert "Hollow marks" in words and "Grey band: a year no source reports" in words
    assert re.search(r"View:\s+http://\S+basis=constant", words)
    assert "not reported" in words
    _, spec = download(page, 0, "Vega-Lite")
    spec = json.loads(spec)
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
    assert spec["title"]["text"] == "Department of Defense funding for Mexico"
    # the PNG is drawn from that same spec: as tall as chart, title and footer together
    assert int.from_bytes(png[20:24], "big") > 2 * (380 + 150)

    name, data = download(page, 0, "CSV")
    assert re.fullmatch(stem + r"-data-displayed\.csv", name), name
    rows = pd.read_csv(io.BytesIO(data)).set_index("year")
    cpi = pd.read_csv(ROOT / "data" / "reference" / "cpi_u_annual.csv").set_index("year")
    ratio = cpi.loc[2010].iloc[0] / cpi.loc[2008].iloc[0]
    assert rows.loc[2008, "nominal_as_reported"] == 12_200_000
    assert rows.loc[2008, "value"] == pytest.approx(12_200_000 * ratio, rel=1e-3)
    assert rows.loc[2008, "dollars"] == "constant 2010 U.S. dollars (CPI-U)"
