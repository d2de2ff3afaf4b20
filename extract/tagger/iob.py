"""IOB2 sequences: tag-to-tag scores, Viterbi decoding of per-character tag probabilities, spans.

A per-character tagger gives each character a probability for every tag (``B-MONEY``,
``I-MONEY`` … ``O``) without looking at its neighbours' tags, so its best tags one by one can
cut an indicator in two or start an entity with ``I-``. This module owns turning those
probabilities into a sequence: :func:`transition_scores` counts how often one tag follows
another in training tags, beyond their own frequency (``I-X`` may only follow ``B-X`` or
``I-X``); :func:`decode` finds the best sequence under those scores (Viterbi, run only on
the stretches where the model is not sure of ``O``, many stretches at once); and
:func:`id_spans` / :func:`tag_spans` read the entities off a tag sequence. Pure numpy: the
spaCy component in :mod:`extract.tagger.spacy_ner` calls it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy

#: the score of a forbidden transition (``O`` → ``I-X``, ``B-X`` → ``I-Y``): never chosen
FORBIDDEN = -1e4


def allowed(prev: str, tag: str) -> bool:
    """Whether ``tag`` may follow ``prev`` in IOB2 (``prev`` is ``O`` at the start of a text)."""
    if not tag.startswith("I-"):
        return True
    return prev in (f"B-{tag[2:]}", tag)


def transition_scores(sequences: Iterable[Sequence[str]], labels: Sequence[str]) -> numpy.ndarray:
    """How much more likely tag ``labels[j]`` is after ``labels[i]`` than anywhere: ``log P(j|i) - log P(j)``.

    Counted on ``sequences``, add-one smoothed over the allowed transitions; forbidden ones
    score :data:`FORBIDDEN`. Each sequence is taken to start and end after and before ``O``.
    The tag's own frequency is divided out because the tagger's probabilities already hold
    it: what the scores add is only which tag tends to follow which (``I-INDICATOR`` after
    ``I-INDICATOR``), not a second penalty on rare tags.
    """
    index = {t: i for i, t in enumerate(labels)}
    if "O" not in index:
        raise ValueError(f"the tag set has no 'O' tag: {sorted(labels)}; the training documents need "
                         "characters outside every entity (check the chunks written by extract train)")
    ok = numpy.array([[allowed(a, b) for b in labels] for a in labels])
    counts = ok.astype(numpy.float64)
    o = index["O"]
    for seq in sequences:
        prev = o
        for tag in seq:
            cur = index.get(tag)
            if cur is None:
                continue
            counts[prev, cur] += 1
            prev = cur
        counts[prev, o] += 1
    counts[~ok] = 0
    probs = counts / counts.sum(axis=1, keepdims=True)
    prior = counts.sum(axis=0) / counts.sum()
    with numpy.errstate(divide="ignore"):
        return numpy.where(ok, numpy.log(probs) - numpy.log(prior)[None, :], FORBIDDEN)


def _segments(log_prob_o: numpy.ndarray, log_threshold: float) -> list[tuple[int, int]]:
    """Maximal runs of positions whose log-probability of ``O`` is below ``log_threshold``."""
    unsure = numpy.concatenate([[False], log_prob_o < log_threshold, [False]])
    edges = numpy.flatnonzero(unsure[1:] != unsure[:-1])
    return list(zip(edges[::2].tolist(), edges[1::2].tolist()))


def log_softmax(scores: numpy.ndarray) -> numpy.ndarray:
    """Row-wise log-probabilities from unnormalized scores (``(length, n_tags)``)."""
    shifted = scores - scores.max(axis=1, keepdims=True)
    return shifted - numpy.log(numpy.exp(shifted).sum(axis=1, keepdims=True))


def decode(log_probs: Sequence[numpy.ndarray], transitions: numpy.ndarray, o_index: int,
           weight: float = 1.0, o_threshold: float = 0.999, group: int = 64) -> list[numpy.ndarray]:
    """The best tag index sequence of each ``(length, n_tags)`` array of tag log-probabilities.

    Score of a sequence: the sum of log-probabilities of its tags plus ``weight`` times the
    sum of its transition scores. Positions where ``O`` has probability ``>= o_threshold``
    are taken as ``O``; the stretches between them are decoded together, ``group`` at a
    time (stretches of similar length share a group, so padding stays small).
    """
    out = [numpy.full(len(p), o_index, dtype=numpy.int64) for p in log_probs]
    transitions = numpy.asarray(transitions, dtype=numpy.float64)
    trans = numpy.where(transitions <= FORBIDDEN, FORBIDDEN, weight * transitions)
    log_threshold = numpy.log(o_threshold)
    segs = [(d, a, b) for d, p in enumerate(log_probs) if len(p)
            for a, b in _segments(p[:, o_index], log_threshold)]
    segs.sort(key=lambda s: s[2] - s[1])
    k = trans.shape[0]
    for g in range(0, len(segs), group):
        batch = segs[g:g + group]
        n, length = len(batch), max(b - a for _, a, b in batch)
        emit = numpy.full((n, length, k), FORBIDDEN)
        emit[:, :, o_index] = 0.0  # padding after a stretch is O, which any tag may precede
        for i, (d, a, b) in enumerate(batch):
            emit[i, : b - a] = log_probs[d][a:b]
        score = trans[o_index][None, :] + emit[:, 0]
        back = numpy.zeros((n, length, k), dtype=numpy.int64)
        for t in range(1, length):
            cand = score[:, :, None] + trans[None, :, :]
            back[:, t] = cand.argmax(axis=1)
            score = cand.max(axis=1) + emit[:, t]
        best = (score + trans[:, o_index][None, :]).argmax(axis=1)
        rows = numpy.arange(n)
        tags = numpy.empty((n, length), dtype=numpy.int64)
        for t in range(length - 1, -1, -1):
            tags[:, t] = best
            best = back[rows, t, best]
        for i, (d, a, b) in enumerate(batch):
            out[d][a:b] = tags[i, : b - a]
    return out


def tag_spans(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """``(label, start, end)`` token spans of an IOB2 tag sequence.

    Lenient with sequences no decoder would produce: an ``I-X`` that does not continue an
    ``X`` entity starts one.
    """
    labels = sorted(set(tags) | {"O"})
    index = {t: i for i, t in enumerate(labels)}
    return id_spans(numpy.array([index[t] for t in tags], dtype=numpy.int64), labels)


def id_spans(ids: numpy.ndarray, labels: Sequence[str]) -> list[tuple[str, int, int]]:
    """:func:`tag_spans` of a sequence of tag indices into ``labels`` (visits only the non-``O`` ones)."""
    parts = [t.partition("-") for t in labels]
    spans: list[tuple[str, int, int]] = []
    start, label, end = -1, "", -1
    inside = [i for i, (prefix, _, lab) in enumerate(parts) if prefix in ("B", "I") and lab]
    for i in numpy.flatnonzero(numpy.isin(ids, inside)).tolist():
        prefix, _, lab = parts[ids[i]]
        if prefix == "I" and lab == label and i == end:
            end = i + 1
            continue
        if start >= 0:
            spans.append((label, start, end))
        start, label, end = i, lab, i + 1
    if start >= 0:
        spans.append((label, start, end))
    return spans
