"""Teach ``odoo.tools.safe_eval`` the opcodes that Python 3.8-3.11 emit.

Odoo 11 whitelists opcodes by name and silently drops names the running Python
does not know, so on 3.11 ordinary domains and server actions are refused
(``[1, 2, 3]`` needs LIST_EXTEND, ``a.b(c)`` needs PRECALL and CALL,
``'%s-%s' % (a, b)`` compiles to FORMAT_VALUE and BUILD_STRING).

Each opcode added below is the 3.8+ spelling of something the Odoo 11 lists
already allow; nothing new becomes possible. IMPORT_NAME, attribute stores,
closures, ``with`` and dunder names stay forbidden (``assert_no_dunder_name``
is left as it is).
"""

#: literals: prologue, and list/set displays built by extending
CONST_OPCODES = {
    "RESUME", "NOP", "CACHE",
    "LIST_EXTEND", "SET_UPDATE", "LIST_TO_TUPLE",
    "COPY", "SWAP",  # replace DUP_TOP, DUP_TOP_TWO, ROT_*
}

#: operators: all BINARY_*/INPLACE_* became BINARY_OP; `in` and `is` got their own
EXPR_OPCODES = CONST_OPCODES | {
    "BINARY_OP", "CONTAINS_OP", "IS_OP",
    "FORMAT_VALUE", "BUILD_STRING",  # `%` formatting is compiled to f-string opcodes
}

#: statements and calls
SAFE_OPCODES = EXPR_OPCODES | {
    # CALL_FUNCTION, CALL_FUNCTION_KW, CALL_METHOD
    "PUSH_NULL", "PRECALL", "CALL", "KW_NAMES",
    # f(*args, **kwargs): CALL_FUNCTION_EX's argument building
    "DICT_MERGE",
    # POP_JUMP_IF_*, JUMP_ABSOLUTE, SETUP_LOOP, BREAK_LOOP, CONTINUE_LOOP
    "POP_JUMP_FORWARD_IF_FALSE", "POP_JUMP_FORWARD_IF_TRUE",
    "POP_JUMP_BACKWARD_IF_FALSE", "POP_JUMP_BACKWARD_IF_TRUE",
    "POP_JUMP_FORWARD_IF_NONE", "POP_JUMP_FORWARD_IF_NOT_NONE",
    "POP_JUMP_BACKWARD_IF_NONE", "POP_JUMP_BACKWARD_IF_NOT_NONE",
    "JUMP_BACKWARD", "JUMP_BACKWARD_NO_INTERRUPT",
    # SETUP_EXCEPT, END_FINALLY: try/except/finally now uses an exception table
    "PUSH_EXC_INFO", "CHECK_EXC_MATCH", "RERAISE",
    # `assert` used to load AssertionError as a global
    "LOAD_ASSERTION_ERROR",
    # generator expressions (YIELD_VALUE was already allowed)
    "RETURN_GENERATOR",
}


def _opcodes(names):
    from opcode import opmap

    return {opmap[name] for name in names if name in opmap}


def patch_opcodes(module):
    """Extend the whitelists in place: ir_qweb imported ``_SAFE_OPCODES`` by name."""
    module._CONST_OPCODES.update(_opcodes(CONST_OPCODES))
    module._EXPR_OPCODES.update(_opcodes(EXPR_OPCODES))
    module._SAFE_OPCODES.update(_opcodes(SAFE_OPCODES))
