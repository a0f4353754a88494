"""A store of N distinct generated articles, written as records (no spaCy parse), for benchmarks.

    python -m benchmarks.corpus --articles 10000 --db /tmp/big.json

Names, titles, words, quotes and dates vary from article to article: a few thousand people,
organisations and places, a vocabulary of invented words, quotes that are new text (one in ten
repeats an earlier quote, as news reports do, so claims group several sources).
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from store import DIRECT, INDIRECT, ORGANIZATION, PERSON, PLACE, Article, Entity, Event, Mention, Quote, Store  # noqa: E402
from store.records import PARAGRAPH_SEPARATOR  # noqa: E402

SYLLABLES = "ba be bi bo bu da de di do du fa fe fi fo ga ge go la le li lo lu ma me mi mo mu na ne ni no " \
            "pa pe pi po ra re ri ro ru sa se si so ta te ti to va ve vi vo za ze zo an en in on ar er ir or".split()
FUNCTION_WORDS = "le la les un une des du de et à en pour sur avec dans par que qui ne pas a est sont été".split()
VERBS = ["a déclaré", "a affirmé", "a indiqué", "a estimé", "a averti", "a souligné", "a ajouté", "a rappelé"]
ROLES = ["président", "ministre des Affaires étrangères", "porte-parole", "ambassadeur", "conseiller", "sénateur"]
FIRST_DAY = date(2021, 6, 1)


def invented_word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables))


class _Paragraph:
    """Text added piece by piece; each piece's offset in the body is returned."""

    def __init__(self, start: int) -> None:
        self.parts: list[str] = []
        self.end = start

    def __call__(self, text: str) -> int:
        start = self.end
        self.parts.append(text)
        self.end += len(text)
        return start

    def text(self) -> str:
        return "".join(self.parts).rstrip()


class Generator:
    def __init__(self, seed: int = 1) -> None:
        self.rng = random.Random(seed)
        rng = self.rng
        self.vocabulary = sorted({invented_word(rng, rng.randint(2, 4)) for _ in range(30_000)})
        firsts = sorted({invented_word(rng, 2).capitalize() for _ in range(400)})
        lasts = sorted({invented_word(rng, rng.randint(2, 3)).capitalize() for _ in range(1500)})
        self.people = sorted({f"{rng.choice(firsts)} {rng.choice(lasts)}" for _ in range(3000)})
        self.organisations = sorted({f"Agence {invented_word(rng, 3).capitalize()}" for _ in range(600)})
        self.places = sorted({invented_word(rng, 3).capitalize() for _ in range(800)})
        self.roles = {person: f"{rng.choice(ROLES)} {invented_word(rng, 2)}" for person in self.people}
        self.quotes_so_far: list[str] = []

    def words(self, count: int) -> str:
        rng = self.rng
        return " ".join(rng.choice(self.vocabulary) if rng.random() < 0.6 else rng.choice(FUNCTION_WORDS) for _ in range(count))

    def article(self, n: int) -> Article:
        rng = self.rng
        published = FIRST_DAY + timedelta(days=rng.randrange(365))
        people = rng.sample(self.people, rng.randint(3, 8))
        organisations = rng.sample(self.organisations, rng.randint(1, 4))
        places = rng.sample(self.places, rng.randint(2, 6))
        title = f"{self.words(rng.randint(5, 9)).capitalize()} ({n})"
        paragraphs: list[str] = [title]
        position = len(title) + len(PARAGRAPH_SEPARATOR)
        mentions: dict[tuple[str, str], list[Mention]] = {}
        quotes: list[Quote] = []
        events: list[Event] = []

        def mention(kind: str, name: str, start: int) -> None:
            mentions.setdefault((kind, name), []).append(Mention(name, start, start + len(name)))

        for _ in range(rng.randint(6, 14)):
            add = _Paragraph(position)

            add(self.words(rng.randint(8, 20)).capitalize() + " ")
            speaker = rng.choice(people)
            if rng.random() < 0.7:
                words = rng.choice(self.quotes_so_far) if self.quotes_so_far and rng.random() < 0.1 else self.words(rng.randint(6, 24))
                self.quotes_so_far.append(words)
                start = add(speaker)
                mention(PERSON, speaker, start)
                add(f" {rng.choice(VERBS)} : « ")
                quote_start = add(words)
                add(" ». ")
                quotes.append(Quote(words, quote_start, quote_start + len(words), speaker, PERSON, DIRECT, "déclarer"))
            else:
                start = add(speaker)
                mention(PERSON, speaker, start)
                add(" a estimé que ")
                words = self.words(rng.randint(6, 16))
                clause = add(words)
                add(". ")
                quotes.append(Quote(words, clause, clause + len(words), speaker, PERSON, INDIRECT, "estimer"))
            for kind, names in ((ORGANIZATION, organisations), (PLACE, places)):
                name = rng.choice(names)
                add("À " if kind == PLACE else "Selon ")
                mention(kind, name, add(name))
                add(", " + self.words(rng.randint(4, 10)) + ". ")
            if rng.random() < 0.4:
                day = published - timedelta(days=rng.randint(0, 10))
                expression = f"le {day.day} {day.month}"
                add("Les faits datent du ")
                start = add(expression)
                add(".")
                events.append(Event(day.isoformat(), "day", expression, start, start + len(expression),
                                    f"Les faits datent du {expression}."))
            paragraph = add.text()
            paragraphs.append(paragraph)
            position += len(paragraph) + len(PARAGRAPH_SEPARATOR)
        entities = []
        for (kind, name), found in mentions.items():
            entity = Entity(name, kind, found, [self.roles[name]] if kind == PERSON else [])
            entity.count_forms()
            entities.append(entity)
        return Article(
            id=f"g{n:07d}", file=f"gen-{n:07d}.txt", title=title, published=published.isoformat(),
            published_basis="generated", paragraphs=paragraphs, source_starts=[0] * len(paragraphs),
            has_title_paragraph=True, lead=paragraphs[1][:120], entities=entities, quotes=quotes, events=events,
        )


def write_store(path: Path, count: int, batch: int = 2000, seed: int = 1) -> float:
    generator = Generator(seed)
    started = time.perf_counter()
    with Store(path) as store:
        for first in range(0, count, batch):
            store.add_articles([generator.article(n) for n in range(first, min(count, first + batch))])
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.corpus", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.db.exists():
        parser.exit(2, f"{args.db}: exists already; give a new path\n")
    seconds = write_store(args.db, args.articles, seed=args.seed)
    print(f"{args.articles} articles written to {args.db} in {seconds:.1f} s")


if __name__ == "__main__":
    main()
