"""Standard library and PyYAML names that Odoo 11 uses and Python 3.11 lost."""
import base64
import collections
import collections.abc
import inspect
import threading


def patch_collections_abc_aliases():
    """``collections.Mapping`` & co. moved to ``collections.abc`` (aliases gone in 3.10).

    odoo/tools/misc.py, models.py, http.py and osv/expression.py import them
    from ``collections``.
    """
    for name in collections.abc.__all__:
        if not hasattr(collections, name):
            setattr(collections, name, getattr(collections.abc, name))


ArgSpec = collections.namedtuple("ArgSpec", "args varargs keywords defaults")


def _getargspec(func):
    """The Python 3.5 ``inspect.getargspec`` on top of ``getfullargspec``."""
    spec = inspect.getfullargspec(func)
    return ArgSpec(spec.args, spec.varargs, spec.varkw, spec.defaults)


def _formatargspec(args, varargs=None, varkw=None, defaults=None, *_ignored):
    """Format an argument spec as ``(a, b=1, *args, **kw)`` like Python 3.5 did."""
    defaults = defaults or ()
    first_default = len(args) - len(defaults)
    parts = [
        arg if index < first_default else "%s=%r" % (arg, defaults[index - first_default])
        for index, arg in enumerate(args)
    ]
    if varargs:
        parts.append("*" + varargs)
    if varkw:
        parts.append("**" + varkw)
    return "(%s)" % ", ".join(parts)


def patch_inspect_argspec():
    """``inspect.getargspec``/``formatargspec`` were removed in 3.11.

    odoo/api.py (decorators), http.py (routes) and tools/cache.py (ormcache
    keys: it builds a lambda from ``formatargspec``) use them.
    """
    if not hasattr(inspect, "getargspec"):
        inspect.getargspec = _getargspec
    if not hasattr(inspect, "formatargspec"):
        inspect.formatargspec = _formatargspec


def patch_base64_string_aliases():
    """``base64.encodestring``/``decodestring`` were removed in 3.9 (attachments, mail)."""
    if not hasattr(base64, "encodestring"):
        base64.encodestring = base64.encodebytes
    if not hasattr(base64, "decodestring"):
        base64.decodestring = base64.decodebytes


def patch_thread_is_alive():
    """``Thread.isAlive`` was removed in 3.9 (the hardware proxy drivers poll it)."""
    if not hasattr(threading.Thread, "isAlive"):
        threading.Thread.isAlive = threading.Thread.is_alive


def patch_yaml_default_loader():
    """PyYAML 6 made ``yaml.load``'s Loader mandatory.

    Odoo 11 loads the .yml data and demo files of base and stock with
    ``yaml.load(text)``; its custom tags (``!record``, ``!python``...) are
    registered with ``yaml.add_constructor`` on the default loaders, which
    include ``FullLoader``: the loader PyYAML 5 used when none was given.
    """
    try:
        import yaml
    except ImportError:
        return
    if getattr(yaml.load, "_odoo_py311_compat", False):
        return
    original_load = yaml.load

    def load(stream, Loader=None):
        return original_load(stream, Loader or yaml.FullLoader)

    load._odoo_py311_compat = True
    yaml.load = load
