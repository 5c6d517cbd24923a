"""Rows as a CSV Excel opens as it is: UTF-8 with a BOM, and no cell it would run as a formula."""

import csv
import io
from collections.abc import Iterable, Sequence

BOM = "\ufeff"
# What a spreadsheet reads as the start of a formula (or, after a tab or return, may).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(cell: str) -> str:
    """A cell a spreadsheet shows as text: one that could start a formula gets a leading quote.

    Names and labels come from people ("=HYPERLINK(…)" as a display name), so every text cell
    goes through this (OWASP's advice on CSV injection).
    """
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[str | int]]) -> bytes:
    """The file: a header row, then the rows; text cells neutralised, numbers as they are."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralised(name) for name in header])
    writer.writerows(
        [cell if isinstance(cell, int) else neutralised(cell) for cell in row] for row in rows
    )
    return out.getvalue().encode()
