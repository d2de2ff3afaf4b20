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


def test_tagged_gives_the_dictionary_words_with_their_part_of_speech():
    from extract.segment import tagged
    assert tagged("完成中小河流治理工程") == [("完成", "v"), ("中小", "j"), ("河流", "n"), ("治理", "v"), ("工程", "n")]


def test_spans_word_tells_where_a_dictionary_word_may_run_across():
    from extract.segment import spans_word
    text = "完成小流域综合治理"
    assert spans_word(text, text.index("域"), 8)        # 流域
    assert not spans_word(text, text.index("综"), 8)    # 流域 | 综合: a word starts there
