"""Helpers of the browser tests: the few gestures of the Odoo 11 web client
the tests need (their set-up data goes by JSON-RPC: rma_test_server)."""
import re

#: counts the client's requests in flight, leaving out the bus's long polling
PENDING_REQUESTS_SCRIPT = """
(() => {
    window.__pendingRequests = 0;
    const open = XMLHttpRequest.prototype.open;
    const send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.open = function (method, url) {
        this.__counted = !String(url).includes('/longpolling/');
        return open.apply(this, arguments);
    };
    XMLHttpRequest.prototype.send = function () {
        if (this.__counted) {
            window.__pendingRequests++;
            this.addEventListener('loadend', () => { window.__pendingRequests--; });
        }
        return send.apply(this, arguments);
    };
})();
"""

#: reports each trusted click (a real mouse click, not a script's) to the test
COUNT_CLICKS_SCRIPT = """
document.addEventListener('click', (event) => { if (event.isTrusted) { window.__rmaCountClick(); } }, true);
"""


class WebClient:
    """One user's browser tab on the Odoo web client; collects JavaScript errors."""

    def __init__(self, browser, server, login, password, landing=".o_main_navbar, .o_web_client"):
        """``landing``: what the user's first page shows once logged in (the
        web client; a portal user's ``/my``)."""
        self.server = server
        self.context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
        self.context.add_init_script(PENDING_REQUESTS_SCRIPT)
        # the user's effort: every mouse click in the page, whichever helper or locator made it
        self.clicks = 0
        self.context.expose_binding("__rmaCountClick", self._count_click)
        self.context.add_init_script(COUNT_CLICKS_SCRIPT)
        self.page = self.context.new_page()
        self.page.set_default_timeout(30000)
        self.js_errors = []
        self.page.on("console", lambda message: message.type == "error" and self.js_errors.append(message.text))
        self.page.on("pageerror", lambda error: self.js_errors.append(str(error)))
        self.page.goto(server.url + "/web/login")
        self.page.fill("input[name=login]", login)
        self.page.fill("input[name=password]", password)
        self.page.click("button[type=submit]")
        self.page.wait_for_selector(landing, state="attached")
        self.wait_idle()

    def _count_click(self, _source):
        self.clicks += 1

    def expected_server_error(self, exception):
        """Odoo's client logs the errors it shows in a dialog: take the one
        the test expects out of the JavaScript errors, and only that one."""
        expected = [error for error in self.js_errors if '"name":"%s"' % exception in error]
        assert len(expected) == 1, self.js_errors
        self.js_errors.remove(expected[0])

    def close(self):
        self.context.close()

    def wait_idle(self):
        """Until the client has no request under way and has drawn the result."""
        self.page.wait_for_load_state("load")
        for _round in range(2):
            self.page.wait_for_function("() => window.__pendingRequests === 0")
            self.page.evaluate("() => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 50)))")

    def open_form(self, model, record_id):
        self.page.goto("%s/web#id=%d&model=%s&view_type=form" % (self.server.url, record_id, model))
        self.page.wait_for_selector(".o_form_view")
        self.wait_idle()

    def open_list(self, action_xmlid):
        self.page.goto("%s/web#action=%s" % (self.server.url, action_xmlid))
        self.page.wait_for_selector(".o_list_view, .o_kanban_view")
        self.wait_idle()

    def button(self, label, scope=""):
        """Odoo 11 renders buttons without their method name: find them by label."""
        exactly = re.compile(r"^\s*%s\s*$" % re.escape(label))
        return self.page.locator("%s button:visible" % scope).filter(has_text=exactly)

    def click(self, target):
        """Click a selector or a locator and wait for the client to draw the result."""
        locator = self.page.locator(target) if isinstance(target, str) else target
        locator.click()
        self.wait_idle()

    def click_button(self, label, scope=""):
        self.button(label, scope).first.click()
        self.wait_idle()

    def select_row(self, rows, text, scope=""):
        """Put the row of an editable list that shows ``text`` in edition.
        A first click may only close the row being edited: click again."""
        selected = self.page.locator("%s .o_data_row.o_selected_row" % scope).filter(has_text=text)
        for _attempt in range(3):
            rows.filter(has_text=text).locator("td.o_list_number").first.click()
            self.wait_idle()
            if selected.count():
                break
        selected.wait_for()
        return selected

    def statusbar_value(self):
        """The highlighted step of the form's status bar."""
        return self.page.inner_text(".o_form_statusbar .o_statusbar_status .btn-primary").strip()

    def field_text(self, name):
        """What a form field shows; of a status bar, its highlighted step."""
        field = self.page.locator(".o_form_view .o_field_widget[name='%s']" % name).first
        if "o_statusbar_status" in (field.get_attribute("class") or ""):
            field = field.locator(".btn-primary")
        return field.inner_text().strip()

    def set_many2one(self, name, text, scope=""):
        """Type ``text`` in a many2one field and pick it in the drop-down."""
        self.wait_idle()
        field = self.page.locator("%s .o_field_many2one[name='%s'] input" % (scope, name)).first
        field.click()
        field.fill("")
        field.type(text, delay=20)
        self.page.locator("ul.ui-autocomplete:visible li a", has_text=text).first.click()
        self.wait_idle()

    def dialog_text(self):
        self.page.wait_for_selector(".modal-dialog:visible")
        return self.page.inner_text(".modal-dialog:visible")

    def screenshot(self, path):
        self.wait_idle()
        self.page.screenshot(path=str(path), full_page=False)

    def record_id(self):
        match = re.search(r"[#&]id=(\d+)", self.page.url)
        return int(match.group(1)) if match else None
