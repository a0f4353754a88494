"""ukr-tui's data layer: from raw article text to stored, indexed records. Never imports Textual.

The UI and the CLI use what is named here, above all `Library` (store/library.py)."""
from .corpus import Claim, Corpus, EntityInfo, QuoteRef, canonicalise
from .db import Store, default_store_path
from .evaluation import evaluate_files
from .export import article_json
from .ingest import ImportProgress, ImportReport, bundled_seeds_dir, import_paths
from .lexicon import fold, fold_text
from .library import Library, Mentions
from .nlp import ModelMissingError
from .pipeline import parse_file, parse_text
from .reading import InputError, expand_paths
from .records import ANONYMOUS, DIRECT, INDIRECT, ORGANIZATION, PERSON, PLACE, Article, Entity, Event, Mention, Quote
from .search import WordIndex
from .storage import StoreError, paused_gc

__all__ = [
    "ANONYMOUS", "DIRECT", "INDIRECT", "ORGANIZATION", "PERSON", "PLACE",
    "Article", "Claim", "Corpus", "Entity", "EntityInfo", "Event", "ImportProgress", "ImportReport", "InputError",
    "Library", "Mention", "Mentions", "ModelMissingError", "Quote", "QuoteRef", "Store", "StoreError", "WordIndex",
    "article_json", "bundled_seeds_dir", "canonicalise", "default_store_path", "evaluate_files", "expand_paths",
    "fold", "fold_text", "import_paths", "parse_file", "parse_text", "paused_gc",
]
