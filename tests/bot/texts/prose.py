"""Find sentences a person would read that are written as bare string literals, not messages."""

import ast
import builtins
import re
from itertools import pairwise

MARKERS = {"_", "N_", "ngettext", "pgettext"}
# Operators read these, in English: logs and the built-in errors raised for them; a domain
# error a person reads (a Refusal) is checked like any other sentence.
OPERATOR_CALLS = {"debug", "info", "warning", "error", "exception", "critical"}
OPERATOR_ERRORS = {name for name in dir(builtins) if name.endswith(("Error", "Exit"))} | {
    # Refusals to start, printed to whoever runs `ooo`.
    "ConfigError",
    "MissingDeliveries",
}
WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*[.,:;!?…]?")


def reads_as_prose(text: str) -> bool:
    """Two or more plain words in a row, the way a sentence or a label reads."""
    tokens = text.split()
    return any(
        WORD.fullmatch(first) and WORD.fullmatch(second) for first, second in pairwise(tokens)
    )


def bare_sentences(source: str) -> list[tuple[int, str]]:
    """Each prose literal outside a message, a docstring, a log, an assert or a built-in error."""
    tree = ast.parse(source)
    exempt: set[int] = set()
    for node in ast.walk(tree):
        exempt |= _exempt_within(node)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in exempt
        and reads_as_prose(node.value)
    ]


def _exempt_within(node: ast.AST) -> set[int]:
    """The literals one node makes legitimate: its docstring, its messages, its operator text."""
    if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
        docstring = node.body[0] if node.body else None
        if isinstance(docstring, ast.Expr) and isinstance(docstring.value, ast.Constant):
            return {id(docstring.value)}
    if isinstance(node, ast.Call) and _called(node) in MARKERS:
        # Only the message itself: a parameter passed beside it is checked like any literal.
        return {id(arg) for arg in node.args if isinstance(arg, ast.Constant)}
    if isinstance(node, ast.Assert) or (
        isinstance(node, ast.Call) and _called(node) in OPERATOR_CALLS | OPERATOR_ERRORS
    ):
        return {id(inner) for inner in ast.walk(node)}
    return set()


def _called(call: ast.Call) -> str:
    """The name a call is made by: `_` in `_(...)`, `warning` in `logger.warning(...)`."""
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return ""


# Where Slack shows a string to a person: Block Kit's fields, and the calls that answer.
SHOWN_FIELDS = {"text", "title", "placeholder", "label", "submit", "close", "hint", "alt_text"}
ANSWERING_CALLS = {"ack", "respond", "say", "_text", "_plain", "_section"}
# What may stand beside a message unmarked: emoji codes, mrkdwn and punctuation, no words.
EMOJI = re.compile(r":[a-z0-9_+'-]+:")
LETTER = re.compile(r"[^\W\d_]")


def unmarked_fields(source: str) -> list[tuple[int, str]]:
    """Each word-bearing literal Slack would show (a Block Kit `text`, `ack(text=...)`, ...)
    that is not a message: even one word ("Edit") reads as English to everyone."""
    found = []
    for node in ast.walk(ast.parse(source)):
        for shown in _shown_values(node):
            literal = _literal_text(shown)
            if literal is not None and LETTER.search(EMOJI.sub("", literal)):
                found.append((shown.lineno, ast.unparse(shown)))
    return found


def _shown_values(node: ast.AST) -> list[ast.expr]:
    """The values a node hands Slack to show: dict fields, keywords, an answer's first text."""
    if isinstance(node, ast.Dict):
        return [
            value
            for key, value in zip(node.keys, node.values, strict=True)
            if isinstance(key, ast.Constant) and key.value in SHOWN_FIELDS
        ]
    if isinstance(node, ast.Call):
        shown = [kw.value for kw in node.keywords if kw.arg in SHOWN_FIELDS]
        return shown + (node.args[:1] if _called(node) in ANSWERING_CALLS else [])
    return []


def _literal_text(value: ast.expr) -> str | None:
    """The text written in the code itself: a string, or an f-string's literal parts."""
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        return value.value
    if isinstance(value, ast.JoinedStr):
        return "".join(part.value for part in value.values if isinstance(part, ast.Constant))
    return None
