#!/bin/bash
set -euo pipefail
cat > /app/rotate-backups.sh <<'SH'
#!/bin/bash
# rotate-backups.sh DIR KEEP
# Keep the KEEP newest backups in DIR and delete older ones.
# Backups are named backup-YYYYMMDD-HHMMSS.tar.gz; the timestamp in the name
# is authoritative (file mtimes are unreliable after restores/copies).
# Every other file in DIR must be left alone.
set -u
DIR=${1-}
KEEP=${2-}

if [[ ! $KEEP =~ ^[0-9]+$ ]]; then echo "KEEP must be a non-negative integer" >&2; exit 2; fi
if [ ! -d "$DIR" ]; then echo "not a directory: $DIR" >&2; exit 2; fi
KEEP=$((10#$KEEP))

backups=()
for p in "$DIR"/backup-*.tar.gz; do
    f=${p##*/}
    [[ $f =~ ^backup-[0-9]{8}-[0-9]{6}\.tar\.gz$ ]] || continue
    [ -f "$p" ] && [ ! -L "$p" ] || continue
    backups+=("$f")
done
# names sort chronologically because the timestamp is fixed-width
mapfile -t sorted < <(printf '%s\n' "${backups[@]+"${backups[@]}"}" | sed '/^$/d' | LC_ALL=C sort)
n=${#sorted[@]}
del=$(( n > KEEP ? n - KEEP : 0 ))
for (( i = 0; i < del; i++ )); do
    echo "removing ${sorted[i]}"
    rm -f -- "$DIR/${sorted[i]}"
done
exit 0
SH
chmod 755 /app/rotate-backups.sh
