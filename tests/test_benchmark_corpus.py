"""The benchmark corpus must be what the benchmarks claim: distinct articles whose offsets hold."""
from benchmarks.corpus import Generator


def test_generated_articles_are_distinct_and_their_offsets_point_at_their_text():
    generator = Generator(seed=7)
    articles = [generator.article(n) for n in range(60)]
    assert len({a.id for a in articles}) == len({a.title for a in articles}) == len({a.body for a in articles}) == 60
    assert len({a.published for a in articles}) > 10
    for article in articles:
        body = article.body
        assert all(body[q.start:q.end] == q.text for q in article.quotes)
        assert all(body[m.start:m.end] == m.text for e in article.entities for m in e.mentions)
        assert all(body[e.start:e.end] == e.expression for e in article.events)
    speakers = {q.speaker for a in articles for q in a.quotes}
    assert len(speakers) > 100
