"""The spaCy backend: character tokens, the patterns component, training data, and the pkuseg path."""

from __future__ import annotations

import json

import pytest
import spacy
from typer.testing import CliRunner

from extract.cli import app
from extract.document import Document
from extract.tagger import spacy_ner
from extract.tagger.spacy_ner import chunk_bounds, to_training_docs

runner = CliRunner()


def char_nlp():
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "extract.char_tokenizer.v1"}}})


def test_char_tokenizer_keeps_every_character():
    nlp = char_nlp()
    text = "资金到位率 100%\n\t≥90%"
    doc = nlp(text)
    assert [t.text for t in doc] == list(text) and doc.text == text


def test_chunks_never_cut_a_span():
    text = "一二三\n四五六\n七八九\n十"
    assert chunk_bounds(text, [], 3) == [(0, 4), (4, 8), (8, 12), (12, 13)]
    assert chunk_bounds(text, [(2, 6)], 3) == [(0, 8), (8, 12), (12, 13)]


def test_training_docs_carry_gold_entities(gold_docs):
    nlp = char_nlp()
    problems = []
    docs = to_training_docs(gold_docs[:2], nlp, 300, problems)
    assert problems == []
    n_gold = sum(len(d.entities) for d in gold_docs[:2])
    assert sum(len(d.ents) for d in docs) == n_gold
    assert "".join(d.text for d in docs) == "".join(d.text for d in gold_docs[:2])


def test_training_docs_carry_iob_tags(gold_docs):
    """The per-character tagger learns from token tags: they spell the same entities."""
    from extract.tagger.iob import tag_spans

    docs = to_training_docs(gold_docs[:3], char_nlp(), 300)
    for d in docs:
        assert tag_spans([t.tag_ for t in d]) == [(e.label_, e.start, e.end) for e in d.ents]
    assert {t.tag_ for d in docs for t in d} >= {"O", "B-MONEY", "I-MONEY", "B-INDICATOR", "I-INDICATOR"}


def test_char_tokenizer_bigram_lemmas():
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "extract.char_tokenizer.v1",
                                                           "bigram_lemmas": True}}})
    doc = nlp("到位率9%")
    assert [t.text for t in doc] == list("到位率9%")
    assert [t.lemma_ for t in doc] == ["到位", "位率", "率9", "9%", "%"]
    assert all(t.lemma_ == "" for t in char_nlp()("到位率"))


def test_iob_tagger_trains_and_runs_on_a_seed(tmp_path, root, seed_paths):
    """configs/spacy_tagger.cfg end to end: train a few steps, save, load, extract a seed, run from the CLI."""
    from extract.pipeline import run_text
    from extract.tagger import iob, load

    out = tmp_path / "tagger"
    res = runner.invoke(app, ["train", str(root / "configs" / "spacy_tagger.cfg"), "--output", str(out),
                              "--training.max_steps", "20", "--training.eval_frequency", "10",
                              "--data.generated", "3", "--data.train_splits", json.dumps(["dev"]),
                              "--components.tok2vec.model.encode.depth", "1"])
    assert res.exit_code == 0, res.output
    nlp = spacy.load(out / "model-best")
    assert not (out / "model-best" / "relations.json").exists()  # data.relation_model = false
    assert nlp.pipe_names == ["tok2vec", "tagger", "extract_value_patterns"]
    tagger = nlp.get_pipe("tagger")
    labels = tagger.labels
    assert "O" in labels and "B-INDICATOR" in labels and "I-TARGET" in labels
    trans = tagger.cfg["transitions"]
    assert len(trans) == len(labels) and trans[labels.index("O")][labels.index("I-MONEY")] == iob.FORBIDDEN
    doc = nlp("资金到位率100%，项目支出9.9万元。")
    assert all(t.tag_ in labels for t in doc)  # every character got a decoded tag
    text = seed_paths[0].read_text(encoding="utf-8")
    result = run_text(text, "s", tagger=load(out))
    assert result.entities and all(e.text == text[e.start:e.end] for e in result.entities)
    assert {e.label for e in result.entities} <= {"MONEY", "PERCENT", "QUANTITY", "INDICATOR", "TARGET"}
    res = runner.invoke(app, ["run", str(seed_paths[0]), "-o", str(tmp_path / "out.jsonl"), "--model", str(out), "-q"])
    assert res.exit_code == 0, res.output
    assert json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()[0])["doc_id"]


@pytest.mark.parametrize("mode, model_ents, expected", [
    # fill: the model's spans stay, patterns add 100万元 where the model found nothing
    ("fill", [("INDICATOR", 0, 5), ("QUANTITY", 5, 8)], {("INDICATOR", 0, 5), ("QUANTITY", 5, 8), ("MONEY", 13, 18)}),
    # override: the pattern span 100% wins over the overlapping model span 100
    ("override", [("INDICATOR", 0, 5), ("QUANTITY", 5, 8)], {("INDICATOR", 0, 5), ("PERCENT", 5, 9), ("MONEY", 13, 18)}),
    ("off", [("INDICATOR", 0, 5), ("QUANTITY", 5, 8)], {("INDICATOR", 0, 5), ("QUANTITY", 5, 8)}),
])
def test_value_patterns_merge_modes(mode, model_ents, expected):
    nlp = char_nlp()
    comp = spacy_ner.create_value_patterns(nlp, "p", mode)
    doc = nlp("资金到位率100%，支出为100万元")
    doc.ents = [doc.char_span(s, e, label) for label, s, e in model_ents]
    doc = comp(doc)
    assert {(e.label_, e.start_char, e.end_char) for e in doc.ents} == expected


