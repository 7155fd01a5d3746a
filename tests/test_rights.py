"""Rights travel with the text (issue 15): a source whose rights allow quotation only gives
its figures and the sentences that give them to the tables and bundles, never its whole
text; a public-domain source gives all of it."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from helpers import DATA, ROOT, read_published

from etl.build import build_tables
from etl.cpi import load_cpi
from etl.export import bundle_zip
from etl.sources import load_sources, text_shareable

SEED_ID = "wapo-2010-11-11-military-mexico-cartels"
SEED_TEXT = (DATA / "sources" / SEED_ID / "article.txt").read_text("utf-8")


@pytest.mark.parametrize(("rights", "shared"), [
    ("© 2010 The Washington Post Company. Kept verbatim as the evidence behind the extracted "
     "figures; not licensed for redistribution beyond quotation.", False),
    ("Rights not recorded: check before sharing the text", False),
    ("Copyright Reuters. All rights reserved.", False),
    ("Public domain: a work of the U.S. government (17 U.S.C. 105).", True),
    ("CC BY 4.0, Wikipedia contributors", True),
    ("CC BY-NC-ND 4.0", False),
])
def test_which_rights_share_the_text(rights: str, shared: bool) -> None:
    assert text_shareable(rights) is shared


def test_the_published_seed_holds_quotes_not_the_article() -> None:
    tables, _ = read_published(DATA / "tidy")
    doc = tables["documents"].set_index("document_id").loc[SEED_ID]
    assert not doc["text_shared"] and doc["n_sentences"] > 20
    sentences = tables["sentences"]
    quoted = set(tables["figures"]["sentence_id"]) | set(tables["claims"]["sentence_id"])
    assert set(sentences["sentence_id"]) == quoted
    published = " ".join(sentences["text"])
    assert len(published) < len(SEED_TEXT) / 3
    # and the bundle says so, next to the rights
    with zipfile.ZipFile(io.BytesIO(bundle_zip(DATA / "tidy"))) as zf:
        readme = zf.read("README.md").decode()
        csv = zf.read("sentences.csv").decode()
    assert "allow quotation, not redistribution" in readme
    assert "not its full text (22 sentences)" in readme
    # a sentence with no figure or claim is nowhere in the bundle
    unquoted = [line for line in SEED_TEXT.splitlines() if len(line) > 80 and "$" not in line
                and "tripled" not in line]
    assert unquoted and not any(line[:60] in csv for line in unquoted)


def test_a_public_domain_source_shares_every_sentence(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    (sources / SEED_ID).mkdir(parents=True)
    (sources / SEED_ID / "article.txt").write_text(SEED_TEXT, "utf-8")
    meta = json.loads((DATA / "sources" / SEED_ID / "meta.json").read_text("utf-8"))
    meta["rights"] = "Public domain (17 U.S.C. 105)"  # as if it were a government work
    (sources / SEED_ID / "meta.json").write_text(json.dumps(meta), "utf-8")
    dataset = build_tables(load_sources(sources), load_cpi(ROOT / "data" / "reference"))
    docs = dataset.frame("documents")
    assert bool(docs["text_shared"].iloc[0])
    assert len(dataset.frame("sentences")) == int(docs["n_sentences"].iloc[0])
