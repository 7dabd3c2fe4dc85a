"""Regression on dev, extra and held-out A-P: extraction must stay within 0.03 of the measured F1 figures."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from bot.extract import extract_many, load_nlp
from bot.importer import read_path

DATA = Path(__file__).resolve().parents[1] / "data"
DEV = DATA / "dev"

# measured with extractor "extract-1.1" (see final report), minus 0.03
DEV_FLOORS = {"quotes_with_speaker": 0.9945 - 0.03, "meeting_pairs_with_date": 0.9796 - 0.03}
EXTRA_FLOORS = {"quotes_with_speaker": 1.0 - 0.03, "meeting_pairs_with_date": 1.0 - 0.03}
# held-out set A (blind-annotated, not tuned on before extract-1.1)
HELDOUT_A_FLOORS = {"quotes_with_speaker": 1.0 - 0.03, "meeting_pairs_with_date": 0.90 - 0.03}
# held-out sets B and C (blind until extract-1.2, used for development since): measured with "extract-1.2", minus 0.03
HELDOUT_B_FLOORS = {"quotes_with_speaker": 1.0 - 0.03, "meeting_pairs_with_date": 0.968 - 0.03}
HELDOUT_C_FLOORS = {"quotes_with_speaker": 0.985 - 0.03, "meeting_pairs_with_date": 0.881 - 0.03}
# held-out set D (blind until extract-1.3, meetings 0.774 then): measured with "extract-1.3", minus 0.03
HELDOUT_D_FLOORS = {"quotes_with_speaker": 1.0 - 0.03, "meeting_pairs_with_date": 1.0 - 0.03}
# held-out set E (blind until extract-1.4, meetings with date 0.764 then): measured with "extract-1.5", minus 0.03
HELDOUT_E_FLOORS = {"quotes_with_speaker": 1.0 - 0.03, "meeting_pairs_with_date": 1.0 - 0.03}
# held-out set F (blind until extract-1.5: quotes with speaker 0.914, meetings with date 0.816 then):
# measured with "extract-1.6", minus 0.03
HELDOUT_F_FLOORS = {"quotes_with_speaker": 0.9714 - 0.03, "meeting_pairs_with_date": 0.8511 - 0.03}
# held-out sets G-J (blind-annotated for extract-1.7; first measures in the closing note): measured with
# "extract-1.7", minus 0.03. Long attendance lists weigh heavily (every pair of participants counts).
HELDOUT_G_FLOORS = {"quotes_with_speaker": 1.0 - 0.03, "meeting_pairs_with_date": 0.934 - 0.03}
HELDOUT_H_FLOORS = {"quotes_with_speaker": 0.980 - 0.03, "meeting_pairs_with_date": 0.992 - 0.03}
HELDOUT_I_FLOORS = {"quotes_with_speaker": 1.0 - 0.03, "meeting_pairs_with_date": 1.0 - 0.03}
HELDOUT_J_FLOORS = {"quotes_with_speaker": 0.931 - 0.03, "meeting_pairs_with_date": 0.959 - 0.03}
# held-out set K (blind until the last extract-1.7 change: quotes 1.0, meetings with date 0.897 then)
HELDOUT_K_FLOORS = {"quotes_with_speaker": 1.0 - 0.03, "meeting_pairs_with_date": 0.943 - 0.03}
# held-out set L (blind until the delegation-head and name-particle rules: quotes 1.0, meetings 0.913 then)
HELDOUT_L_FLOORS = {"quotes_with_speaker": 1.0 - 0.03, "meeting_pairs_with_date": 0.925 - 0.03}
# held-out set M (blind until the document-title and abbreviation rules: quotes 0.842, meetings 0.907 then)
HELDOUT_M_FLOORS = {"quotes_with_speaker": 0.944 - 0.03, "meeting_pairs_with_date": 0.994 - 0.03}
# held-out set N (blind until the last extract-1.7 rules: quotes 0.988, meetings 0.911 then)
HELDOUT_N_FLOORS = {"quotes_with_speaker": 0.988 - 0.03, "meeting_pairs_with_date": 1.0 - 0.03}
# held-out set O (blind on the final extract-1.7 rules but one: quotes 1.0, meetings 0.535 then; a congress told
# "with the participation of" its host, whose seven reporting speakers make 21 of the set's 47 pairs)
HELDOUT_O_FLOORS = {"quotes_with_speaker": 1.0 - 0.03, "meeting_pairs_with_date": 0.857 - 0.03}
# held-out set P (blind on the final extract-1.7 rules and never tuned on: quotes 1.0, meetings 0.965)
HELDOUT_P_FLOORS = {"quotes_with_speaker": 1.0 - 0.03, "meeting_pairs_with_date": 0.965 - 0.03}


def _scorer():
    spec = importlib.util.spec_from_file_location("dev_score", DEV / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _predict(paths: list[Path]) -> list[dict]:
    drafts = [item.draft for p in paths for item in read_path(p) if item.draft is not None]
    return [ext.to_contract(d.ext_id) for d, ext in zip(drafts, extract_many(drafts, nlp=load_nlp()), strict=True)]


@pytest.mark.parametrize(
    ("articles", "gold", "floors"),
    [
        ([DEV / "000_2234170fe0e043b3.txt", DEV / "articles.jsonl"], DEV / "gold.jsonl", DEV_FLOORS),
        ([DATA / "extra_articles.jsonl"], DATA / "extra_gold.jsonl", EXTRA_FLOORS),
        ([DATA / "heldout" / "articles.jsonl"], DATA / "heldout" / "gold.jsonl", HELDOUT_A_FLOORS),
        ([DATA / "heldout2" / "articles.jsonl"], DATA / "heldout2" / "gold.jsonl", HELDOUT_B_FLOORS),
        ([DATA / "heldout3" / "articles.jsonl"], DATA / "heldout3" / "gold.jsonl", HELDOUT_C_FLOORS),
        ([DATA / "heldout4" / "articles.jsonl"], DATA / "heldout4" / "gold.jsonl", HELDOUT_D_FLOORS),
        ([DATA / "heldout5" / "articles.jsonl"], DATA / "heldout5" / "gold.jsonl", HELDOUT_E_FLOORS),
        ([DATA / "heldout6" / "articles.jsonl"], DATA / "heldout6" / "gold.jsonl", HELDOUT_F_FLOORS),
        ([DATA / "heldout7" / "articles.jsonl"], DATA / "heldout7" / "gold.jsonl", HELDOUT_G_FLOORS),
        ([DATA / "heldout8" / "articles.jsonl"], DATA / "heldout8" / "gold.jsonl", HELDOUT_H_FLOORS),
        ([DATA / "heldout9" / "articles.jsonl"], DATA / "heldout9" / "gold.jsonl", HELDOUT_I_FLOORS),
        ([DATA / "heldout10" / "articles.jsonl"], DATA / "heldout10" / "gold.jsonl", HELDOUT_J_FLOORS),
        ([DATA / "heldout11" / "articles.jsonl"], DATA / "heldout11" / "gold.jsonl", HELDOUT_K_FLOORS),
        ([DATA / "heldout12" / "articles.jsonl"], DATA / "heldout12" / "gold.jsonl", HELDOUT_L_FLOORS),
        ([DATA / "heldout13" / "articles.jsonl"], DATA / "heldout13" / "gold.jsonl", HELDOUT_M_FLOORS),
        ([DATA / "heldout14" / "articles.jsonl"], DATA / "heldout14" / "gold.jsonl", HELDOUT_N_FLOORS),
        ([DATA / "heldout15" / "articles.jsonl"], DATA / "heldout15" / "gold.jsonl", HELDOUT_O_FLOORS),
        ([DATA / "heldout16" / "articles.jsonl"], DATA / "heldout16" / "gold.jsonl", HELDOUT_P_FLOORS),
    ],
    ids=["dev", "extra", "heldout_a", "heldout_b", "heldout_c", "heldout_d", "heldout_e", "heldout_f",
         "heldout_g", "heldout_h", "heldout_i", "heldout_j", "heldout_k", "heldout_l",
         "heldout_m", "heldout_n", "heldout_o", "heldout_p"],
)
def test_scores_do_not_regress(articles, gold, floors):
    score = _scorer()
    result = score.score_extract(score.load_jsonl(str(gold)), _predict(articles))
    assert not result["missing_docs"]
    for key, floor in floors.items():
        assert result[key]["f1"] >= floor, (key, result[key])
