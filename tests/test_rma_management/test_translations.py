"""The French, German and Spanish translations of the four addons: complete
against each addon's current template, valid for gettext, and actually used
when the RMA form, the Return Products wizard (and the stock wizards) and the
Return Authorization are shown in those languages."""
import html
import os
import re
import shutil
import subprocess
import unittest

from babel.messages.pofile import read_po
from lxml import etree

from odoo.modules.module import get_module_path
from odoo.tests.common import SavepointCase

ADDONS = ("rma_management", "rma_management_stock", "rma_management_account", "rma_management_stock_account",
          "rma_management_portal")
LANGS = ("fr_FR", "de_DE", "es_ES")
# attributes of views whose value is shown to the user (and translated)
SHOWN_ATTRIBUTES = ("string", "help", "placeholder", "confirm", "sum", "title", "alt", "aria-label")


def _i18n_file(addon, name):
    return os.path.join(get_module_path(addon) or "", "i18n", name)


def _catalog(path):
    with open(path, "rb") as po_file:
        return read_po(po_file)


def _visible_text(term):
    """What the user reads of a term: markup removed, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", term)).split())


def _is_phrase(text):
    """A term of several words without placeholders: one that no language keeps as it is."""
    return len(text.split()) >= 2 and "%" not in text


def _shown_text(markup):
    """All the text of an arch or HTML document plus its visible attributes, normalized."""
    root = etree.fromstring(markup, etree.HTMLParser()) if "<html" in markup[:300].lower() else etree.fromstring(markup)
    chunks = [" ".join(root.itertext())]
    for element in root.iter():
        chunks += [element.get(attribute) for attribute in SHOWN_ATTRIBUTES if element.get(attribute)]
    return " ".join(html.unescape(" ".join(chunks)).split())


def _shown_fields_view(view):
    """The text of a fields_view_get result: its arch, its fields' labels,
    help and choices, and the same for the sub-views of its x2many fields."""
    shown = [_shown_text(view["arch"])]
    for field in view["fields"].values():
        shown += [field.get("string") or "", field.get("help") or ""]
        shown += [label for _value, label in field.get("selection") or []]
        shown += [_shown_fields_view(subview) for subview in (field.get("views") or {}).values()]
    return " ".join(" ".join(shown).split())


class TestTranslationFiles(unittest.TestCase):
    """Each po file translates every term of its addon's current template."""

    def test_every_term_translated(self):
        for addon in ADDONS:
            template = _catalog(_i18n_file(addon, "%s.pot" % addon))
            msgids = [message.id for message in template if message.id]
            self.assertTrue(msgids, addon)
            for lang in LANGS:
                code = lang.split("_")[0]
                path = _i18n_file(addon, "%s.po" % code)
                with self.subTest(addon=addon, lang=code):
                    self.assertTrue(os.path.isfile(path), "%s is missing" % path)
                    catalog = _catalog(path)
                    self.assertEqual(str(catalog.locale), code)
                    untranslated = [msgid for msgid in msgids if msgid not in catalog or not catalog[msgid].string]
                    self.assertFalse(untranslated, "%s: untranslated terms" % path)
                    fuzzy = [message.id for message in catalog if message.id and message.fuzzy]
                    self.assertFalse(fuzzy, "%s: fuzzy terms" % path)
                    english = [msgid for msgid in msgids if _is_phrase(_visible_text(msgid))
                               and _visible_text(catalog[msgid].string) == _visible_text(msgid)]
                    self.assertFalse(english, "%s: terms left in English" % path)

    @unittest.skipUnless(shutil.which("msgfmt"), "gettext's msgfmt is not installed")
    def test_msgfmt_accepts_every_file(self):
        for addon in ADDONS:
            for lang in LANGS:
                path = _i18n_file(addon, "%s.po" % lang.split("_")[0])
                with self.subTest(path=path):
                    check = subprocess.run(
                        ["msgfmt", "-c", "--check-format", "-o", os.devnull, path],
                        capture_output=True, text=True, check=False)
                    self.assertEqual(check.returncode, 0, check.stderr)


