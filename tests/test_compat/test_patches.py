"""The Python 3.11 compatibility layer (setup/compat): each patch works, and
each is needed: the same snippet fails in a fresh interpreter that skips it."""
import base64
import inspect
import os
import subprocess
import sys
import textwrap
import threading
from contextlib import closing

import pytest
import yaml
from lxml import etree

import odoo
from odoo.tools.safe_eval import const_eval, safe_eval


def run_python(code, skip=""):
    """Run ``code`` in a fresh interpreter of this virtualenv; return (exit code, stderr)."""
    env = dict(os.environ, ODOO_PY311_COMPAT_SKIP=skip)
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env=env, capture_output=True, text=True, timeout=120,
    )
    return done.returncode, done.stdout + done.stderr


def assert_needed(code, patch, error):
    """``code`` passes with the layer and fails with ``error`` without ``patch``."""
    status, output = run_python(code)
    assert status == 0, output
    status, output = run_python(code, skip=patch)
    assert status != 0
    assert error in output


def test_collections_aliases():
    import collections
    assert collections.Mapping is __import__("collections.abc").abc.Mapping
    assert_needed("import odoo.tools.misc", "collections", "cannot import name 'Iterable' from 'collections'")


def test_inspect_argspec():
    def method(self, a, b=1, *args, **kwargs):
        pass
    spec = inspect.getargspec(method)
    assert spec.args == ["self", "a", "b"] and spec.defaults == (1,)
    assert inspect.formatargspec(*spec) == "(self, a, b=1, *args, **kwargs)"
    # ormcache builds its cache key function from formatargspec(getargspec())
    assert_needed(
        """
        from odoo.tools import ormcache
        def lookup(self, key, default=None):
            return key
        cache = ormcache("key")
        cache(lookup)
        assert cache.key(object(), 21, default=3) == (21,)
        """,
        "inspect",
        "cannot import name 'formatargspec' from 'inspect'",
    )


def test_base64_string_aliases():
    assert base64.encodestring(b"rma") == b"cm1h\n"
    assert base64.decodestring(b"cm1h\n") == b"rma"
    assert_needed("import base64; base64.encodestring(b'x')", "base64", "has no attribute 'encodestring'")


def test_thread_is_alive():
    thread = threading.Thread(target=lambda: None)
    assert thread.isAlive() is False
    assert_needed("import threading; threading.current_thread().isAlive()", "threading", "no attribute 'isAlive'")


def test_yaml_load_without_loader():
    assert yaml.load("qty: 4\nlines: [1, 2]") == {"qty": 4, "lines": [1, 2]}
    # the unsafe python tags stay refused
    with pytest.raises(yaml.constructor.ConstructorError):
        yaml.load("!!python/object/apply:os.system ['true']")
    assert_needed("import yaml; yaml.load('a: 1')", "yaml", "missing 1 required positional argument: 'Loader'")


SAFE_EXPRESSIONS = [
    ("'%s-%s' % (a, b)", "1-2"),
    ("[('state', 'in', ['draft', 'sent', 'sale']), ('id', '!=', False)]",
     [("state", "in", ["draft", "sent", "sale"]), ("id", "!=", False)]),
    ("{'default_qty': a, 'search_default_open': 1}", {"default_qty": 1, "search_default_open": 1}),
    ("a is not None and b not in [3, 4, 5]", True),
    ("max(values, key=lambda v: -v)", 1),
    ("sum(v * 2 for v in values if v > 1)", 10),
    ("{v: v + a for v in values}", {1: 2, 2: 3, 3: 4}),
    ("{1, 2, 3} & set(values)", {1, 2, 3}),
    ("dict(*[], **{'x': 1})", {"x": 1}),
    ("values[1:] if a else values", [2, 3]),
]


@pytest.mark.parametrize("expression, expected", SAFE_EXPRESSIONS)
def test_safe_eval_expressions(expression, expected):
    assert safe_eval(expression, {"a": 1, "b": 2, "values": [1, 2, 3]}) == expected


def test_safe_eval_statements():
    code = textwrap.dedent("""
        total = 0
        for value in values:
            if value == 2:
                continue
            total += value
        try:
            total / 0
        except Exception as error:
            total += 100
        finally:
            total += 1000
        assert total == 1104, 'sum'
        result = total
    """)
    scope = {"values": [1, 2, 3]}
    safe_eval(code, scope, mode="exec", nocopy=True)
    assert scope["result"] == 1104


def test_const_eval_literal_lists():
    assert const_eval("[1, 2, (3, 4), {'a': 'b'}, {5, 6, 7}]") == [1, 2, (3, 4), {"a": "b"}, {5, 6, 7}]


def test_safe_eval_opcodes_needed():
    assert_needed(
        """
        import odoo
        from odoo.tools.safe_eval import safe_eval
        assert safe_eval("'%s-%s' % (a, b)", {'a': 1, 'b': 2}) == '1-2'
        """,
        "safe_eval",
        "forbidden opcode(s)",
    )


