from store.safe_text import printable


def test_escape_sequences_become_visible():
    assert printable("a\x1b]52;c;SGVsbG8=\x07b") == "a\\x1b]52;c;SGVsbG8=\\x07b"
    assert printable("\x1b[41mred") == "\\x1b[41mred"
    assert printable("x\x9by") == "x\\x9by"


def test_plain_text_markup_and_accents_unchanged():
    text = "[DIRECT] « Élysée » — l’OTAN\n\tsuite"
    assert printable(text) == text


def test_single_line_folds_newlines():
    assert printable("a\nb\tc", single_line=True) == "a\\nb c"


def test_bidi_override_neutralised():
    assert printable("abc\u202edef") == "abc\\u202edef"
