#!/bin/bash
# rotate-backups.sh DIR KEEP
# Keep the KEEP newest backups in DIR and delete older ones.
# Backups are named backup-YYYYMMDD-HHMMSS.tar.gz; the timestamp in the name
# is authoritative (file mtimes are unreliable after restores/copies).
# Every other file in DIR must be left alone.

DIR=$1
KEEP=$2

cd $DIR
for f in $(ls -t backup-* | tail -n +$KEEP); do
    echo "removing $f"
    rm $f
done
