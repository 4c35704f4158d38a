//! How Attune behaves as a journal grows: timings, disk, memory and the CLI, per size.
//!
//! ```sh
//! cargo build --release --bins --examples
//! cargo run --release --example scale -- [SIZE...]    # default: 1000 10000 100000
//! ```
//!
//! For each size this builds a journal of generated entries (fast test KDF) in a
//! temporary folder, then measures it in a fresh child process (so peak memory is that
//! size's alone), then times the release `attune` binary against it as separate
//! processes. Journals go under `$ATTUNE_SCALE_DIR` if set, else the system temporary
//! folder; put them on the disk you want measured (saves are fsynced). The table is
//! Markdown, for pasting into docs/benchmarks.md. Every figure is measured; nothing is
//! estimated.

#[path = "../benches/support/mod.rs"]
mod support;

use std::error::Error;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use attune::journal::{FindRequest, Journal};
use attune::vault::Vault;
use serde::{Deserialize, Serialize};

type Result<T> = std::result::Result<T, Box<dyn Error>>;

const DEFAULT_SIZES: [usize; 3] = [1_000, 10_000, 100_000];
const SAVES: usize = 200;
const FINDS: usize = 30;
const CLI_RUNS: usize = 5;
const PAGE: usize = 50;
/// Unlock is repeated fewer times from this size on (each takes a second or more).
const LARGE_SIZE: usize = 50_000;
const SMALL_UNLOCK_RUNS: usize = 7;
const LARGE_UNLOCK_RUNS: usize = 3;

/// What the child processes report back, as one JSON line after `RESULT `.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Measured {
    build_ms: f64,
    text_bytes_per_entry: u64,
    disk_bytes: u64,
    build_peak_rss: Option<u64>,
    unlock_runs: usize,
    open_ms: f64,
    load_ms: f64,
    save_p50_ms: f64,
    save_p95_ms: f64,
    search_hits: usize,
    search_p50_ms: f64,
    first_page_p50_ms: f64,
    rss_before_unlock: Option<u64>,
    rss_after_load: Option<u64>,
    peak_rss: Option<u64>,
}

/// End-to-end CLI figures (process start to exit), or why there are none.
type CliTimes = std::result::Result<CliFigures, String>;

#[derive(Debug, Clone, Copy)]
struct CliFigures {
    search_ms: f64,
    add_ms: f64,
    list_ms: f64,
    /// Peak RSS of one `attune search` (`/usr/bin/time`), if that tool is there.
    search_peak_rss: Option<u64>,
}

/// Lines shown by `attune list` in the CLI timing.
const LIST_PAGE: usize = 20;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--build") => child_build(&args[1..]),
        Some("--measure") => child_measure(&args[1..]),
        Some("--sample") => {
            let (entry, written) = support::entry(&mut support::Rng::new(1), 37);
            println!("{written}\n{entry:#?}");
            Ok(())
        }
        _ => parent(&args),
    }
}

