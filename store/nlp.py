"""The French spaCy pipeline, loaded once per process (it takes seconds), and how text is fed to it."""
from __future__ import annotations

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


def parse_paragraphs(nlp, paragraphs: list[str], separator: str):
    """One Doc for the whole body, parsed paragraph by paragraph: a heading or a caption never
    becomes part of the next paragraph's sentence. The Doc's text is exactly `separator.join(…)`."""
    from spacy.tokens import Doc

    parts = [p + separator for p in paragraphs[:-1]] + paragraphs[-1:]
    return Doc.from_docs(list(nlp.pipe(parts)), ensure_whitespace=False)
