"""External RPC calls retried after a serialization failure."""
import functools

from psycopg2 import OperationalError


def _clearing_on_failure(execute_cr):
    @functools.wraps(execute_cr)
    def wrapper(cr, uid, obj, method, *args, **kw):
        import odoo

        try:
            return execute_cr(cr, uid, obj, method, *args, **kw)
        except OperationalError:
            # the retry's environments share the failed attempt's records cache and pending recomputations
            odoo.api.Environment(cr, uid, {}).clear()
            raise
    return wrapper


def patch_rpc_retry(model_module):
    """Not a Python matter: Odoo 11 retries an RPC call (``/jsonrpc``,
    ``/xmlrpc``) that hit a serialization failure on a new cursor, but within
    the same request's environments, so what the failed attempt left to
    recompute is recomputed on its closed cursor and the retry fails with
    "Unable to use a closed cursor". The web client's own retry clears the
    environment first (``odoo.http``); ``odoo.service.model.execute_cr``
    does the same here once the failed attempt's transaction is given up."""
    model_module.execute_cr = _clearing_on_failure(model_module.execute_cr)
