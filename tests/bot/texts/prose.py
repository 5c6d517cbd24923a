"""Find sentences a person would read that are written as bare string literals, not messages."""

import ast
import re

MARKERS = {"_", "N_", "ngettext"}
# Operators read these, in English: logs and the errors raised for them.
OPERATOR_CALLS = {"debug", "info", "warning", "error", "exception", "critical"}
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[.,:;!?…]?")


def reads_as_prose(text: str) -> bool:
    """Two or more plain words in a row, the way a sentence or a label reads."""
    tokens = text.split()
    return any(
        WORD.fullmatch(first) and WORD.fullmatch(second)
        for first, second in zip(tokens, tokens[1:], strict=False)
    )


def bare_sentences(source: str) -> list[tuple[int, str]]:
    """Each prose literal outside a catalog call, a docstring, a log call, an assert or a raise."""
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
    if isinstance(node, ast.Assert | ast.Raise) or (
        isinstance(node, ast.Call) and _called(node) in OPERATOR_CALLS
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