fn parent(args: &[String]) -> Result<()> {
    let sizes: Vec<usize> = if args.is_empty() {
        DEFAULT_SIZES.to_vec()
    } else {
        args.iter()
            .map(|a| a.replace(['_', ','], "").parse())
            .collect::<std::result::Result<_, _>>()
            .map_err(|_| "usage: scale [SIZE...]   (sizes are whole numbers of entries)")?
    };
    let exe = std::env::current_exe()?;
    let cli = cli_binary(&exe);
    let base = std::env::var_os("ATTUNE_SCALE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    let mut columns = Vec::new();
    for &size in &sizes {
        let scratch = tempfile::Builder::new()
            .prefix("attune-scale-")
            .tempdir_in(&base)?;
        let dir = scratch.path().join("journal");
        eprintln!("[scale] {size} entries: building in {}", dir.display());
        let built: Measured = run_child(&exe, "--build", size, &dir)?;
        eprintln!("[scale] {size} entries: measuring");
        let mut measured: Measured = run_child(&exe, "--measure", size, &dir)?;
        measured.build_ms = built.build_ms;
        measured.text_bytes_per_entry = built.text_bytes_per_entry;
        measured.disk_bytes = built.disk_bytes;
        measured.build_peak_rss = built.build_peak_rss;
        eprintln!("[scale] {size} entries: timing the CLI");
        let cli_times = cli_timings(&cli, &dir, scratch.path(), size + SAVES);
        columns.push((size, measured, cli_times));
    }
    print_table(&columns, &cli);
    Ok(())
}

/// The release `attune` next to this example (`target/release/examples/scale` →
/// `target/release/attune`), unless `ATTUNE_BIN` names another.
fn cli_binary(exe: &Path) -> PathBuf {
    if let Some(bin) = std::env::var_os("ATTUNE_BIN") {
        return PathBuf::from(bin);
    }
    let name = format!("attune{}", std::env::consts::EXE_SUFFIX);
    exe.parent()
        .and_then(Path::parent)
        .map(|release| release.join(&name))
        .unwrap_or_else(|| PathBuf::from(name))
}

fn run_child<T: for<'de> Deserialize<'de>>(
    exe: &Path,
    mode: &str,
    size: usize,
    dir: &Path,
) -> Result<T> {
    let out = Command::new(exe)
        .arg(mode)
        .arg(size.to_string())
        .arg(dir)
        .stderr(Stdio::inherit())
        .output()?;
    if !out.status.success() {
        return Err(format!("the {mode} step failed ({})", out.status).into());
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("RESULT "))
        .ok_or_else(|| format!("the {mode} step printed no result"))?;
    Ok(serde_json::from_str(line)?)
}

fn report(measured: &Measured) -> Result<()> {
    println!("RESULT {}", serde_json::to_string(measured)?);
    Ok(())
}

fn child_args(args: &[String]) -> Result<(usize, PathBuf)> {
    match args {
        [size, dir] => Ok((size.parse()?, PathBuf::from(dir))),
        _ => Err("internal: expected SIZE DIR".into()),
    }
}

fn child_build(args: &[String]) -> Result<()> {
    let (size, dir) = child_args(args)?;
    let built = support::build_journal(&dir, size, 1)?;
    report(&Measured {
        build_ms: ms(built.took),
        text_bytes_per_entry: built.body_bytes / size.max(1) as u64,
        disk_bytes: support::dir_size(&dir),
        build_peak_rss: proc_status_bytes("VmHWM"),
        ..Measured::default()
    })
}

fn child_measure(args: &[String]) -> Result<()> {
    let (size, dir) = child_args(args)?;
    let pass = support::passphrase();
    let rss_before_unlock = proc_status_bytes("VmRSS");

    // Unlock several times; the first load's RSS is the steady state (nothing freed
    // yet that the allocator might keep).
    let unlock_runs = if size >= LARGE_SIZE {
        LARGE_UNLOCK_RUNS
    } else {
        SMALL_UNLOCK_RUNS
    };
    let (mut open, mut load) = (Vec::new(), Vec::new());
    let mut rss_after_load = None;
    let mut journal: Option<Journal> = None;
    for run in 0..unlock_runs {
        drop(journal.take()); // lock, so the next unlock can take the folder
        let started = Instant::now();
        let vault = Vault::unlock(&dir, &pass)?;
        let opened = Instant::now();
        let loaded = Journal::load(vault, chrono::Utc::now())?;
        load.push(opened.elapsed());
        open.push(opened - started);
        if run == 0 {
            support::check_loaded(&loaded, size)?;
            rss_after_load = proc_status_bytes("VmRSS");
        }
        journal = Some(loaded);
    }
    let mut journal = journal.ok_or("no unlock runs")?;

    let search = FindRequest {
        text: support::RARE_WORD.to_string(),
        limit: PAGE,
        ..FindRequest::default()
    };
    let first_page = FindRequest {
        limit: PAGE,
        ..FindRequest::default()
    };
    let search_hits = journal.find(&search)?.total;
    let mut searches = timed(FINDS, || journal.find(&search).map(drop))?;
    let mut pages = timed(FINDS, || journal.find(&first_page).map(drop))?;

    let mut rng = support::Rng::new(3);
    let mut saves = Vec::with_capacity(SAVES);
    for i in 0..SAVES {
        let (input, written) = support::entry(&mut rng, i);
        let started = Instant::now();
        journal.add(input, written)?;
        saves.push(started.elapsed());
    }
    let peak_rss = proc_status_bytes("VmHWM");
    drop(journal);

    report(&Measured {
        unlock_runs,
        open_ms: percentile(&mut open, 0.5),
        load_ms: percentile(&mut load, 0.5),
        save_p50_ms: percentile(&mut saves, 0.5),
        save_p95_ms: percentile(&mut saves, 0.95),
        search_hits,
        search_p50_ms: percentile(&mut searches, 0.5),
        first_page_p50_ms: percentile(&mut pages, 0.5),
        rss_before_unlock,
        rss_after_load,
        peak_rss,
        ..Measured::default()
    })
}

fn timed(runs: usize, mut f: impl FnMut() -> attune::Result<()>) -> attune::Result<Vec<Duration>> {
    let mut out = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        f()?;
        out.push(started.elapsed());
    }
    Ok(out)
}

