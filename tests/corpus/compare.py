#!/usr/bin/env python3
"""Nothing lost: compares a workbook before and after a write, with Python's own zip and XML
readers (no code or library of the add-in).

Usage: compare.py BEFORE.xlsx AFTER.xlsx ALLOWED.json
ALLOWED.json: {"cells": {"xl/worksheets/sheet5.xml": ["H3", ...]}} lists the cells the write
was meant to change. Prints one line per problem; exits 1 when anything was lost or changed
outside what a write of the add-in may change, 0 otherwise.

What a write may change in a part it edits: elements may be added; a `count` attribute may
change; a row's spans and height; a dimension's, table's or filter's ref; calcPr's
fullCalcOnLoad; column ranges may be split (compared column by column); the add-in's own
highlights (conditional formats whose formula is LEN("sổ theo dõi: ...")>0) may go.
"""
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from collections import Counter

MAY_CHANGE = {
    "dimension": {"ref"},
    "row": {"spans", "ht", "customHeight"},
    "table": {"ref"},
    "autoFilter": {"ref"},
    "calcPr": {"fullCalcOnLoad"},
}
MARK = re.compile(r'^LEN\("sổ theo dõi: [^"]+"\)>0$')


def local(tag):
    return tag.rsplit("}", 1)[-1]


def canonical(e):
    attrs = "".join(f' {k}="{v}"' for k, v in sorted(e.attrib.items()))
    inner = "".join(canonical(c) for c in e) if len(e) else (e.text or "")
    return f"<{e.tag}{attrs}>{inner}</{e.tag}>"


def is_mark(e):
    if local(e.tag) != "conditionalFormatting":
        return False
    rules = list(e)
    return bool(rules) and all(any(local(f.tag) == "formula" and MARK.match((f.text or "").strip()) for f in r) for r in rules)


def signatures(root, allowed_cells, skip_marks):
    """Every element as (path, attributes that may not change, own text); cells whole."""
    out = Counter()
    cols = {}

    def walk(e, path, parent=""):
        name = local(e.tag)
        if skip_marks and is_mark(e):
            return
        if name == "col" and parent == "cols":
            lo, hi = int(e.get("min")), int(e.get("max"))
            for i in range(lo, min(hi, lo + 16384) + 1):
                cols[i] = {k: v for k, v in e.attrib.items() if k not in ("min", "max")}
            return
        if name == "c" and parent == "row":
            ref = e.get("r")
            if ref in allowed_cells:
                return
            out[(path, canonical(e))] += 1
            return
        keep = {k: v for k, v in e.attrib.items() if k != "count" and k not in MAY_CHANGE.get(name, set())}
        text = (e.text or "") if len(e) == 0 else ""
        out[(path + "/" + e.tag, tuple(sorted(keep.items())), text)] += 1
        for c in e:
            walk(c, path + "/" + e.tag, name)

    walk(root, "")
    return out, cols


def main():
    before, after, allowed_path = sys.argv[1:4]
    allowed = json.load(open(allowed_path, encoding="utf-8")).get("cells", {})
    problems = []
    za, zb = zipfile.ZipFile(before), zipfile.ZipFile(after)
    names_b = set(zb.namelist())
    for name in za.namelist():
        if name.endswith("/"):
            continue
        if name not in names_b:
            problems.append(f"{name}: part lost")
            continue
        a, b = za.read(name), zb.read(name)
        if a == b:
            continue
        if not re.search(r"\.(xml|rels)$", name, re.I):
            problems.append(f"{name}: binary part changed")
            continue
        try:
            ra, rb = ET.fromstring(a), ET.fromstring(b)
        except ET.ParseError as err:
            problems.append(f"{name}: XML unreadable ({err})")
            continue
        cells = set(allowed.get(name, []))
        sa, cols_a = signatures(ra, cells, True)
        sb, cols_b = signatures(rb, cells, False)
        missing = sa - sb
        for sig, n in list(missing.items())[:5]:
            problems.append(f"{name}: lost or changed x{n}: {str(sig)[:300]}")
        for col, attrs in cols_a.items():
            now = cols_b.get(col)
            if now is None:
                problems.append(f"{name}: column {col} settings lost")
                continue
            for k, v in attrs.items():
                if now.get(k) != v and k not in ("width", "customWidth", "style"):
                    problems.append(f"{name}: column {col} {k} changed")
    names_a = set(za.namelist())
    for name in zb.namelist():
        changed = name not in names_a or za.read(name) != zb.read(name)
        if changed and re.search(r"\.(xml|rels)$", name, re.I):
            try:
                ET.fromstring(zb.read(name))
            except ET.ParseError as err:
                problems.append(f"{name}: written XML unreadable ({err})")
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
