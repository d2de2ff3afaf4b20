"""The prose relation model: which value belongs to which indicator.

A logistic-regression pair classifier over hashed features of an (INDICATOR, value)
pair in the same line of prose: direction and distance, the words between them
(linking words such as 达到/为/支出, punctuation, other entities), the value's label and
the ends of the indicator. Trained on gold documents (and generated ones) with
:func:`train_relation_model`; at run time each value is linked to its best-scoring
indicator when the probability passes the threshold (slot ``target`` for a TARGET,
``actual`` otherwise). Table rows are linked by :mod:`extract.link` first; the model
only decides for indicators outside tables. Weights are stored as JSON.
"""

from __future__ import annotations

import json
import math
import random
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .document import Document, Entity, Relation
from .lexicon import load_data

VALUE_LABELS = ("MONEY", "PERCENT", "QUANTITY", "TARGET")
_DIM = 1 << 18
_BREAK = re.compile(r"[\n。；;]")


def candidate_pairs(doc: Document, max_dist: int = 40) -> list[tuple[Entity, Entity]]:
    """(indicator, value) pairs in one line of prose, at most ``max_dist`` characters apart."""
    ents = sorted(doc.entities, key=lambda e: e.start)
    inds = [e for e in ents if e.label == "INDICATOR" and not e.attrs.get("table_row")]
    vals = [e for e in ents if e.label in VALUE_LABELS]
    out = []
    for ind in inds:
        for v in vals:
            a, b = (ind.end, v.start) if v.start >= ind.end else (v.end, ind.start)
            if b < a or b - a > max_dist or _BREAK.search(doc.text, a, b):
                continue
            out.append((ind, v))
    return out


def pair_features(doc: Document, ind: Entity, val: Entity, ents: list[Entity]) -> list[str]:
    """Symbolic features of a pair (hashed into the weight vector)."""
    after = val.start >= ind.end
    a, b = (ind.end, val.start) if after else (val.end, ind.start)
    gap = doc.text[a:b]
    between = [e for e in ents if a <= e.start and e.end <= b]
    n_vals = sum(e.label in VALUE_LABELS for e in between)
    n_inds = sum(e.label == "INDICATOR" for e in between)
    dist = len(gap)
    bucket = "0" if dist == 0 else "1-2" if dist <= 2 else "3-6" if dist <= 6 else "7-15" if dist <= 15 else "16+"
    f = [
        "bias", f"dir={after}", f"dist={bucket}", f"dir_dist={after}|{bucket}", f"label={val.label}",
        f"nvals={min(n_vals, 3)}", f"ninds={min(n_inds, 2)}", f"dir_nvals={after}|{min(n_vals, 3)}",
        f"punct={bool(re.search(r'[，,、：:]', gap))}", f"gap_first={gap[:1]}", f"gap_last={gap[-1:]}",
        f"gap2={gap[:2]}", f"ind_last={ind.text[-1:]}", f"ind_last2={ind.text[-2:]}",
        f"val_first={val.text[:1].isdigit()}", f"after_val={doc.text[val.end:val.end + 1]}",
        f"before_ind={doc.text[max(0, ind.start - 1):ind.start]}",
    ]
    if dist <= 6:
        f.append(f"gap={gap}")
    for w in _cue_words():
        if w in gap:
            f.append(f"word={w}|{after}")
    return f


@lru_cache(maxsize=1)
def _cue_words() -> tuple[str, ...]:
    """Words whose presence between an indicator and a value is a feature (达到, 同比, 其中 …)."""
    return tuple(load_data("indicators.toml")["relations"]["cue_words"])


def _hash(feat: str) -> int:
    return zlib.crc32(feat.encode("utf-8")) % _DIM


@dataclass
class RelationModel:
    weights: dict[int, float] = field(default_factory=dict)
    threshold: float = 0.5

    def score(self, feats: Iterable[str]) -> float:
        z = sum(self.weights.get(_hash(f), 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def save(self, path: Path) -> None:
        path.write_text(json.dumps({"threshold": self.threshold, "weights": {str(k): round(v, 5) for k, v in self.weights.items() if abs(v) > 1e-4}}), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "RelationModel":
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls({int(k): v for k, v in data["weights"].items()}, data.get("threshold", 0.5))

    def link(self, doc: Document) -> list[Relation]:
        """Relations for the prose indicators of ``doc`` (each value to its best indicator)."""
        ents = sorted(doc.entities, key=lambda e: e.start)
        taken = {r.tail for r in doc.relations}
        best: dict[str, tuple[float, Entity, Entity]] = {}
        for ind, val in candidate_pairs(doc):
            if val.id in taken:
                continue
            p = self.score(pair_features(doc, ind, val, ents))
            if p >= self.threshold and (val.id not in best or p > best[val.id][0]):
                best[val.id] = (p, ind, val)
        rels = []
        for _, ind, val in sorted(best.values(), key=lambda t: t[2].start):
            rels.append(Relation(ind.id, val.id, "target" if val.label == "TARGET" else "actual"))
        return rels


def training_examples(docs: Iterable[Document]) -> list[tuple[list[str], int]]:
    """(features, linked?) for every candidate pair of gold documents."""
    out = []
    for doc in docs:
        ents = sorted(doc.entities, key=lambda e: e.start)
        gold = {(r.head, r.tail) for r in doc.relations if r.slot in ("actual", "target")}
        for ind, val in candidate_pairs(doc):
            out.append((pair_features(doc, ind, val, ents), int((ind.id, val.id) in gold)))
    return out


def train_relation_model(docs: Iterable[Document], epochs: int = 8, lr: float = 0.2, l2: float = 1e-5,
                         seed: int = 0) -> RelationModel:
    """Fit the pair classifier by stochastic gradient descent on logistic loss."""
    data = [([_hash(f) for f in feats], y) for feats, y in training_examples(docs)]
    rng = random.Random(seed)
    w: dict[int, float] = {}
    for epoch in range(epochs):
        rng.shuffle(data)
        step = lr / (1 + epoch)
        for idx, y in data:
            z = sum(w.get(i, 0.0) for i in idx)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = p - y
            for i in idx:
                w[i] = w.get(i, 0.0) * (1 - step * l2) - step * g
    return RelationModel(w)


def load_relation_model(model_dir: str | Path) -> RelationModel | None:
    """The prose relation model stored beside a trained tagger (``relations.json``), or None."""
    p = Path(model_dir)
    for cand in (p / "relations.json", p / "model-best" / "relations.json", p.parent / "relations.json"):
        if cand.is_file():
            return RelationModel.load(cand)
    return None