/// Median of `CLI_RUNS` runs each of `attune search`, `attune list --limit 20` and
/// `attune add`, after one untimed search (so every timed run starts with the same
/// warm page cache), and the peak RSS of one more search. The results are checked: the
/// search must print something, the list 20 entries, and the journal must hold
/// `CLI_RUNS` more entries afterwards, so a stub binary cannot pass for a CLI.
fn cli_timings(bin: &Path, dir: &Path, scratch: &Path, entries_before: usize) -> CliTimes {
    if !bin.is_file() {
        return Err(format!("{} does not exist", bin.display()));
    }
    let pass_file = scratch.join("passphrase");
    let body_file = scratch.join("body.txt");
    let mut rng = support::Rng::new(4);
    std::fs::write(&pass_file, format!("{}\n", support::PASSPHRASE))
        .and_then(|()| std::fs::write(&body_file, support::reflection(&mut rng, false)))
        .map_err(|e| format!("could not write the CLI's input files: {e}"))?;
    let journal = dir.as_os_str();
    let search = |_: usize| {
        run_cli(
            bin,
            &pass_file,
            &[
                "--journal".as_ref(),
                journal,
                "search".as_ref(),
                support::RARE_WORD.as_ref(),
            ],
        )
    };
    let add = |i: usize| {
        let title = format!("Benchmark entry {i}");
        run_cli(
            bin,
            &pass_file,
            &[
                "--journal".as_ref(),
                journal,
                "add".as_ref(),
                "--title".as_ref(),
                title.as_ref(),
                "--body-file".as_ref(),
                body_file.as_os_str(),
            ],
        )
    };
    let list = |_: usize| {
        let limit = LIST_PAGE.to_string();
        run_cli(
            bin,
            &pass_file,
            &[
                "--journal".as_ref(),
                journal,
                "list".as_ref(),
                "--limit".as_ref(),
                limit.as_ref(),
            ],
        )
    };
    let (_, printed) = search(0)?;
    if printed.trim().is_empty() {
        return Err("`attune search` succeeded but printed nothing".into());
    }
    let mut searches = (0..CLI_RUNS)
        .map(|i| search(i).map(|(took, _)| took))
        .collect::<std::result::Result<Vec<_>, _>>()?;
    let (_, listed) = list(0)?;
    if listed.lines().count() < LIST_PAGE.min(entries_before) {
        return Err(format!(
            "`attune list` printed {} lines",
            listed.lines().count()
        ));
    }
    let mut lists = (0..CLI_RUNS)
        .map(|i| list(i).map(|(took, _)| took))
        .collect::<std::result::Result<Vec<_>, _>>()?;
    let search_peak_rss = peak_rss_of(
        bin,
        &pass_file,
        &[
            "--journal".as_ref(),
            journal,
            "search".as_ref(),
            support::RARE_WORD.as_ref(),
        ],
    );
    let mut adds = (0..CLI_RUNS)
        .map(|i| add(i).map(|(took, _)| took))
        .collect::<std::result::Result<Vec<_>, _>>()?;
    let after = Vault::unlock(dir, &support::passphrase())
        .and_then(|vault| Journal::load(vault, chrono::Utc::now()))
        .map(|journal| journal.len())
        .map_err(|e| format!("could not reopen the journal after the CLI ran: {e}"))?;
    if after != entries_before + CLI_RUNS {
        return Err(format!(
            "`attune add` succeeded {CLI_RUNS} times but the journal went from {entries_before} to {after} entries"
        ));
    }
    Ok(CliFigures {
        search_ms: percentile(&mut searches, 0.5),
        add_ms: percentile(&mut adds, 0.5),
        list_ms: percentile(&mut lists, 0.5),
        search_peak_rss,
    })
}

