"""ukr-tui's data layer: from raw article text to stored, indexed records. Never imports Textual."""
from .corpus import Claim, Corpus, EntityInfo, QuoteRef
from .db import Store, default_store_path
from .ingest import ImportReport, bundled_seeds_dir, import_paths
from .pipeline import parse_file, parse_text
from .reading import InputError
from .records import ANONYMOUS, DIRECT, INDIRECT, ORGANIZATION, PERSON, PLACE, Article, Entity, Event, Mention, Quote
from .storage import StoreError

__all__ = [
    "ANONYMOUS", "DIRECT", "INDIRECT", "ORGANIZATION", "PERSON", "PLACE",
    "Article", "Claim", "Corpus", "Entity", "EntityInfo", "Event", "ImportReport", "InputError", "Mention",
    "Quote", "QuoteRef", "Store", "StoreError", "bundled_seeds_dir", "default_store_path", "import_paths",
    "parse_file", "parse_text",
]
