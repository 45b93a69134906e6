"""The lines table of the RMA form shows the columns that matter to each
role and to the RMA's state; the rest is on the line form, with its labelled
buttons."""
import json

from lxml import etree

from .common import RmaStockAccountCase

#: columns anyone following returns sees, by RMA state (besides the drag handle)
SALES_DRAFT = ["sale_line_id", "product_id", "product_uom_qty", "operation_id", "reason_id", "price_unit",
               "tax_ids", "price_subtotal"]
SALES_APPROVED = ["product_id", "product_uom_qty", "operation_id", "reason_id", "price_subtotal", "state"]
WAREHOUSE = ["qty_received", "qty_accepted", "qty_delivered", "stock_status"]


class TestLineColumns(RmaStockAccountCase):

    def _user(self, login, groups):
        return self.env["res.users"].create({
            "name": login.title(), "login": login,
            "groups_id": [(6, 0, [self.env.ref(group).id for group in groups])],
        })

    def _table(self, user):
        """The lines table of the RMA form as ``user`` gets it."""
        view = self.env["rma.order"].sudo(user).fields_view_get(view_type="form")
        return etree.fromstring(view["fields"]["line_ids"]["views"]["tree"]["arch"])

    def _columns(self, user, state):
        """The columns shown on an RMA in ``state``, in order, and the labels of the row buttons."""
        columns, buttons = [], []
        for node in self._table(user):
            modifiers = json.loads(node.get("modifiers", "{}"))
            # a row's invisible (a domain) hides a button on some rows, never the column
            hidden = modifiers.get("column_invisible", modifiers.get("invisible") is True)
            if isinstance(hidden, list):
                ((_name, operator, value),) = hidden  # parent.state only
                hidden = (state in value) == (operator == "in") if operator in ("in", "not in") \
                    else (state == value) == (operator == "=")
            if hidden is True or node.get("widget") == "handle":
                continue
            (buttons if node.tag == "button" else columns).append(node.get("name") if node.tag == "field"
                                                                   else node.get("string"))
        return columns, buttons

    def test_sales_user_sees_the_return_not_the_warehouse(self):
        user = self._user("rma.sales", ["sales_team.group_sale_salesman", "rma_management.group_rma_user"])
        self.assertEqual(self._columns(user, "draft"), (SALES_DRAFT, []))
        self.assertEqual(self._columns(user, "approved"), (SALES_APPROVED, ["Cancel Line"]))

    def test_warehouse_user_sees_the_goods_with_labelled_actions(self):
        user = self._user("rma.warehouse", ["stock.group_stock_user"])
        columns, buttons = self._columns(user, "approved")
        # the Warehouse Status instead of the line's state: a table that fits the screen
        self.assertEqual(columns, [*SALES_APPROVED[:4], *WAREHOUSE, "price_subtotal"])
        # Create Delivery and Cancel Line on the line form: the table fits the form's sheet
        self.assertEqual(buttons, ["Inspect"])
        self.assertFalse([node for node in self._table(user).iter("button") if node.get("icon")],
                         "no unlabelled icon buttons")
        self.assertEqual(self._columns(user, "draft")[0], SALES_DRAFT, "nothing of the goods before approval")

    def test_accountant_sees_the_credit(self):
        user = self._user("rma.billing", ["account.group_account_invoice", "rma_management.group_rma_user"])
        columns = self._columns(user, "approved")[0]
        self.assertEqual(columns, [*SALES_APPROVED[:3], "credit_policy", SALES_APPROVED[3], "qty_credited",
                                   *SALES_APPROVED[4:]])
        self.assertEqual(self._columns(user, "draft")[0], [*SALES_DRAFT[:4], "credit_policy", *SALES_DRAFT[4:]])

    def test_what_left_the_table_is_on_the_line_form(self):
        user = self._user("rma.all", ["stock.group_stock_user", "account.group_account_invoice"])
        form = etree.fromstring(self.env["rma.order.line"].sudo(user).fields_view_get(view_type="form")["arch"])
        fields = {node.get("name") for node in form.iter("field")}
        self.assertLessEqual({"return_deadline", "lot_ids", "origin_invoice_id", "qty_inspected", "price_unit",
                              "tax_ids", "sale_line_id", "credit_policy", "qty_credited"}, fields)
        labels = {node.get("string") for node in form.find("header").iter("button")}
        self.assertLessEqual({"Inspect", "Create Delivery", "Cancel Line"}, labels)
