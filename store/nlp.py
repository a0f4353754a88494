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


def model_inputs(paragraphs: list[str], separator: str) -> list[str]:
    """What the model reads for one body: each paragraph with the separator that follows it, so a
    heading or a caption never becomes part of the next paragraph's sentence."""
    return [p + separator for p in paragraphs[:-1]] + paragraphs[-1:]


def parse_paragraphs(nlp, paragraphs: list[str], separator: str):
    """One Doc for the whole body; its text is exactly `separator.join(paragraphs)`."""
    return merged_doc(list(nlp.pipe(model_inputs(paragraphs, separator))))


def merged_doc(paragraph_docs: list):
    """The Docs of one body's model inputs as one Doc."""
    from spacy.tokens import Doc

    return Doc.from_docs(paragraph_docs, ensure_whitespace=False)