@pytest.mark.parametrize("expression, mode, error", [
    ("__import__('os').getcwd()", "eval", "forbidden name '__import__'"),
    ("import os", "exec", "IMPORT_NAME"),
    ("from os import path", "exec", "IMPORT_NAME"),
    ("a.__class__", "eval", "forbidden name '__class__'"),
    ("().__class__.__bases__[0].__subclasses__()", "eval", "forbidden name"),
    ("a.f_globals", "eval", "forbidden name 'f_globals'"),
    ("record.name = 'x'", "exec", "STORE_ATTR"),
    ("with open('x') as f: pass", "exec", "BEFORE_WITH"),
    ("lambda y: (lambda: y)", "eval", "forbidden opcode"),
])
def test_safe_eval_still_refuses(expression, mode, error):
    with pytest.raises((NameError, ValueError)) as caught:
        safe_eval(expression, {"a": 1, "record": object()}, mode=mode)
    assert error in str(caught.value)


QWEB_SNIPPET = """
    import odoo
    from lxml import etree
    from odoo.addons.base.ir.ir_qweb.qweb import QWeb
    template = etree.fromstring(
        '<t t-name="rma"><p t-foreach="lines" t-as="line" t-att-class="line.get(\\'cls\\') or None">'
        '<t t-esc="line[\\'qty\\']"/> <t t-if="not line.get(\\'done\\')">open</t></p></t>')
    html = QWeb().render(template, {"lines": [{"qty": 4, "cls": "a"}, {"qty": 6, "done": True}]})
    print(html.decode())
"""


def test_qweb_renders_templates():
    status, output = run_python(QWEB_SNIPPET)
    assert status == 0, output
    assert '<p class="a">4 open</p><p>6 </p>' in output
    status, output = run_python(QWEB_SNIPPET, skip="qweb")
    assert status != 0
    assert "Error when compiling AST" in output


def test_qweb_patch_in_this_process():
    from odoo.addons.base.ir.ir_qweb.qweb import QWeb
    template = etree.fromstring('<t t-name="x"><b t-if="ok" t-esc="value"/></t>')
    assert QWeb().render(template, {"ok": True, "value": 3}) == b"<b>3</b>"


ETREE_SNIPPET = """
    import glob, os
    import odoo
    from odoo.addons.web.controllers.main import concat_xml
    import odoo.addons.web as web
    files = sorted(glob.glob(os.path.join(os.path.dirname(web.__file__), "static/src/xml/*.xml")))
    xml, checksum = concat_xml(files)
    assert xml.startswith(b"<templates") and b't-name="FormView' in xml, xml[:200]
"""


def test_web_client_templates_concatenate():
    assert_needed(ETREE_SNIPPET, "etree", "object has no attribute 'getchildren'")


def test_skip_all_disables_the_layer():
    status, output = run_python("import collections; print(hasattr(collections, 'Mapping'))", skip="all")
    assert status == 0 and output.strip() == "False"


def test_worker_limits_accept_float_seconds():
    # what each prefork worker does at start: the CPU seconds it used so far plus limit_time_cpu
    assert_needed(
        """
        import resource
        import odoo.service.server as server
        soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
        server.resource.setrlimit(resource.RLIMIT_CPU, (0.25 + 3600, hard))
        assert resource.getrlimit(resource.RLIMIT_CPU)[0] == 3601
        assert server.resource.RLIMIT_CPU == resource.RLIMIT_CPU
        """,
        "rlimit",
        "'float' object cannot be interpreted as an integer",
    )



def test_rpc_retry_clears_the_environment():
    # an RPC call that fails on the database (here: a partner another transaction locked) leaves
    # nothing to recompute for Odoo's retry; tests/test_rma_management_stock_account/
    # test_concurrent_rmas.py shows it on a server
    config, database = odoo.tools.config.rcfile, odoo.tools.config["db_name"]
    with closing(odoo.sql_db.db_connect(database).cursor()) as locker:
        locker.execute("SELECT id FROM res_partner ORDER BY id LIMIT 2")
        locked, other = [row[0] for row in locker.fetchall()]
        locker.execute("SELECT id FROM res_partner WHERE id = %s FOR UPDATE", [locked])
        assert_needed(
            """
            import psycopg2
            import odoo
            from odoo import SUPERUSER_ID, api
            import odoo.service.model as model

            odoo.tools.config.parse_config(["-c", %r, "-d", %r, "--log-level=critical"])
            with api.Environment.manage(), odoo.registry(%r).cursor() as cr:
                cr.execute("SET lock_timeout = 100")
                env = api.Environment(cr, SUPERUSER_ID, {})
                with env.norecompute():
                    env["res.partner"].browse(%d).write({"name": "Left to recompute"})
                    assert env.all.todo
                    try:
                        model.execute_cr(cr, SUPERUSER_ID, "res.partner", "write", [%d], {"name": "Locked"})
                    except psycopg2.OperationalError:
                        pass
                    assert not env.all.todo, "pending recomputations: %%s" %% env.all.todo
                cr.rollback()
            """ % (config, database, database, other, locked),
            "rpc_retry",
            "pending recomputations",
        )
