"""Normalisation keeps offsets into the original text."""

from edunews.extract.thai_text import normalize


def test_thai_digits_are_folded_one_for_one():
    assert normalize("๒๕๖๓ เขต ๑").text == "2563 เขต 1"


def test_spaces_zero_width_and_split_vowels_are_folded():
    raw = "\u200bรมว.ศธ.\u00a0เเละ นํา"
    result = normalize(raw)
    assert result.text == "รมว.ศธ. และ นำ"


def test_offsets_point_into_the_original():
    raw = "\u200b\u200bสพป.บุรีรัมย์ เขต ๑"
    result = normalize(raw)
    start = result.text.index("สพป")
    a, b = result.span(start, len(result.text))
    assert raw[a:b] == "สพป.บุรีรัมย์ เขต ๑"


def test_identity_offsets_when_nothing_is_dropped():
    result = normalize("เขต ๖")
    assert result.origins is None
    assert result.span(0, 5) == (0, 5)


def test_empty_and_none():
    assert normalize(None).text == ""
    assert normalize("").span(0, 0) == (0, 0)
