"""Post-import hooks: patch a module right after its own code ran.

Patching Odoo modules eagerly would mean importing Odoo from the ``.pth`` file,
long before the server is configured. A finder at the front of ``sys.meta_path``
lets the normal finders locate the module and wraps its loader instead.
"""
import importlib.abc
import sys

_HOOKS = {}


class _PatchingLoader(importlib.abc.Loader):
    def __init__(self, loader, patch):
        self._loader = loader
        self._patch = patch

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        self._patch(module)

    def __getattr__(self, name):
        # get_source, get_code, is_package...: what tracebacks and pkgutil ask
        return getattr(self._loader, name)


class _PostImportFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        patch = _HOOKS.get(fullname)
        if patch is None:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None and spec.loader is not None:
                spec.loader = _PatchingLoader(spec.loader, patch)
                return spec
        return None


_FINDER = _PostImportFinder()


def when_imported(module_name, patch):
    """Call ``patch(module)`` once ``module_name`` is imported (now if it is)."""
    if module_name in sys.modules:
        patch(sys.modules[module_name])
        return
    _HOOKS[module_name] = patch
    if _FINDER not in sys.meta_path:
        sys.meta_path.insert(0, _FINDER)
