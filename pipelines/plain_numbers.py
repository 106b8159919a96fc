"""The plain numbers of a column read in bulk: a big file's values without a call per value.

A million values parsed one by one cost about half a second of Python work, on the checking
process's critical path. Nearly all of them have one of two plain shapes in the file's
convention: ``-1234`` / ``1234,5`` or, grouped, ``-1.234.567,5`` (decimal comma; the mirror
image for a decimal point), with at most 15 digits. This module recognises exactly those shapes
with numpy on the column's bytes and computes them from their digits; every other value (a
marker, spaces, a '+', a Unicode minus, an odd grouping, a long number, a mistake) is left to
the one-by-one parser in numbers.py, which gives it its meaning or its problem. The plain shapes
are a subset of what that parser takes, and come out the same to the last bit: with at most 15
digits the digits are an exact integer below 2**53 and 10**k an exact power, so their quotient
is the correctly rounded value, as Python's float() gives (tests/test_plain_numbers.py).
"""

from __future__ import annotations

import numpy as np

MIN_VALUES = 64  # fewer are parsed one by one: the set-up costs more than it saves
MAX_DIGITS = 15  # an integer of 15 digits is exact in a float (below 2**53)
PAD = 5  # newlines after the last value: every look-ahead (up to 4 bytes past a separator) stays inside
_NEWLINE = ord("\n")
_MARKS = {",": (ord(","), ord(".")), ".": (ord("."), ord(","))}  # decimal mark → (its byte, thousands byte)
_POWERS = 10.0 ** np.arange(MAX_DIGITS + 1)
# Each byte's class: 0 digit, 1 decimal mark, 2 thousands separator, 3 minus, 4 newline, 5 other.
_DIGIT, _MARK, _SEP, _MINUS, _END, _OTHER = range(6)


def _classes(decimal: str) -> np.ndarray:
    table = np.full(256, _OTHER, dtype=np.uint8)
    table[ord("0"):ord("9") + 1] = _DIGIT
    mark, thousands = _MARKS[decimal]
    table[mark], table[thousands], table[ord("-")], table[_NEWLINE] = _MARK, _SEP, _MINUS, _END
    return table


_CLASSES = {decimal: _classes(decimal) for decimal in _MARKS}


def plain_numbers(values: np.ndarray, decimal: str) -> tuple[np.ndarray, np.ndarray] | None:
    """(floats, plain) for an object array of cells: `plain` marks the values of a plain shape
    with decimal mark `decimal` (',' or '.'), `floats` holds them (NaN elsewhere). None when
    the cells are not all one-line ASCII text, or too few to pay for it: parse them one by one."""
    n = len(values)
    if n < MIN_VALUES:
        return None
    try:
        text = "\n".join(values)
    except TypeError:  # a cell that is not text (a workbook's number): one by one
        return None
    if not text.isascii() or text.count("\n") != n - 1:
        return None
    size = len(text) + 1  # the values and a newline after each
    kind = _CLASSES[decimal][np.frombuffer((text + "\n" * PAD).encode("ascii"), dtype=np.uint8)]
    ends = np.flatnonzero(kind[:size] == _END)  # n of them
    starts = np.empty(n, dtype=np.int64)
    starts[0], starts[1:] = 0, ends[:-1] + 1
    bad = np.zeros(n, dtype=bool)

    def line(at: np.ndarray) -> np.ndarray:  # the value each byte position belongs to
        return np.searchsorted(ends, at)

    # Any other character (a letter, a space, a '+') leaves the value to the one-by-one parser.
    bad[line(np.flatnonzero(kind[:size] == _OTHER))] = True
    # A minus only as the first character, and a digit after the sign.
    minus_at = np.flatnonzero(kind[:size] == _MINUS)
    bad[line(minus_at[kind[minus_at - 1] != _END])] = True
    negative = kind[starts] == _MINUS
    bad |= kind[starts + negative] != _DIGIT
    # One decimal mark at most, between digits.
    mark_at = np.flatnonzero(kind[:size] == _MARK)
    mark_line = line(mark_at)
    bad[mark_line[1:][mark_line[1:] == mark_line[:-1]]] = True
    bad[mark_line[(kind[mark_at - 1] != _DIGIT) | (kind[mark_at + 1] != _DIGIT)]] = True
    # Thousands separators: each followed by three digits and then another separator, the
    # decimal mark or the end; the first after one to three digits; none after the mark.
    sep_at = np.flatnonzero(kind[:size] == _SEP)
    sep_line = line(sep_at)
    after = kind[sep_at + 4]
    grouped = ((kind[sep_at + 1] == _DIGIT) & (kind[sep_at + 2] == _DIGIT) & (kind[sep_at + 3] == _DIGIT)
               & ((after == _SEP) | (after == _MARK) | (after == _END)))
    bad[sep_line[~grouped]] = True
    first = np.ones(len(sep_at), dtype=bool)
    first[1:] = sep_line[1:] != sep_line[:-1]
    lead = sep_at[first] - starts[sep_line[first]] - negative[sep_line[first]]
    bad[sep_line[first][(lead < 1) | (lead > 3)]] = True
    last_sep = np.full(n, -1, dtype=np.int64)
    last_sep[sep_line] = sep_at  # positions ascend: the line's last separator is written last
    bad[mark_line[mark_at < last_sep[mark_line]]] = True
    # The value from its digits: an exact integer, divided by 10 ** (digits after the mark).
    seps = np.bincount(sep_line, minlength=n)
    has_mark = np.zeros(n, dtype=bool)
    has_mark[mark_line] = True
    digits = ends - starts - negative - has_mark - seps
    bad |= digits > MAX_DIGITS
    decimals = np.zeros(n, dtype=np.int64)
    decimals[mark_line] = ends[mark_line] - mark_at - 1
    plain = ~bad
    if not plain.any():
        return np.full(n, np.nan), plain
    # Their digits one after the other, then for each value the window of MAX_DIGITS digits
    # that ends with its last one (earlier values' digits in it zeroed), times the powers of ten.
    take = np.repeat(plain, ends - starts + 1) & (kind[:size] == _DIGIT)
    stream = np.zeros(MAX_DIGITS + int(take.sum()), dtype=np.uint8)
    stream[MAX_DIGITS:] = np.frombuffer(text.encode("ascii"), dtype=np.uint8)[take[:-1]] - ord("0")
    counts = digits[plain]
    windows = np.lib.stride_tricks.sliding_window_view(stream, MAX_DIGITS)[np.cumsum(counts)]
    own = np.arange(MAX_DIGITS) >= (MAX_DIGITS - counts)[:, None]
    whole = (windows * own) @ _POWERS[MAX_DIGITS - 1::-1]
    parsed = whole / _POWERS[decimals[plain]]
    floats = np.full(n, np.nan)
    floats[plain] = np.where(negative[plain], -parsed, parsed)
    return floats, plain
