#!/bin/bash
set -euo pipefail
cat > /app/service/orders.ini <<'INI'
; orders-api configuration (managed by hand, see app.py for the schema)

[server]
host = 0.0.0.0
port = 8080
workers = 4

[database]
url = postgresql://orders@db.internal:5432/orders
pool_size = 20
timeout = 30

[logging]
level = INFO
file = /var/log/orders/api.log
INI
python3 /app/service/app.py --check
