#!/usr/bin/env python3
"""Build the word lists the de-identification check reads (content/deid/*.txt).

Not needed to build or test Attune: the lists it writes are committed. Run it again only
to change how they are made. Sources (see docs/deid.md for their licences):

- the US Census Bureau's 1990 name files (public domain), as shipped in the PyPI package
  `names` 0.3.0 (MIT): dist.male.first, dist.female.first, dist.all.last;
- SCOWL's American English word list (size 50), as shipped in Debian's `wamerican`
  package: /usr/share/dict/american-english.

Rebuild:

    pip download names==0.3.0 --no-deps -d /tmp/names
    apt-get install -y wamerican
    python3 scripts/deid-lists.py /tmp/names/names-0.3.0.tar.gz

Writes, one lower-case word a line after a `#` header:

- first-names.txt   every Census first name, most common first (the line is its rank);
- surnames.txt      the 10,000 most common Census surnames, most common first;
- english-words.txt ordinary (lower-case) dictionary words, leaving out the regular
                    inflections the check derives itself (see `bases` below, mirrored by
                    `inflection_bases` in src/deid/lexicon.rs: change both together)
                    unless they are also first names or surnames (reading, hunter);
- proper-nouns.txt  capitalised dictionary entries (places, brands, nationalities, ...)
                    that are neither ordinary words nor Census first names.
"""
import os
import sys
import tarfile

DICTIONARY = "/usr/share/dict/american-english"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "content", "deid")
SURNAMES_KEPT = 10_000


def bases(w):
    """Candidate base forms of `w` if it is a regular inflection (cried -> cry, walking ->
    walk, stopped -> stop, babies -> baby). Must match inflection_bases in lexicon.rs."""
    out = []

    def stem(suffix):
        if w.endswith(suffix) and len(w) - len(suffix) >= 2:
            return w[: -len(suffix)]
        return None

    for suffix in ("ies", "ied", "ier", "iest", "ily"):
        s = stem(suffix)
        if s:
            out.append(s + "y")
    s = stem("es")
    if s:
        out.append(s)
    if not w.endswith("ss"):
        s = stem("s")
        if s:
            out.append(s)
    for suffix in ("ed", "ing", "er", "est"):
        s = stem(suffix)
        if s:
            out.append(s)
            out.append(s + "e")
            if len(s) >= 3 and s[-1] == s[-2]:
                out.append(s[:-1])
    s = stem("ly")
    if s:
        out.append(s)
    return out


def census_files(source):
    """The three Census files, from the sdist (.tar.gz) or an unpacked folder."""
    wanted = ("dist.male.first", "dist.female.first", "dist.all.last")
    files = {}
    if os.path.isdir(source):
        for root, _, names in os.walk(source):
            for n in names:
                if n in wanted:
                    with open(os.path.join(root, n), encoding="latin-1") as f:
                        files[n] = f.read()
    else:
        with tarfile.open(source) as tar:
            for member in tar.getmembers():
                name = os.path.basename(member.name)
                if name in wanted:
                    files[name] = tar.extractfile(member).read().decode("latin-1")
    missing = [w for w in wanted if w not in files]
    if missing:
        sys.exit(f"not found in {source}: {', '.join(missing)}")
    return files


def rows(text):
    """(name, percent of people, rank) per line of a Census file."""
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 4:
            yield parts[0].lower(), float(parts[1]), int(parts[3])


def write(name, header, words):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as f:
        for line in header.strip().splitlines():
            f.write(f"# {line}".rstrip() + "\n")
        for w in words:
            f.write(w + "\n")
    print(f"{path}: {len(words)} words, {os.path.getsize(path)} bytes")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    census = census_files(sys.argv[1])
    common = set()
    with open(os.path.join(OUT, "common-words.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                common.add(line)

    share = {}
    for file in ("dist.male.first", "dist.female.first"):
        for name, percent, _ in rows(census[file]):
            share[name] = max(share.get(name, 0.0), percent)
    first = sorted(share, key=lambda n: (-share[n], n))
    surnames = [n for n, _, rank in sorted(rows(census["dist.all.last"]), key=lambda r: r[2])]
    surnames = surnames[:SURNAMES_KEPT]

    with open(DICTIONARY, encoding="utf-8") as f:
        entries = [l.strip() for l in f if l.strip() and "'" not in l]
    lower = {w for w in entries if w == w.lower()}
    # Inflections that are also names stay listed, so that the check can tell a real
    # word (reading, hunter) from a name that only looks like one (Harding).
    first_set = set(first)
    names = first_set | set(surnames)
    kept = set()
    for w in sorted(lower, key=lambda w: (len(w), w)):
        if w in names or not any(b in kept for b in bases(w)):
            kept.add(w)
    proper = sorted(
        {w.lower() for w in entries if w[0].isupper()}
        - lower
        - first_set
        - common
    )

    census_note = """Source: US Census Bureau, 1990 census name files (public domain), as shipped
in the PyPI package `names` 0.3.0 (MIT). Built by scripts/deid-lists.py; do not edit."""
    scowl_note = """Source: SCOWL American English, size 50 (Kevin Atkinson and others; permissive
licence, see docs/deid.md), as shipped in Debian's `wamerican` package
(/usr/share/dict/american-english). Built by scripts/deid-lists.py; do not edit."""
    write(
        "first-names.txt",
        f"First names, most common first (male and female lists merged by share).\n{census_note}",
        first,
    )
    write(
        "surnames.txt",
        f"The {SURNAMES_KEPT:,} most common surnames, most common first.\n{census_note}",
        surnames,
    )
    write(
        "english-words.txt",
        "Ordinary English words (dictionary entries written in lower case), without the\n"
        "regular inflections the check derives itself (cried, walking, babies).\n" + scowl_note,
        sorted(kept),
    )
    write(
        "proper-nouns.txt",
        "Capitalised dictionary entries that are neither ordinary words nor Census first\n"
        "names: places, brands, nationalities, historical surnames.\n" + scowl_note,
        proper,
    )


if __name__ == "__main__":
    main()
