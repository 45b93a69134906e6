"""Prefork workers: the limits Odoo 11 sets on each worker process."""
import math
import resource
import types


def _setrlimit_rounding_up(limit, limits):
    """``resource.setrlimit`` as Python < 3.10 took it: a float limit (Odoo
    adds the worker's CPU seconds used so far, a float, to ``limit_time_cpu``)
    was truncated; Python 3.10 refuses floats. Rounded up, so a worker never
    gets less time than configured."""
    return resource.setrlimit(limit, tuple(
        math.ceil(value) for value in limits
    ))


def patch_worker_rlimits(server_module):
    """``odoo.service.server`` (``Worker.process_limit``) calls
    ``resource.setrlimit(RLIMIT_CPU, (cpu_time + limit_time_cpu, hard))`` and
    every worker died at start: it gets a ``resource`` of its own whose
    ``setrlimit`` accepts floats, the interpreter's module is left as it is."""
    lenient = types.ModuleType("resource")
    lenient.__dict__.update(vars(resource))
    lenient.setrlimit = _setrlimit_rounding_up
    server_module.resource = lenient
