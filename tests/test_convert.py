from __future__ import annotations

import json

import pytest

from extract.annotations import document_records
from extract.convert import docbin, doccano, hf, labelstudio
from extract.document import Document


def records(doc: Document) -> list[dict]:
    return list(document_records(doc, text_path="x"))


@pytest.fixture(scope="module")
def docs(gold_docs):
    assert gold_docs, "gold annotations are missing"
    return gold_docs


def test_docbin_round_trip(docs):
    db = docbin.to_docbin(docs)
    back = docbin.from_docbin(docbin.to_docbin(docbin.from_docbin(db)))
    assert [records(d) for d in back] == [records(d) for d in docs]


def test_docbin_uses_character_tokens(docs):
    import spacy

    sdoc = docbin.to_spacy_doc(docs[0], spacy.blank("zh").vocab)
    assert len(sdoc) == len(docs[0].text)
    assert [(e.label_, e.start_char, e.end_char) for e in sdoc.ents] == [
        (e.label, e.start, e.end) for e in sorted(docs[0].entities, key=lambda e: e.start)]


def test_docbin_reports_misaligned_spans_with_word_tokens():
    import spacy

    doc = Document("d", "资金到位率100%")
    doc.add_entity("PERCENT", 5, 9, value=100.0, unit="%")
    doc.add_entity("INDICATOR", 0, 4)  # ends inside the word 到位率
    problems = []
    sdoc = docbin.to_spacy_doc(doc, spacy.blank("zh").vocab, words_fn=lambda t: ["资金", "到位率", "100%"], problems=problems)
    assert [p.code for p in problems] == ["E201"]
    assert [e.text for e in sdoc.ents] == ["100%"]
    back = docbin.from_spacy_doc(sdoc)  # kept in user data, not lost
    assert {(e.label, e.start, e.end) for e in back.entities} == {("PERCENT", 5, 9), ("INDICATOR", 0, 4)}


def test_hf_dataset_tags_and_relations(docs):
    ds = hf.to_dataset(docs)
    assert len(ds) == len(docs)
    names = ds.features["ner_tags"].feature.names
    assert names == hf.IOB2_LABELS
    for row, doc in zip(ds, docs):
        tags = [names[t] for t in row["ner_tags"]]
        assert len(tags) == len(doc.text)
        assert sorted(hf.spans_from_tags(tags)) == sorted((e.label, e.start, e.end) for e in doc.entities)
        assert len(row["relations"]) == len(doc.relations)
        assert records(hf.from_row(row)) == records(doc)


def test_hf_spans_from_tags_is_strict():
    assert hf.spans_from_tags(["I-MONEY", "I-MONEY", "O", "B-PERCENT", "I-PERCENT", "B-MONEY"]) == [
        ("PERCENT", 3, 5), ("MONEY", 5, 6)]


@pytest.mark.parametrize("as_predictions", [False, True])
def test_labelstudio_round_trip(docs, as_predictions):
    tasks = json.loads(json.dumps(labelstudio.to_tasks(docs, as_predictions)))
    key = "predictions" if as_predictions else "annotations"
    assert all(key in t for t in tasks)
    back = [labelstudio.from_task(t) for t in tasks]
    assert [records(d) for d in back] == [records(d) for d in docs]


def test_labelstudio_reports_mismatched_span_text():
    task = {"data": {"text": "资金到位率100%", "doc_id": "d"}, "annotations": [{"result": [
        {"id": "a", "type": "labels", "value": {"start": 5, "end": 9, "text": "100%", "labels": ["PERCENT"]}},
        {"id": "b", "type": "labels", "value": {"start": 4, "end": 9, "text": "100%", "labels": ["PERCENT"]}},
    ]}]}
    problems = []
    doc = labelstudio.from_task(task, problems)
    assert [p.code for p in problems] == ["E112"]
    assert [(e.start, e.attrs["value"]) for e in doc.entities] == [(5, 100.0)]  # values parsed when absent


def test_labelstudio_config_names_every_label_and_slot():
    for word in ("MONEY", "PERCENT", "QUANTITY", "INDICATOR", "TARGET", "target", "actual", "weight", "score"):
        assert f'value="{word}"' in labelstudio.LABEL_CONFIG


def test_doccano_round_trip(docs):
    recs = json.loads(json.dumps(doccano.to_records(docs)))
    assert all(isinstance(e["id"], int) for r in recs for e in r["entities"])
    back = [doccano.from_record(r) for r in recs]
    assert [records(d) for d in back] == [records(d) for d in docs]


def test_doccano_plain_export_is_read_and_bad_offsets_reported():
    rec = {"id": 7, "text": "预算执行率100%", "entities": [
        {"id": 1, "label": "INDICATOR", "start_offset": 0, "end_offset": 5},
        {"id": 2, "label": "PERCENT", "start_offset": 5, "end_offset": 9},
        {"id": 3, "label": "MONEY", "start_offset": 8, "end_offset": 40}],
        "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "actual"}]}
    problems = []
    doc = doccano.from_record(rec, problems)
    assert [p.code for p in problems] == ["E111"]
    assert [(r.head, r.tail, r.slot) for r in doc.relations] == [("e1", "e2", "actual")]
    assert doc.entities[1].attrs == {"value": 100.0, "unit": "%"}