class TestTranslatedDocuments(SavepointCase):
    """Installed the way a user does it, each language shows none of our
    English terms on the RMA form, the wizards and the printed authorization."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        installed = cls.env["ir.module.module"].search([("name", "in", ADDONS), ("state", "=", "installed")])
        cls.addons = installed.mapped("name")
        # what the language wizard does (base.language.install.lang_install: load_lang, then each
        # module's po files), for the three languages at once, for our addons and stock only (whose
        # return wizard we extend): all of Odoo's catalogs would take a minute and a half to load
        stock = cls.env["ir.module.module"].search([("name", "=", "stock"), ("state", "=", "installed")])
        (installed | stock)._update_translations(list(LANGS))
        cls.terms = {}  # lang: {visible English text: its visible translation}
        for lang in LANGS:
            cls.terms[lang] = {}
            for addon in cls.addons:
                catalog = _catalog(_i18n_file(addon, "%s.po" % lang.split("_")[0]))
                for message in _catalog(_i18n_file(addon, "%s.pot" % addon)):
                    if message.id:
                        translation = catalog[message.id].string if message.id in catalog else ""
                        cls.terms[lang][_visible_text(message.id)] = _visible_text(translation)
        cls.rma = cls.env.ref("rma_management.rma_demo_approved")

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        # the languages and terms are rolled back: so must be what the registry cached of them
        cls.registry.clear_caches()

    def _assert_translated(self, lang, shown, what):
        left = sorted(source for source, translation in self.terms[lang].items()
                      if _is_phrase(source) and source != translation and source in shown)
        self.assertFalse(left, "%s in %s shows English terms" % (what, lang))

    def _shown_view(self, model, view_xmlid, lang):
        view = self.env[model].with_context(lang=lang).fields_view_get(
            view_id=self.env.ref(view_xmlid).id, view_type="form")
        return _shown_fields_view(view)

    def test_rma_form(self):
        for lang in LANGS:
            with self.subTest(lang=lang):
                shown = self._shown_view("rma.order", "rma_management.view_rma_order_form", lang)
                self.assertIn(self.terms[lang]["Requested Outcome"], shown)
                self._assert_translated(lang, shown, "the RMA form")

    def test_return_products_wizard(self):
        for lang in LANGS:
            with self.subTest(lang=lang):
                shown = self._shown_view("rma.add.sale.lines", "rma_management.view_rma_add_sale_lines_form", lang)
                self.assertIn(self.terms[lang]["Quantity to Return"], shown)
                self._assert_translated(lang, shown, "the Return Products wizard")

    def test_stock_wizards(self):
        if "rma_management_stock" not in self.addons:
            self.skipTest("rma_management_stock is not installed")
        for lang in LANGS:
            for model, view, term in (
                ("rma.inspect", "rma_management_stock.view_rma_inspect_form", "Record Inspection"),
                ("stock.return.picking", "stock.view_stock_return_picking_form", "Create RMA"),
            ):
                with self.subTest(lang=lang, model=model):
                    shown = self._shown_view(model, view, lang)
                    self.assertIn(self.terms[lang][term], shown)
                    self._assert_translated(lang, shown, "the %s wizard" % model)

    def test_return_authorization(self):
        report = self.env.ref("rma_management.action_report_rma")
        for lang in LANGS:
            with self.subTest(lang=lang):
                self.rma.partner_id.lang = lang
                document, _format = report.with_context(lang=lang).render_qweb_html(self.rma.ids)
                shown = _shown_text(document.decode())
                self.assertIn(self.rma.name, shown)
                self.assertIn(self.terms[lang]["Return instructions"], shown)
                self._assert_translated(lang, shown, "the Return Authorization")
