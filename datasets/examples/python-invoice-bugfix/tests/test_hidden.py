import sys
sys.path.insert(0, "/app/invoicing")
from invoicing import Invoice, Line, merge, round_half_up


def test_round_half_up_more():
    assert [round_half_up(x) for x in (0.5, 1.5, 4.5, 10.49, 10.5)] == [1, 2, 5, 10, 11]


def test_discount_100_and_0():
    assert Line("X", 4, 999, 100).total() == 0
    assert Line("X", 4, 999, 0).total() == 3996


def test_tax_rounding():
    inv = Invoice("c").add("A", 1, 5)      # 5 cents, 10% tax = 0.5 -> 1
    assert inv.tax(10) == 1
    assert inv.total(10) == 6


def test_merge_keeps_first_customer_and_order():
    a = Invoice("first").add("A", 1, 100)
    b = Invoice("second").add("B", 2, 50).add("C", 1, 1)
    m = merge([a, b])
    assert m.customer == "first"
    assert [l.sku for l in m.lines] == ["A", "B", "C"]
    assert m is not a and m is not b
    m.add("D", 1, 1)
    assert len(a.lines) == 1 and len(b.lines) == 2


def test_merge_single_invoice_is_a_copy():
    a = Invoice("solo").add("A", 1, 100)
    m = merge([a], customer="other")
    assert a.customer == "solo"
    m.add("B", 1, 1)
    assert len(a.lines) == 1
