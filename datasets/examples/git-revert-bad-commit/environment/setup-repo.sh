#!/bin/bash
# Builds the starting repository: five commits on main, the 3rd of which breaks divide().
set -euo pipefail
export GIT_AUTHOR_NAME="Dana Dev" GIT_AUTHOR_EMAIL="dana@example.com"
export GIT_COMMITTER_NAME="Dana Dev" GIT_COMMITTER_EMAIL="dana@example.com"
git config --global user.name "Dana Dev"; git config --global user.email "dana@example.com"
git config --global init.defaultBranch main
mkdir -p /app/repo && cd /app/repo && git init -q
d=1700000000
commit() { GIT_AUTHOR_DATE="@$d +0000" GIT_COMMITTER_DATE="@$d +0000" git commit -qm "$1"; d=$((d+3600)); }
cat > calc.py <<'PY'
"""Tiny arithmetic helpers used by the billing service."""


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def divide(a, b):
    if b == 0:
        raise ZeroDivisionError("division by zero")
    return a / b
PY
cat > test_calc.py <<'PY'
import pytest
import calc


def test_add():
    assert calc.add(2, 3) == 5


def test_sub():
    assert calc.sub(2, 3) == -1


def test_divide():
    assert calc.divide(7, 2) == 3.5
    assert calc.divide(-9, 4) == -2.25


def test_divide_by_zero():
    with pytest.raises(ZeroDivisionError):
        calc.divide(1, 0)
PY
printf '# calc\n\nArithmetic helpers.\n' > README.md
printf '__pycache__/\n.pytest_cache/\n' > .gitignore
git add -A; commit "Initial project"
python3 - <<'PY'
s = open("calc.py").read()
s = s.replace("\n\ndef divide", "\n\ndef multiply(a, b):\n    return a * b\n\n\ndef divide")
open("calc.py", "w").write(s)
open("test_calc.py", "a").write("\n\ndef test_multiply():\n    assert calc.multiply(4, 2.5) == 10\n")
PY
git add -A; commit "Add multiply"
python3 - <<'PY'
s = open("calc.py").read()
s = s.replace("    return a / b", "    # integer maths is faster for the billing batch job\n    return a // b")
open("calc.py", "w").write(s)
PY
git add -A; commit "Speed up divide for batch jobs"
printf '\n## Usage\n\n    from calc import add, divide\n' >> README.md
git add -A; commit "Document usage"
python3 - <<'PY'
s = open("calc.py").read()
s = s.replace("\n\ndef sub", "\n\ndef power(a, n):\n    result = 1\n    for _ in range(n):\n        result *= a\n    return result\n\n\ndef sub")
open("calc.py", "w").write(s)
PY
printf '\n\ndef test_power():\n    assert calc.power(3, 4) == 81\n' >> test_calc.py
git add -A; commit "Add power function"
git log --oneline
