from store.indexes import CorpusIndex
from store.records import Article


def article(article_id: str, title: str, body: str) -> Article:
    return Article(id=article_id, file=f"{article_id}.txt", title=title, published=None, published_basis=None,
                   paragraphs=[body], source_starts=[0])


def test_search_is_accent_and_case_insensitive_and_needs_every_word():
    index = CorpusIndex.empty().with_articles([
        article("a", "Pourparlers à Genève.", "Les délégations arrivent."),
        article("b", "Rencontre à Moscou.", "Le Kremlin parle de Genève et d'Élysée."),
    ])
    assert index.search("GENEVE") == {"a", "b"}
    assert index.search("geneve kremlin") == {"b"}
    assert index.search("elys") == {"b"}  # a word's beginning is enough
    assert index.search("washington") == set()
    assert index.search("pourparlers") == {"a"}  # titles are searched too
