"""``Element.getchildren()`` of ``xml.etree`` was removed in Python 3.9.

The web client's controller (``odoo/addons/web/controllers/main.py``) joins
the QWeb template files of all addons with the standard library's ElementTree
and ``getchildren()``: without it, ``/web/webclient/qweb`` answers 500 and the
web client cannot start. lxml elements, used everywhere else, still have it.

The patch gives that module an ElementTree whose ``parse()`` builds elements
of a subclass that has ``getchildren()`` again; everything else is the
standard library's.
"""
import types
from xml.etree import ElementTree


class CompatElement(ElementTree.Element):
    def getchildren(self):
        return list(self)


def _parse(source, parser=None):
    if parser is None:
        parser = ElementTree.XMLParser(target=ElementTree.TreeBuilder(element_factory=CompatElement))
    return ElementTree.parse(source, parser)


def compat_element_tree():
    """A stand-in for the ``xml.etree.ElementTree`` module."""
    module = types.ModuleType("ElementTree", __doc__)
    module.__dict__.update(vars(ElementTree))
    module.parse = _parse
    return module


def patch_element_tree(module):
    module.ElementTree = compat_element_tree()
