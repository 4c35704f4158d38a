#!/usr/bin/env bash
# Attune beside jrnl 4.6, the encrypted command-line journal a person might pick instead:
# same machine, same run, same generated entries, whole-process wall times.
#
#   bash scripts/bench-vs-jrnl.sh            # N = 10,000 entries
#   bash scripts/bench-vs-jrnl.sh 1000       # another N
#
# What it does, in a throwaway folder under $ATTUNE_SCALE_DIR (default: the system
# temporary folder), deleted afterwards:
# 1. installs jrnl 4.6 from PyPI into a new virtualenv there;
# 2. builds the attune CLI (release, `test-kdf` feature, without PDF printing, which these
#    commands do not use);
# 3. writes N generated entries of 150 to 300 words (exactly 1% contain "lullaby", a
#    word found nowhere else) once, in jrnl's own plain-text format;
# 4. jrnl: takes that file as its journal and runs `jrnl --encrypt` once, typing the
#    password at a pseudo-terminal. Later jrnl runs get the password the way a person
#    who saved it in their keychain does: through Python's keyring, here a backend in
#    the scratch folder that hands it over (no prompt, no network);
# 5. attune: `init` with the fast test key derivation (ATTUNE_TEST_FAST_KDF=1: Argon2id
#    at 256 KiB, one pass) and `import-journal` of the same file (so both journals
#    hold the same texts), the passphrase from ATTUNE_PASSPHRASE_FILE on every command;
# 6. times medians of 5 whole-process runs of: search one word (every hit printed by
#    both, as JSON), list the newest 20, add one entry; and the peak memory (RSS) of one search under /usr/bin/time -v.
#
# Key derivation, said plainly: jrnl has no fast or test setting; its journals use
# PBKDF2-HMAC-SHA256 with 100,000 iterations on every run (tens of milliseconds).
# Attune's real derivation (Argon2id calibrated to about 0.75 s) is NOT what runs here:
# the test one does. A person without `attune unlock` pays the real one per command; with
# `eval "$(attune unlock)"` a shell pays it once (a third attune column shows that path).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -x "$HOME/.cargo/bin/cargo" ]; then export PATH="$HOME/.cargo/bin:$PATH"; fi
N="${1:-10000}"

scratch_parent="${ATTUNE_SCALE_DIR:-${TMPDIR:-/tmp}}"
scratch="$(mktemp -d "$scratch_parent/attune-vs-jrnl.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

echo "== jrnl 4.6 into a throwaway virtualenv"
python3 -m venv "$scratch/venv"
"$scratch/venv/bin/pip" install --quiet --disable-pip-version-check "jrnl==4.6"
"$scratch/venv/bin/jrnl" --version > "$scratch/jrnl-version.txt"
head -1 "$scratch/jrnl-version.txt"

echo "== attune CLI (release, test-kdf, no print)"
cargo build --release --locked --bin attune --no-default-features --features cli,test-kdf
attune_bin="$PWD/target/release/attune"

echo
echo "== Machine"
echo "date:     $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
echo "commit:   $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
echo "cpu:      $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') ($(nproc) logical cores)"
echo "kernel:   $(uname -sr); scratch on $(df -PT "$scratch" | awk 'NR == 2 {print $2}')"
echo "python:   $("$scratch/venv/bin/python" --version)"
echo "load avg: $(cut -d' ' -f1-3 /proc/loadavg) (before)"

"$scratch/venv/bin/python" - "$N" "$scratch" "$attune_bin" <<'PY'
import os, pty, random, select, statistics, subprocess, sys, time

n, scratch, attune = int(sys.argv[1]), sys.argv[2], sys.argv[3]
RUNS = 5
PASSWORD = "bench passphrase for both journals"

# -- 1. The entries, once, in jrnl's plain-text format ---------------------------------
WORDS = ("the baby mother father home visit sleep feeding cry held quiet room floor toy "
         "look smile turn reach hand voice breath worry calm tired morning evening week "
         "nurse clinic plan notice wonder feel felt heavy light slow together apart safe "
         "moment pause story listen watched carried rocked settled brother sister grandmother "
         "kitchen window blanket bottle diaper bath song window chair step door").split()
