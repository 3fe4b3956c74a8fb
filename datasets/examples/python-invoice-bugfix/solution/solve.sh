#!/bin/bash
set -euo pipefail
cd /app/invoicing
python3 - <<'PY'
s = open("invoicing.py").read()
s = s.replace('''    return round(value)''', '''    import math
    return int(math.floor(value + 0.5))''')
s = s.replace("return round_half_up(gross * self.discount_pct / 100)",
              "return round_half_up(gross * (100 - self.discount_pct) / 100)")
s = s.replace('''    result = invoices[0]
    if customer:
        result.customer = customer
    for inv in invoices[1:]:
        result.lines.extend(inv.lines)
    return result''', '''    result = Invoice(customer if customer is not None else invoices[0].customer)
    for inv in invoices:
        result.lines.extend(inv.lines)
    return result''')
open("invoicing.py", "w").write(s)
PY
python3 -m pytest -q -p no:cacheprovider
