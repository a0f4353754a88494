"""The French spaCy pipeline, loaded once per process (it takes seconds)."""
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
