"""ukr-tui's data layer: from raw article text to stored, indexed records. Never imports Textual.

The UI and the CLI use what is named here, above all `Library` (store/library.py)."""
from .batch import parse_together
from .corpus import Claim, Corpus, EntityInfo, QuoteRef, canonicalise
from .db import Store, default_store_path, rebuild_index, restore_backup
from .evaluation import evaluate_files
from .export import article_json, citation
from .ingest import ImportProgress, ImportReport, bundled_seeds_dir, import_paths
from .lexicon import fold, fold_text
from .library import Library, Mentions
from .metadata import parse_published
from .nlp import ModelMissingError
from .pipeline import parse_file, parse_text
from .reading import InputError, expand_paths
from .records import ANONYMOUS, DIRECT, INDIRECT, ORGANIZATION, PERSON, PLACE, Article, Entity, Event, Mention, Quote
from .safe_text import json_for_terminal, printable
from .speakers import Speaker, all_speakers, fields_match, folded_words, quotes_by_name_or_role, speaker_fields, speakers
from .storage import StoreError, paused_gc

__all__ = [
    "ANONYMOUS", "DIRECT", "INDIRECT", "ORGANIZATION", "PERSON", "PLACE",
    "Article", "Claim", "Corpus", "Entity", "EntityInfo", "Event", "ImportProgress", "ImportReport", "InputError",
    "Library", "Mention", "Mentions", "ModelMissingError", "Quote", "QuoteRef", "Speaker", "Store", "StoreError",
    "article_json", "bundled_seeds_dir", "canonicalise", "citation", "default_store_path", "evaluate_files", "expand_paths",
    "fold", "fold_text", "import_paths", "json_for_terminal", "parse_file", "parse_published", "parse_text", "parse_together",
    "all_speakers", "fields_match", "folded_words", "paused_gc", "printable", "quotes_by_name_or_role", "rebuild_index",
    "restore_backup", "speaker_fields", "speakers",
]
