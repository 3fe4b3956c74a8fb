#!/bin/bash
set -euo pipefail
S=/srv/site
chown -R deploy:web "$S"
find "$S" -type d -exec chmod 0755 {} +
find "$S" -type f -exec chmod 0644 {} +
chmod 0755 "$S"/bin/*.sh
chmod 0640 "$S"/conf/site.conf
chown -R svc-web:web "$S"/secrets "$S"/logs
chmod 0700 "$S"/secrets; find "$S"/secrets -type f -exec chmod 0600 {} +
chmod 2770 "$S"/logs;    find "$S"/logs -type f -exec chmod 0660 {} +
