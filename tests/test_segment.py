"""Offline word segmentation (extract/segment.py): words cover the text, features per character."""

from __future__ import annotations

from extract.segment import char_features, words


def test_words_cover_every_character_in_order():
    text = "农业生产发展专项转移支付预算资金到位率为100%，群众满意度95%以上。"
    spans = words(text)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))


def test_char_features_give_each_character_its_place_in_its_word():
    feats = char_features("资金到位率为100%")
    assert len(feats) == len("资金到位率为100%")
    assert feats[:2] == ["B资金", "E资金"]
    assert feats[5] == "S为"