rng = random.Random(17)
rare = set(rng.sample(range(n), max(1, n // 100)))
text_path = os.path.join(scratch, "journal.txt")
with open(text_path, "w") as f:
    for i in range(n):
        words = [rng.choice(WORDS) for _ in range(rng.randint(150, 300))]
        if i in rare:
            words[rng.randrange(len(words))] = "lullaby"
        sentences, cur = [], []
        for w in words:
            cur.append(w)
            if len(cur) >= rng.randint(8, 16):
                sentences.append(" ".join(cur).capitalize() + ".")
                cur = []
        if cur:
            sentences.append(" ".join(cur).capitalize() + ".")
        day = 1_600_000_000 + i * 3 * 3600
        stamp = time.strftime("%Y-%m-%d %H:%M", time.gmtime(day))
        title = f"Visit {i}."
        f.write(f"[{stamp}] {title} {' '.join(sentences)}\n\n")
print(f"\n== {n} entries written in jrnl's text format: {os.path.getsize(text_path) / 1e6:.1f} MB, "
      f"{len(rare)} with the searched word")

# -- 2. jrnl: its config, `jrnl --encrypt` once at a pseudo-terminal --------------------
jrnl = os.path.join(scratch, "venv", "bin", "jrnl")
jrnl_file = os.path.join(scratch, "jrnl-journal.txt")
with open(text_path) as src, open(jrnl_file, "w") as dst:
    dst.write(src.read())
conf_home = os.path.join(scratch, "config")
os.makedirs(os.path.join(conf_home, "jrnl"))
with open(os.path.join(conf_home, "jrnl", "jrnl.yaml"), "w") as f:
    f.write(f"""colors: {{body: none, date: none, tags: none, title: none}}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default: {{journal: {jrnl_file}}}
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: v4.6
""")
keyring_dir = os.path.join(scratch, "keyring")
os.makedirs(keyring_dir)
with open(os.path.join(keyring_dir, "benchkeyring.py"), "w") as f:
    f.write("""import os
from keyring.backend import KeyringBackend
class EnvKeyring(KeyringBackend):
    priority = 1
    def get_password(self, service, username):
        return os.environ.get("BENCH_JRNL_PASSWORD")
    def set_password(self, service, username, password):
        pass
    def delete_password(self, service, username):
        pass
""")
jenv = dict(os.environ, XDG_CONFIG_HOME=conf_home, XDG_DATA_HOME=os.path.join(scratch, "data"),
            PYTHONPATH=keyring_dir, PYTHON_KEYRING_BACKEND="benchkeyring.EnvKeyring",
            NO_COLOR="1", TERM="dumb")

def encrypt_at_a_terminal():
    env = dict(jenv)
    env.pop("PYTHON_KEYRING_BACKEND")  # --encrypt asks for a new password anyway
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(jrnl, [jrnl, "--encrypt"], env)
    seen, answered = b"", 0
    deadline = time.time() + 600
    while time.time() < deadline:
        r, _, _ = select.select([fd], [], [], 1.0)
        if not r:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        low = seen.lower()
        if answered < 2 and low.count(b"password") > answered:
            # getpass flushes what was typed before it turned echo off: answer only
            # once the prompt has settled.
            time.sleep(0.5)
            os.write(fd, (PASSWORD + "\n").encode())
            answered += 1
        elif answered == 2 and (b"keychain" in low or b"[y/n]" in low):
            os.write(fd, b"n\n")
            answered = 3
    _, status = os.waitpid(pid, 0)
    if status != 0:
        sys.exit(f"jrnl --encrypt failed: {seen[-500:]!r}")

t0 = time.perf_counter()
encrypt_at_a_terminal()
print(f"jrnl --encrypt: {time.perf_counter() - t0:.1f} s")
jenv["BENCH_JRNL_PASSWORD"] = PASSWORD

# -- 3. attune: a test-KDF journal, the same file imported ------------------------------
adir = os.path.join(scratch, "attune-journal")
pass_file = os.path.join(scratch, "attune.pass")
with open(pass_file, "w") as f:
    f.write(PASSWORD + "\n")
aenv = {k: v for k, v in os.environ.items() if not k.startswith("ATTUNE_")}
aenv.update(ATTUNE_PASSPHRASE_FILE=pass_file, ATTUNE_TEST_FAST_KDF="1")
subprocess.run([attune, "--journal", adir, "init"], env=aenv, check=True, stdout=subprocess.DEVNULL)
t0 = time.perf_counter()
subprocess.run([attune, "--journal", adir, "import-journal", text_path, "--format", "jrnl"],
               env=aenv, check=True, stdout=subprocess.DEVNULL)
print(f"attune import-journal: {time.perf_counter() - t0:.1f} s")
# A session (the path a shell takes after `eval "$(attune unlock)"`).
runtime = os.path.join(scratch, "run")
os.makedirs(runtime, mode=0o700)
os.chmod(runtime, 0o700)
aenv["XDG_RUNTIME_DIR"] = runtime
out = subprocess.run([attune, "--journal", adir, "--json", "unlock"], env=aenv, check=True,
                     capture_output=True, text=True).stdout
import json
senv = {k: v for k, v in aenv.items() if k != "ATTUNE_PASSPHRASE_FILE"}
senv["ATTUNE_SESSION"] = json.loads(out)["session"]
# The session lasts the journal's auto-lock time (5 minutes by default): unlock again
# before each operation so none runs into its end.
def refresh_session():
    out = subprocess.run([attune, "--journal", adir, "--json", "unlock"], env=aenv, check=True,
                         capture_output=True, text=True).stdout
    senv["ATTUNE_SESSION"] = json.loads(out)["session"]

# -- 4. The runs ------------------------------------------------------------------------
def run(cmd, env, stdin=None):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, env=env, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    took = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit(f"{cmd[:4]} failed ({p.returncode}): {p.stderr.strip()[:300]}")
    return took, p.stdout

def median(cmd, env, check=None):
    times = []
    for _ in range(RUNS):
        took, out = run(cmd, env)
        if check:
            check(out)
        times.append(took)
    return statistics.median(times)

def peak_rss_mib(cmd, env):
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True, check=True)
    for line in p.stderr.splitlines():
        if "Maximum resident set size" in line:
            return int(line.split(":")[1]) / 1024
    sys.exit("no RSS from /usr/bin/time")

hits = len(rare)
def jrnl_found(out):
    c = len(json.loads(out)["entries"])
    if c != hits:
        sys.exit(f"jrnl search found {c} of {hits}")
def attune_found(out):
    c = json.loads(out)["total"]
    if c != hits:
        sys.exit(f"attune search found {c} of {hits}")

A = [attune, "--journal", adir]
ops = [
    ("search one word (1% hits)",
     [jrnl, "-contains", "lullaby", "--format", "json"], jrnl_found,
     A + ["--json", "search", "lullaby", "--limit", str(hits)], attune_found),
    ("list the newest 20", [jrnl, "-n", "20"], None, A + ["list", "--limit", "20"], None),
]
rows = []
for name, jcmd, jcheck, acmd, acheck in ops:
    j = median(jcmd, jenv, jcheck)
    a = median(acmd, aenv, acheck)
    refresh_session()
    s = median(acmd, senv, acheck)
    rows.append((name, j, a, s))

body = "A new entry. " + " ".join(rng.choice(WORDS) for _ in range(200))
body_file = os.path.join(scratch, "body.txt")
with open(body_file, "w") as f:
    f.write(body + "\n")
j = median([jrnl, body], jenv)
a = median(A + ["add", "--title", "A new entry", "--body-file", body_file], aenv)
refresh_session()
s = median(A + ["add", "--title", "A new entry", "--body-file", body_file], senv)
rows.insert(0, ("add one entry", j, a, s))

jr = peak_rss_mib([jrnl, "-contains", "lullaby"], jenv)
ar = peak_rss_mib(A + ["search", "lullaby", "--limit", str(hits)], aenv)
refresh_session()
sr = peak_rss_mib(A + ["search", "lullaby", "--limit", str(hits)], senv)

def ms(x):
    return f"{x * 1000:,.0f} ms" if x < 10 else f"{x:,.1f} s"
print(f"\n== N = {n:,}, medians of {RUNS} whole-process runs; load avg {open('/proc/loadavg').read().split()[0]} (1 min) after")
print("| operation | jrnl 4.6 | attune (passphrase, test KDF) | jrnl / attune | attune (session) |")
print("|---|---|---|---|---|")
for name, j, a, s in rows:
    print(f"| {name} | {ms(j)} | {ms(a)} | {j / a:.1f}x | {ms(s)} |")
print(f"| peak memory of search | {jr:.0f} MiB | {ar:.0f} MiB | {jr / ar:.1f}x | {sr:.0f} MiB |")
PY
