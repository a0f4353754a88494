from store.search import WordIndex


def test_search_is_accent_and_case_insensitive_and_needs_every_word():
    index = WordIndex.build([
        ("a", "Pourparlers à Genève. Les délégations arrivent."),
        ("b", "Rencontre à Moscou. Le Kremlin parle de Genève et d'Élysée."),
    ])
    assert index.search("GENEVE") == {"a", "b"}
    assert index.search("geneve kremlin") == {"b"}
    assert index.search("elys") == {"b"}  # a word's beginning is enough
    assert index.search("washington") == set()