/// Peak RSS of one run of the CLI, measured by `/usr/bin/time` (GNU), in bytes.
fn peak_rss_of(bin: &Path, pass_file: &Path, args: &[&std::ffi::OsStr]) -> Option<u64> {
    let out = Command::new("/usr/bin/time")
        .args(["-f", "MAXRSS_KIB %M"])
        .arg(bin)
        .args(args)
        .env("ATTUNE_PASSPHRASE_FILE", pass_file)
        .stdin(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let err = String::from_utf8_lossy(&out.stderr);
    let kib: u64 = err
        .lines()
        .find_map(|l| l.strip_prefix("MAXRSS_KIB "))?
        .trim()
        .parse()
        .ok()?;
    Some(kib * 1024)
}

/// Run the CLI once; its wall time (start to exit) and what it printed.
fn run_cli(
    bin: &Path,
    pass_file: &Path,
    args: &[&std::ffi::OsStr],
) -> std::result::Result<(Duration, String), String> {
    let started = Instant::now();
    let out = Command::new(bin)
        .args(args)
        .env("ATTUNE_PASSPHRASE_FILE", pass_file)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("could not run {}: {e}", bin.display()))?;
    let took = started.elapsed();
    if out.status.success() {
        Ok((took, String::from_utf8_lossy(&out.stdout).into_owned()))
    } else {
        let why = String::from_utf8_lossy(&out.stderr);
        let why = why.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        let command = args
            .get(2)
            .map(|a| a.to_string_lossy().into_owned())
            .unwrap_or_default();
        Err(format!(
            "`attune {command}` failed ({}){}{why}",
            out.status,
            if why.is_empty() { "" } else { ": " }
        ))
    }
}