def test_pkuseg_tokenizer_trains_and_reports_misaligned_spans(tmp_path, root):
    """Word tokens from a tiny pkuseg model trained here; spans inside words are reported, not lost silently."""
    import spacy_pkuseg

    lines = ["资金 到位率 100% 。", "预算 执行率 为 99% ， 项目 支出 100万元 。", "群众 满意率 达到 100% 。"] * 20
    (tmp_path / "train.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "test.txt").write_text("\n".join(lines[:6]) + "\n", encoding="utf-8")
    model = tmp_path / "pkuseg"
    model.mkdir()
    spacy_pkuseg.train(str(tmp_path / "train.txt"), str(tmp_path / "test.txt"), str(model), train_iter=1)
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.zh.ChineseTokenizer", "segmenter": "pkuseg"}}})
    nlp.tokenizer.initialize(pkuseg_model=str(model), pkuseg_user_dict="default")
    doc = Document("d", "资金到位率100%，预算执行率为99%")
    doc.add_entity("INDICATOR", 0, 5)
    doc.add_entity("PERCENT", 5, 9, value=100.0, unit="%")
    doc.add_entity("INDICATOR", 10, 12)  # 预算 alone: fine; now one inside a word:
    doc.add_entity("INDICATOR", 13, 15)  # 行率 cuts the token 执行率
    problems = []
    sdocs = to_training_docs([doc], nlp, 400, problems)
    assert [p.code for p in problems] == ["E201"]
    assert {(e.label_, e.start_char, e.end_char) for e in sdocs[0].ents} == {
        ("INDICATOR", 0, 5), ("PERCENT", 5, 9), ("INDICATOR", 10, 12)}
    out = tmp_path / "model"
    res = runner.invoke(app, ["train", str(root / "configs" / "spacy_ner.cfg"), "--output", str(out),
                              "--pkuseg-model", str(model), "--training.max_steps", "2",
                              "--training.eval_frequency", "1", "--data.generated", "2",
                              "--data.train_splits", json.dumps(["dev"])])
    assert res.exit_code == 0, res.output
    trained = spacy.load(out / "model-best")
    assert trained.tokenizer.pkuseg_seg is not None
    assert [t.text for t in trained("资金到位率100%")][:2] == ["资金", "到位率"]


def test_tagging_windows_keep_every_sentence_with_a_value():
    from extract.tagger.spacy_ner import tagging_windows

    text = "一、项目概况\n加强管理，规范使用。资金到位率100%；支出9.9万元。\n无。\n拟查处吸毒人员一百人\n"
    windows = tagging_windows(text)
    covered = "".join(text[a:b] for a, b in windows)
    assert "资金到位率100%；" in covered and "支出9.9万元。" in covered and "一百人" in covered
    assert "加强管理" not in covered and "项目概况" not in covered
    assert all(text[a:b] for a, b in windows) and windows == sorted(windows)


def test_the_char_tokenizer_keeps_its_text_for_the_value_patterns():
    text = "资金 1,234.5万元\n执行率98%"
    doc = spacy_ner.CharTokenizer(spacy.blank("zh").vocab)(text)
    assert spacy_ner.doc_text(doc) == doc.text == text
    doc.user_data.clear()  # a doc made otherwise (training examples): its tokens are joined
    assert spacy_ner.doc_text(doc) == text
    doc.user_data[spacy_ner.TEXT_KEY] = "其他"  # a stale text of another length is not taken
    assert spacy_ner.doc_text(doc) == text


@pytest.mark.parametrize("text, model_ents, expected", [
    # the model took the first numeral into the name: the name ends where the rules' amount begins
    ("发放补助资金三百二十万元", [("INDICATOR", 0, 7), ("TARGET", 7, 12)], {("INDICATOR", 0, 6), ("MONEY", 6, 12)}),
    ("培训教师一百二十人", [("INDICATOR", 0, 5), ("TARGET", 5, 9)], {("INDICATOR", 0, 4), ("QUANTITY", 4, 9)}),
    # less than two characters of name would be left: the name is not cut, the longer span wins as before
    ("长三百米", [("INDICATOR", 0, 2)], {("QUANTITY", 1, 4)}),
])
def test_a_model_name_that_took_in_a_numeral_ends_where_the_rules_value_begins(text, model_ents, expected):
    nlp = char_nlp()
    comp = spacy_ner.create_value_patterns(nlp, "p", "override")
    doc = nlp(text)
    doc.ents = [doc.char_span(s, e, label) for label, s, e in model_ents]
    assert {(e.label_, e.start_char, e.end_char) for e in comp(doc).ents} == expected
