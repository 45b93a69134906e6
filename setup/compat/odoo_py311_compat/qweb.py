"""Make the ASTs that Odoo 11's QWeb builds by hand valid for Python 3.8+.

QWeb compiles each template into a Python module by constructing ``ast`` nodes
itself. Python 3.8 changed what ``compile()`` accepts:

- ``None``/``True``/``False`` must be ``ast.Constant``, not ``ast.Name``;
- fields that did not exist then are required now (``arguments.posonlyargs``,
  ``Module.type_ignores``), and optional ones must at least be present;
- every node's end position must not come before its start (3.11 checks it;
  QWeb copies locations between unrelated nodes).

The patch gives the qweb module its own ``compile`` that repairs an AST before
handing it to the built-in one; source strings pass through untouched.
"""
import ast
import builtins
import functools
import re

_NAMED_CONSTANTS = {"None": None, "True": True, "False": False}

# "arguments(arg* posonlyargs, ..., expr? returns)": list fields and optional fields
_FIELD_RE = re.compile(r"(\w+)(\*|\?)? (\w+)")


@functools.cache
def _missing_field_defaults(node_class):
    """Default value of every list (``*``) or optional (``?``) field of a node class."""
    signature = (node_class.__doc__ or "").partition("(")[2]
    return {field: [] if kind == "*" else None for _type, kind, field in _FIELD_RE.findall(signature) if kind}


class _AstRepair(ast.NodeTransformer):
    def visit_Name(self, node):
        if node.id in _NAMED_CONSTANTS:
            return ast.copy_location(ast.Constant(value=_NAMED_CONSTANTS[node.id]), node)
        return node

    def generic_visit(self, node):
        for field, default in _missing_field_defaults(type(node)).items():
            if not hasattr(node, field):
                setattr(node, field, default)
        return super().generic_visit(node)


def _repair_positions(tree):
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) is None:
            continue
        if getattr(node, "end_lineno", None) is None or node.end_lineno < node.lineno:
            node.end_lineno = node.lineno
        if node.end_lineno == node.lineno and (
            getattr(node, "end_col_offset", None) is None or node.end_col_offset < node.col_offset
        ):
            node.end_col_offset = node.col_offset


def repair(tree):
    """Return ``tree`` made acceptable to Python 3.11's ``compile()``."""
    tree = _AstRepair().visit(tree)
    ast.fix_missing_locations(tree)
    _repair_positions(tree)
    return tree


def compile_repaired(source, filename, mode, *args, **kwargs):
    if isinstance(source, ast.AST):
        source = repair(source)
    return builtins.compile(source, filename, mode, *args, **kwargs)


def patch_compile(module):
    module.compile = compile_repaired
