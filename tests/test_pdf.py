"""PDF reports (issue 13, first part): text per page, each figure with its page, the
original kept as a snapshot, and one-line messages for PDFs that cannot be read. The PDFs
are made here with fpdf2."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
import pytest
from fpdf import FPDF

from etl.__main__ import main
from etl.pdf import pdf_text

PAGES = [
    "Counternarcotics Assistance to Mexico\nA report to congressional requesters, June 2011.",
    "In fiscal year 2010, the Department of Defense obligated $34.2 million for "
    "counternarcotics programs in Mexico.",
    "For fiscal year 2011, the Administration requested $50 million for border security in "
    "Mexico.",
]


def make_pdf(path: Path, pages: list[str] | None = None, password: str | None = None,
             image_only: bool = False) -> Path:
    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    if password:
        pdf.set_encryption(owner_password="owner", user_password=password)
    for text in pages or PAGES:
        pdf.add_page()
        if image_only:  # a scan: drawing, no text layer
            pdf.rect(20, 20, 150, 100, style="F")
        else:
            pdf.multi_cell(0, 6, text)
    pdf.output(str(path))
    return path


def add(data: Path, file: Path, capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["add", str(file), "--title", "Counternarcotics Assistance to Mexico",
                 "--publisher", "Test Office", "--published", "2011-06-01", "--data",
                 str(data), "-q"])
    return code, capsys.readouterr().err


def test_text_per_page_and_figures_with_their_page(data_copy: Path, tmp_path: Path,
                                                   capsys) -> None:
    pdf = make_pdf(tmp_path / "report.pdf")
    converted = pdf_text(pdf.read_bytes(), "report.pdf")
    assert [converted.text[a:b] for a, b in converted.pages][1].startswith("In fiscal year 2010")
    code, err = add(data_copy, pdf, capsys)
    assert code == 0, err
    folder = next((data_copy / "sources").glob("test-office-*"))
    snapshot = json.loads((folder / "snapshot.json").read_text())
    assert snapshot["sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert snapshot["media_type"] == "application/pdf" and snapshot["converter"].startswith(
        "pypdf ")
    assert (folder / "original.pdf").read_bytes() == pdf.read_bytes()
    figures = pd.read_csv(data_copy / "tidy" / "figures.csv")
    ours = figures[figures["document_id"] == folder.name].set_index("text")
    assert ours.loc["$34.2 million", ["page", "year", "status"]].tolist() == [2, 2010,
                                                                               "obligated"]
    assert ours.loc["$50 million", ["page", "year", "status"]].tolist() == [3, 2011,
                                                                             "requested"]
    assert figures.loc[figures["document_id"] != folder.name, "page"].isna().all()
    assert main(["build", "--check", "--data", str(data_copy), "-q"]) == 0


def test_a_changed_conversion_shows_in_build_check(data_copy: Path, tmp_path: Path,
                                                  capsys) -> None:
    assert add(data_copy, make_pdf(tmp_path / "report.pdf"), capsys)[0] == 0
    folder = next((data_copy / "sources").glob("test-office-*"))
    article = folder / "article.txt"
    article.write_text(article.read_text() + "An older converter's text.\n")
    capsys.readouterr()
    assert main(["build", "--check", "--data", str(data_copy), "-q"]) == 1
    assert "differs from converting original.pdf" in capsys.readouterr().err
    # converting again from the kept original brings the text back, in one step
    assert main(["reconvert", "--data", str(data_copy), "-q"]) == 0
    assert folder.name in capsys.readouterr().err
    assert "older converter" not in article.read_text()
    assert main(["build", "--check", "--data", str(data_copy), "-q"]) == 0


@pytest.mark.parametrize(("kind", "needle"), [("encrypted", "encrypted"),
                                              ("scanned", "no text layer"),
                                              ("corrupt", "not a readable PDF"),
                                              ("empty", "not a readable PDF")])
def test_unreadable_pdfs_get_one_line(data_copy: Path, tmp_path: Path, capsys, kind: str,
                                      needle: str) -> None:
    path = tmp_path / "bad.pdf"
    if kind == "encrypted":
        make_pdf(path, password="secret")
    elif kind == "scanned":
        make_pdf(path, image_only=True)
    elif kind == "corrupt":
        good = make_pdf(tmp_path / "good.pdf").read_bytes()
        path.write_bytes(good[: len(good) // 3])
    else:
        path.write_bytes(b"%PDF-1.7\n")
    before = sorted(p.name for p in (data_copy / "sources").iterdir())
    code, err = add(data_copy, path, capsys)
    assert code == 2
    assert err.count("\n") == 1 and needle in err and "Traceback" not in err
    assert sorted(p.name for p in (data_copy / "sources").iterdir()) == before


def test_oversized_pdf_is_refused_before_reading(data_copy: Path, tmp_path: Path, capsys,
                                                 monkeypatch) -> None:
    import etl.pdf

    monkeypatch.setattr(etl.pdf, "MAX_PDF_BYTES", 1_000)
    code, err = add(data_copy, make_pdf(tmp_path / "big.pdf"), capsys)
    assert code == 2 and "limit" in err and err.count("\n") == 1