fn print_table(columns: &[(usize, Measured, CliTimes)], cli: &Path) {
    let mut header = String::from("| measure |");
    let mut rule = String::from("|---|");
    for (size, _, _) in columns {
        header.push_str(&format!(" {} entries |", thousands(*size)));
        rule.push_str("---:|");
    }
    println!("{header}\n{rule}");
    let row = |label: &str, cell: &dyn Fn(&Measured, &CliTimes) -> String| {
        let mut line = format!("| {label} |");
        for (_, m, c) in columns {
            line.push_str(&format!(" {} |", cell(m, c)));
        }
        println!("{line}");
    };
    row(
        "build (generate, encrypt, write in 2,000-entry transactions)",
        &|m, _| seconds(m.build_ms),
    );
    row("entry text (body) per entry, average", &|m, _| {
        format!("{} bytes", thousands(m.text_bytes_per_entry as usize))
    });
    row("journal files on disk", &|m, _| {
        megabytes(Some(m.disk_bytes))
    });
    row("open file + fast test KDF, median", &|m, _| {
        millis(m.open_ms)
    });
    row(
        &format!(
            "**unlock after KDF** (decrypt, parse, fold all), median of {SMALL_UNLOCK_RUNS} runs ({LARGE_UNLOCK_RUNS} from {} entries) (budget: 60 ms at 10k, 500 ms at 100k)",
            thousands(LARGE_SIZE)
        ),
        &|m, _| millis(m.load_ms),
    );
    row(
        &format!("**save one entry** (durable), p50 of {SAVES}"),
        &|m, _| millis(m.save_p50_ms),
    );
    row(&format!("save one entry, p95 of {SAVES}"), &|m, _| {
        millis(m.save_p95_ms)
    });
    row(
        &format!(
            "**search** \"{}\", p50 of {FINDS} (budget: 40 ms at 100k)",
            support::RARE_WORD
        ),
        &|m, _| millis(m.search_p50_ms),
    );
    row("entries matching the search", &|m, _| {
        thousands(m.search_hits)
    });
    row(
        &format!("**first page** ({PAGE} newest), p50 of {FINDS} (budget: 30 ms at 100k)"),
        &|m, _| millis(m.first_page_p50_ms),
    );
    row("RSS before unlock", &|m, _| megabytes(m.rss_before_unlock));
    row(
        "**RSS after load** (steady state, unlocked; budget: 200 MB at 100k)",
        &|m, _| megabytes(m.rss_after_load),
    );
    row("peak RSS, measuring process (VmHWM)", &|m, _| {
        megabytes(m.peak_rss)
    });
    row("peak RSS, building process (VmHWM)", &|m, _| {
        megabytes(m.build_peak_rss)
    });
    let cli_cell = |pick: fn(&CliFigures) -> String| {
        move |_: &Measured, c: &CliTimes| match c {
            Ok(figures) => pick(figures),
            Err(_) => "CLI not available".to_string(),
        }
    };
    // Issue 17's budgets beside each CLI figure (the app's are beside its rows above).
    row(
        &format!(
            "**CLI** `attune search {}`, median of {CLI_RUNS} (budget: 50 ms at 10k, 400 ms at 100k)",
            support::RARE_WORD
        ),
        &cli_cell(|f| millis(f.search_ms)),
    );
    row(
        &format!(
            "**CLI** `attune list --limit {LIST_PAGE}` (newest), median of {CLI_RUNS} (budget: 15 ms at 10k)"
        ),
        &cli_cell(|f| millis(f.list_ms)),
    );
    row(
        &format!(
            "**CLI** `attune add --title .. --body-file ..`, median of {CLI_RUNS} (budget: 10 ms at 10k and 100k)"
        ),
        &cli_cell(|f| millis(f.add_ms)),
    );
    row(
        "peak RSS of one CLI search (`/usr/bin/time`; budget: a third of jrnl's 138 MiB, 48.2 MB)",
        &cli_cell(|f| megabytes(f.search_peak_rss)),
    );
    println!();
    println!("CLI binary: {}", cli.display());
    for (size, _, c) in columns {
        if let Err(why) = c {
            println!("CLI not available at {} entries: {why}", thousands(*size));
        }
    }
}

/// A value from `/proc/self/status` (`VmRSS`, `VmHWM`), in bytes; `None` off Linux.
fn proc_status_bytes(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))?;
    let kib: u64 = line.trim().trim_end_matches("kB").trim().parse().ok()?;
    Some(kib * 1024)
}

/// Nearest-rank percentile, in milliseconds.
fn percentile(samples: &mut [Duration], p: f64) -> f64 {
    if samples.is_empty() {
        return f64::NAN;
    }
    samples.sort_unstable();
    let rank = ((p * samples.len() as f64).ceil() as usize).clamp(1, samples.len());
    ms(samples[rank - 1])
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn millis(ms: f64) -> String {
    if ms < 10.0 {
        format!("{ms:.2} ms")
    } else if ms < 1000.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{:.2} s", ms / 1e3)
    }
}

fn seconds(ms: f64) -> String {
    format!("{:.2} s", ms / 1e3)
}

fn megabytes(bytes: Option<u64>) -> String {
    bytes.map_or_else(|| "n/a".into(), |b| format!("{:.1} MB", b as f64 / 1e6))
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
