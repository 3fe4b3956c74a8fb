#!/bin/bash
set -euo pipefail
sqlite3 -csv -header /app/shop.db > /app/top_customers.csv <<'SQL'
WITH ord AS (
  SELECT o.id, o.customer_id, SUM(i.qty * i.unit_price_cents) AS cents
  FROM orders o JOIN order_items i ON i.order_id = o.id
  WHERE o.status = 'paid' AND o.placed_at >= '2023-01-01 00:00:00' AND o.placed_at <= '2023-12-31 23:59:59'
  GROUP BY o.id
)
SELECT c.id AS customer_id, c.name AS name, COUNT(*) AS orders,
       printf('%.2f', SUM(ord.cents) / 100.0) AS total_eur
FROM ord JOIN customers c ON c.id = ord.customer_id
GROUP BY c.id
ORDER BY SUM(ord.cents) DESC, c.id ASC
LIMIT 10;
SQL
# sqlite's csv mode writes CRLF line endings; normalise to LF
sed -i 's/\r$//' /app/top_customers.csv
cat /app/top_customers.csv
