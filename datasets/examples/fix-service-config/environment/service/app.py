#!/usr/bin/env python3
"""orders-api launcher.

Usage: app.py [--config PATH] (--check | --dump)

Config file schema (INI, parsed with configparser, strict mode):

  [server]
  host      = IPv4 address to bind, e.g. 0.0.0.0
  port      = integer 1-65535
  workers   = integer 1-64

  [database]
  url       = postgresql://USER@HOST:PORT/DBNAME
  pool_size = integer 1-100
  timeout   = integer seconds, 1-300

  [logging]
  level     = one of DEBUG, INFO, WARNING, ERROR
  file      = absolute path of the log file

Unknown sections or keys are errors. Section and key names are case-sensitive
(keys are written in lower case).
"""
import argparse, configparser, ipaddress, json, re, sys

SCHEMA = {
    "server": {"host": "ipv4", "port": (1, 65535), "workers": (1, 64)},
    "database": {"url": "pgurl", "pool_size": (1, 100), "timeout": (1, 300)},
    "logging": {"level": "level", "file": "abspath"},
}


def load(path):
    cp = configparser.ConfigParser(strict=True, interpolation=None)
    cp.optionxform = str  # keep key case
    with open(path) as f:
        cp.read_file(f)
    errors, cfg = [], {}
    for sec in cp.sections():
        if sec not in SCHEMA:
            errors.append(f"unknown section [{sec}]")
    for sec, keys in SCHEMA.items():
        if not cp.has_section(sec):
            errors.append(f"missing section [{sec}]"); continue
        cfg[sec] = {}
        for k in cp[sec]:
            if k not in keys:
                errors.append(f"[{sec}] unknown key '{k}'")
        for k, kind in keys.items():
            if k not in cp[sec]:
                errors.append(f"[{sec}] missing key '{k}'"); continue
            v = cp[sec][k].strip()
            try:
                if isinstance(kind, tuple):
                    if not re.fullmatch(r"[0-9]+", v):
                        raise ValueError("not an integer")
                    n = int(v)
                    if not kind[0] <= n <= kind[1]:
                        raise ValueError(f"out of range {kind[0]}-{kind[1]}")
                    v = n
                elif kind == "ipv4":
                    ipaddress.IPv4Address(v)
                elif kind == "pgurl":
                    if not re.fullmatch(r"postgresql://[a-z_][a-z0-9_]*@[A-Za-z0-9.-]+:[0-9]+/[a-z_][a-z0-9_]*", v):
                        raise ValueError("not postgresql://USER@HOST:PORT/DBNAME")
                elif kind == "level":
                    if v not in ("DEBUG", "INFO", "WARNING", "ERROR"):
                        raise ValueError("bad level")
                elif kind == "abspath":
                    if not v.startswith("/"):
                        raise ValueError("not absolute")
            except ValueError as e:
                errors.append(f"[{sec}] {k} = {v!r}: {e}")
                continue
            cfg[sec][k] = v
    return cfg, errors


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="/app/service/orders.ini")
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--check", action="store_true")
    g.add_argument("--dump", action="store_true")
    a = ap.parse_args()
    try:
        cfg, errors = load(a.config)
    except configparser.Error as e:
        print(f"config parse error: {e}", file=sys.stderr); return 1
    if errors:
        for e in errors:
            print("config error:", e, file=sys.stderr)
        return 1
    if a.dump:
        print(json.dumps(cfg, sort_keys=True))
    else:
        print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
