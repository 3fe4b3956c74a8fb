import pytest
from invoicing import Invoice, Line, merge, round_half_up


def test_round_half_up():
    assert round_half_up(2.5) == 3
    assert round_half_up(3.5) == 4
    assert round_half_up(2.4999) == 2
    assert round_half_up(0) == 0


def test_line_without_discount():
    assert Line("A", 3, 250).total() == 750


def test_line_with_discount():
    # 2 x 10.00 with 15% off = 17.00
    assert Line("B", 2, 1000, 15).total() == 1700


def test_line_discount_rounds_half_up():
    # 1 x 0.25 with 50% off = 12.5 cents -> 13
    assert Line("C", 1, 25, 50).total() == 13


def test_invoice_total_with_tax():
    inv = Invoice("acme").add("A", 3, 250).add("B", 2, 1000, 15)
    assert inv.subtotal() == 2450
    assert inv.tax(20) == 490
    assert inv.total(20) == 2940


def test_qty_must_be_positive():
    with pytest.raises(ValueError):
        Invoice("acme").add("A", 0, 100)


def test_merge_does_not_modify_inputs():
    a = Invoice("acme").add("A", 1, 100)
    b = Invoice("acme").add("B", 1, 200)
    m = merge([a, b], customer="acme-group")
    assert m.subtotal() == 300
    assert m.customer == "acme-group"
    assert a.customer == "acme" and len(a.lines) == 1
    assert len(b.lines) == 1
