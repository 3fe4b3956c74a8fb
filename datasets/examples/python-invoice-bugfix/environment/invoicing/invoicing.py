"""Invoice arithmetic. All money amounts are integers in cents."""

from dataclasses import dataclass, field


def round_half_up(value):
    """Round a non-negative number to the nearest integer, halves going up."""
    return round(value)


@dataclass
class Line:
    sku: str
    qty: int
    unit_price: int          # cents
    discount_pct: float = 0  # 0..100

    def total(self):
        gross = self.qty * self.unit_price
        return round_half_up(gross * self.discount_pct / 100)


@dataclass
class Invoice:
    customer: str
    lines: list = field(default_factory=list)

    def add(self, sku, qty, unit_price, discount_pct=0):
        if qty <= 0:
            raise ValueError("qty must be positive")
        self.lines.append(Line(sku, qty, unit_price, discount_pct))
        return self

    def subtotal(self):
        return sum(line.total() for line in self.lines)

    def tax(self, rate_pct):
        return round_half_up(self.subtotal() * rate_pct / 100)

    def total(self, rate_pct):
        return self.subtotal() + self.tax(rate_pct)


def merge(invoices, customer=None):
    """Combine several invoices into a new one (inputs are left unchanged)."""
    result = invoices[0]
    if customer:
        result.customer = customer
    for inv in invoices[1:]:
        result.lines.extend(inv.lines)
    return result
