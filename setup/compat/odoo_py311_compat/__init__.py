"""Run the unmodified Odoo 11.0 server on Python 3.11.

Odoo 11 was written for Python 3.5-3.7. This package restores, by
monkeypatching at import time, what newer Pythons and libraries removed or
changed. Installed files are never edited.

The project's virtualenv loads it from a ``.pth`` file, before anything imports
``odoo``. Every patch has a name; ``ODOO_PY311_COMPAT_SKIP`` (a comma separated
list of names, or ``all``) leaves patches out, which is how the tests prove that
each one is needed.
"""
import os

from . import etree, hooks, qweb, retry, safe_eval, stdlib, workers

#: name -> function applying the patch; module patches register post-import hooks
PATCHES = {
    "collections": stdlib.patch_collections_abc_aliases,
    "inspect": stdlib.patch_inspect_argspec,
    "base64": stdlib.patch_base64_string_aliases,
    "threading": stdlib.patch_thread_is_alive,
    "yaml": stdlib.patch_yaml_default_loader,
    "safe_eval": lambda: hooks.when_imported("odoo.tools.safe_eval", safe_eval.patch_opcodes),
    "qweb": lambda: hooks.when_imported("odoo.addons.base.ir.ir_qweb.qweb", qweb.patch_compile),
    "etree": lambda: hooks.when_imported("odoo.addons.web.controllers.main", etree.patch_element_tree),
    "rlimit": lambda: hooks.when_imported("odoo.service.server", workers.patch_worker_rlimits),
    "rpc_retry": lambda: hooks.when_imported("odoo.service.model", retry.patch_rpc_retry),
}


def skipped_patches():
    """Names of the patches that ``ODOO_PY311_COMPAT_SKIP`` leaves out."""
    names = {name.strip() for name in os.environ.get("ODOO_PY311_COMPAT_SKIP", "").split(",")}
    return set(PATCHES) if "all" in names else names & set(PATCHES)


def install():
    """Apply every patch that is not skipped. Safe to call more than once."""
    skipped = skipped_patches()
    for name, apply_patch in PATCHES.items():
        if name not in skipped:
            apply_patch()


install()
