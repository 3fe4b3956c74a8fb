#!/usr/bin/env python3
"""Fake queue worker: python3 /app/worker.py --queue=NAME [--stubborn]

On SIGTERM it writes /tmp/worker-<pid>.drained and exits (graceful drain).
With --stubborn it ignores SIGTERM (simulates a hung worker)."""
import os, signal, sys, time

def drain(signum, frame):
    with open(f"/tmp/worker-{os.getpid()}.drained", "w") as f:
        f.write("drained\n")
    sys.exit(0)

signal.signal(signal.SIGTERM, signal.SIG_IGN if "--stubborn" in sys.argv else drain)
while True:
    time.sleep(0.2)
