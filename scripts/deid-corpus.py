#!/usr/bin/env python3
"""Turn a marked-up corpus source into the JSON Lines the de-identification tests read.

Source: one synthetic reflection per line, `ID TEXT` (the id, one space, the text); lines starting with `#` and blank
lines are skipped; `\\n` in TEXT is a newline. A planted identifier is written
`[[k:the text]]` with k one of: p phone, e email, a street_address, b birth_date,
r record_number, n person_name, o place (a place or organization that
could identify a family), h social_handle (a handle or profile address). Offsets are written in Unicode code points (Python
string indices), end exclusive.

Usage: scripts/deid-corpus.py tests/deid/corpus/heldout.src > tests/deid/corpus/heldout.jsonl
"""
import json
import re
import sys

KINDS = {
    "p": "phone",
    "e": "email",
    "a": "street_address",
    "b": "birth_date",
    "r": "record_number",
    "n": "person_name",
    "o": "place",
    "h": "social_handle",
}
MARK = re.compile(r"\[\[([peabrnoh]):(.+?)\]\]")


def convert(line):
    ident, raw = line.split(" ", 1)
    raw = raw.replace("\\n", "\n")
    text, spans, pos = "", [], 0
    for m in MARK.finditer(raw):
        text += raw[pos : m.start()]
        start = len(text)
        text += m.group(2)
        spans.append({"kind": KINDS[m.group(1)], "start": start, "end": len(text)})
        pos = m.end()
    text += raw[pos:]
    if "[[" in text or "]]" in text:
        sys.exit(f"{ident}: unbalanced markup")
    return {"id": ident, "text": text, "spans": spans}


def main():
    seen = set()
    with open(sys.argv[1], encoding="utf-8") as src:
        for line in src:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            row = convert(line)
            if row["id"] in seen:
                sys.exit(f"duplicate id {row['id']}")
            seen.add(row["id"])
            print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
