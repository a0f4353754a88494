"""The words search compares: folded (accents and case ignored), so `Genève` and `GENEVE` are one word.
The index over them is `store/indexes.py`."""
from __future__ import annotations

import re

from .lexicon import fold_text

_WORD = re.compile(r"\w+")


def words_of(text: str) -> list[str]:
    return _WORD.findall(fold_text(text))

