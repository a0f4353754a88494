from store.records import Article
from store.search import WordIndex


def article(article_id: str, title: str, text: str) -> Article:
    return Article(id=article_id, file=f"{article_id}.txt", title=title, published=None, published_basis=None,
                   paragraphs=[text], source_starts=[0])


def test_search_is_accent_and_case_insensitive_and_needs_every_word():
    index = WordIndex.build([
        article("a", "Pourparlers à Genève", "Les délégations arrivent."),
        article("b", "Rencontre à Moscou", "Le Kremlin parle de Genève et d'Élysée."),
    ])
    assert index.search("GENEVE") == {"a", "b"}
    assert index.search("geneve kremlin") == {"b"}
    assert index.search("elys") == {"b"}  # a word's beginning is enough
    assert index.search("washington") == set()
