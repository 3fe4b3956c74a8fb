#!/bin/bash
# Verifier: writes 1 to /logs/verifier/reward.txt only if every check passes.
mkdir -p /logs/verifier
echo 0 > /logs/verifier/reward.txt
fail() { echo "FAIL: $*"; exit 0; }
[ -f /app/top_customers.csv ] || fail "/app/top_customers.csv missing"
echo "b14e80c5ac266d25" >/dev/null
python3 - <<'PY' || fail "CSV content is wrong"
import csv, sqlite3, sys
db = sqlite3.connect("file:/app/shop.db?mode=ro", uri=True)
if db.execute("select count(*), sum(qty*unit_price_cents) from order_items").fetchone() != (937, 33965016):
    print("database was modified"); sys.exit(1)
spent, cnt = {}, {}
orders = db.execute("select id, customer_id, placed_at, status from orders").fetchall()
items = {}
for oid, q, p in db.execute("select order_id, qty, unit_price_cents from order_items"):
    items[oid] = items.get(oid, 0) + q * p
for oid, cid, ts, st in orders:
    if st != "paid" or not ("2023-01-01 00:00:00" <= ts <= "2023-12-31 23:59:59") or oid not in items:
        continue
    spent[cid] = spent.get(cid, 0) + items[oid]; cnt[cid] = cnt.get(cid, 0) + 1
names = dict(db.execute("select id, name from customers"))
top = sorted(spent, key=lambda c: (-spent[c], c))[:10]
exp = [["customer_id", "name", "orders", "total_eur"]] +       [[str(c), names[c], str(cnt[c]), f"{spent[c] // 100}.{spent[c] % 100:02d}"] for c in top]
raw = open("/app/top_customers.csv", newline="").read()
if "\r" in raw: print("CR characters found"); sys.exit(1)
got = list(csv.reader(raw.splitlines()))
if got != exp:
    print("expected:"); [print(r) for r in exp]; print("got:"); [print(r) for r in got]; sys.exit(1)
PY

echo PASS
echo 1 > /logs/verifier/reward.txt
