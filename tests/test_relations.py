"""The prose relation model: candidate pairs, features, training and linking."""

from __future__ import annotations

from extract.document import Document, Relation
from extract.relations import RelationModel, candidate_pairs, pair_features, train_relation_model, training_examples

from .docs import doc_with


def prose(text: str, *spans: tuple[str, str], links: tuple[tuple[int, int], ...] = ()) -> Document:
    d = doc_with(text, *spans)
    d.relations = [Relation(d.entities[h].id, d.entities[t].id, "actual") for h, t in links]
    return d


def examples() -> list[Document]:
    """Small gold documents: a value belongs to the indicator right before it, not to one further back."""
    out = []
    for name, value, other in [("资金到位率", "100%", "培训人次"), ("预算执行率", "98%", "覆盖人数"),
                               ("群众满意率", "95%", "发放补贴"), ("办结率", "90%", "受理件数")]:
        text = f"{other}较多，{name}为{value}。"
        out.append(prose(text, ("INDICATOR", other), ("INDICATOR", name), ("PERCENT", value), links=((1, 2),)))
    return out


def test_candidates_stay_within_a_sentence_and_a_distance():
    d = prose("资金到位率100%。培训人次300人", ("INDICATOR", "资金到位率"), ("PERCENT", "100%"),
              ("INDICATOR", "培训人次"), ("QUANTITY", "300人"))
    pairs = {(i.text, v.text) for i, v in candidate_pairs(d)}
    assert pairs == {("资金到位率", "100%"), ("培训人次", "300人")}
    far = prose("资金到位率达到了100%", ("INDICATOR", "资金到位率"), ("PERCENT", "100%"))
    assert len(candidate_pairs(far, max_dist=3)) == 1 and candidate_pairs(far, max_dist=2) == []


def test_features_describe_direction_distance_and_gap_words():
    d = examples()[0]
    ents = sorted(d.entities, key=lambda e: e.start)
    feats = pair_features(d, d.entities[1], d.entities[2], ents)
    assert "dir=True" in feats and "gap=为" in feats and "word=为|True" in feats and "label=PERCENT" in feats


def test_training_examples_mark_gold_pairs():
    ex = training_examples(examples())
    assert sum(y for _, y in ex) == 4 and len(ex) > 4


def test_trained_model_links_the_near_indicator_and_round_trips(tmp_path):
    model = train_relation_model(examples())
    d = examples()[1]
    d.relations = []
    got = model.link(d)
    by = d.entity_by_id()
    assert [(by[r.head].text, r.slot, by[r.tail].text) for r in got] == [("预算执行率", "actual", "98%")]
    model.save(tmp_path / "relations.json")
    again = RelationModel.load(tmp_path / "relations.json")
    assert [(r.head, r.tail) for r in again.link(d)] == [(r.head, r.tail) for r in got]


def test_an_untrained_model_links_nothing_above_its_threshold():
    d = examples()[0]
    d.relations = []
    assert RelationModel({}, threshold=0.6).link(d) == []
