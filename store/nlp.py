"""The French spaCy pipeline, loaded once per process (it takes seconds), and how text is fed to it."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

MODEL_NAME = "fr_core_news_md"


class ModelMissingError(Exception):
    pass


@lru_cache(maxsize=1)
def load_model():
    try:
        import spacy

        return spacy.load(MODEL_NAME)
    except (ImportError, OSError) as error:
        raise ModelMissingError(f"cannot load the spaCy model {MODEL_NAME} ({error}); reinstall ukr-tui") from None


MODEL_PIECE = 5_000  # characters: the parser's time and memory grow faster than a long text, not with pieces of it
BATCH_CHARACTERS = 100_000  # per model batch: about 150 MB of the model's working memory


def model_inputs(paragraphs: list[str], separator: str) -> list[str]:
    """What the model reads for one body: each paragraph with the separator that follows it, so a
    heading or a caption never becomes part of the next paragraph's sentence. A paragraph longer
    than MODEL_PIECE is read in pieces cut after a sentence (else after a space): joined, the inputs
    are still exactly the body."""
    inputs = [p + separator for p in paragraphs[:-1]] + paragraphs[-1:]
    return [piece for text in inputs for piece in _pieces(text)]


_SENTENCE_END = re.compile(r"[.!?…»”][\s\u00a0]+")
_SPACE = re.compile(r"\s+")


def _pieces(text: str) -> list[str]:
    """`text` cut into consecutive pieces of at most about `size` characters, each ending after a
    sentence's end and its space where one is in reach, else after a space, else anywhere."""
    pieces, start, size = [], 0, MODEL_PIECE
    while len(text) - start > size:
        window = text[start:start + size]
        cut = 0
        for pattern in (_SENTENCE_END, _SPACE):
            for match in pattern.finditer(window, size // 2):
                cut = match.end()
            if cut:
                break
        cut = cut or size
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def parse_paragraphs(nlp, paragraphs: list[str], separator: str):
    """One Doc for the whole body; its text is exactly `separator.join(paragraphs)`."""
    return merged_doc(list(pipe(nlp, model_inputs(paragraphs, separator))))


def pipe(nlp, texts: Iterable[str], batch_size: int = 256) -> Iterator:
    """`nlp.pipe` in batches of at most `batch_size` texts and BATCH_CHARACTERS characters: the
    model's memory grows with a batch's characters, so a batch of long pieces stays small."""
    batch: list[str] = []
    length = 0
    for text in texts:
        if batch and (len(batch) >= batch_size or length + len(text) > BATCH_CHARACTERS):
            yield from nlp.pipe(batch, batch_size=len(batch))
            batch, length = [], 0
        batch.append(text)
        length += len(text)
    if batch:
        yield from nlp.pipe(batch, batch_size=len(batch))


def merged_doc(paragraph_docs: list):
    """The Docs of one body's model inputs as one Doc."""
    from spacy.tokens import Doc

    return Doc.from_docs(paragraph_docs, ensure_whitespace=False)
