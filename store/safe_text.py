"""Strings from outside (file names, titles, metadata, article text) made safe to draw on a terminal.

Control characters (escape sequences, carriage returns, bells, C1 controls) are shown as visible
`\\xNN` escapes instead of being sent to the terminal. Markup is never involved here: callers build
`rich.text.Text` from the result (TUI) or print it as it is (CLI).
"""
from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls, and the bidi overrides that can reorder a line.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str, *, single_line: bool = False) -> str:
    """`text` with every control character replaced by a visible escape; newlines too if `single_line`."""
    shown = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text)
    if single_line:
        shown = shown.replace("\n", "\\n").replace("\t", " ")
    return shown


# What JSON leaves as it is but a terminal may obey: DEL, C1 controls, bidi overrides, line separators.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def json_for_terminal(encoded: str) -> str:
    """JSON text (from `json.dumps(..., ensure_ascii=False)`) with the characters JSON allows raw but
    a terminal may act on written as `\\uXXXX` escapes: the same data, safe to print."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)
