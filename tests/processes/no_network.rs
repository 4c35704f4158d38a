//! Attune makes no network connections: every CLI command of a whole journey runs under
//! `strace`, and no internet socket (AF_INET or AF_INET6) may appear. strace is needed;
//! without it this test fails, it never skips.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Stdio};

use crate::support::cli::{start_child, with_test_env};

/// Run `program args…` under strace, returning the system calls that touched the network.
fn internet_syscalls(
    program: &str,
    args: &[&str],
    env: &[(&str, &Path)],
    workdir: &Path,
) -> Vec<String> {
    let trace = workdir.join(format!("trace-{}", args.first().unwrap_or(&"x")));
    let mut cmd = Command::new("strace");
    cmd.args([
        "-f",
        "-qq",
        "-e",
        "trace=socket,connect,sendto,sendmsg",
        "-o",
    ])
    .arg(&trace)
    .arg(program)
    .args(args)
    .stdin(Stdio::null())
    .stdout(Stdio::null())
    .stderr(Stdio::null());
    with_test_env(&mut cmd);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let status = start_child(&mut cmd)
        .and_then(|mut child| child.wait())
        .expect("strace is needed for this test (apt-get install strace)");
    assert!(
        status.success() || args.first() == Some(&"-c"),
        "{args:?} failed under strace"
    );
    std::fs::read_to_string(&trace)
        .unwrap()
        .lines()
        .filter(|l| l.contains("AF_INET"))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_detector_sees_a_real_connection() {
    // Control: bash's /dev/tcp opens a real TCP socket, which must be caught.
    let tmp = tempfile::TempDir::new().unwrap();
    let seen = internet_syscalls(
        "bash",
        &["-c", "exec 3<>/dev/tcp/127.0.0.1/9 || true"],
        &[],
        tmp.path(),
    );
    assert!(
        !seen.is_empty(),
        "strace did not report the control connection"
    );
}

#[test]
fn a_whole_cli_journey_opens_no_internet_socket() {
    let tmp = tempfile::TempDir::new().unwrap();
    let journal = tmp.path().join("journal");
    let pass = tmp.path().join("pass");
    let body = tmp.path().join("body");
    let export = tmp.path().join("export.json");
    std::fs::write(&pass, "no network passphrase\n").unwrap();
    std::fs::write(&body, "A reflection that must stay on this machine.\n").unwrap();
    let bin = env!("CARGO_BIN_EXE_attune");
    let j = journal.to_str().unwrap();
    let steps: Vec<Vec<&str>> = vec![
        vec!["init", "--journal", j],
        vec![
            "add",
            "--journal",
            j,
            "--title",
            "Visit",
            "--tag",
            "sleep",
            "--body-file",
            body.to_str().unwrap(),
        ],
        vec!["list", "--journal", j, "--json"],
        vec!["search", "--journal", j, "stay"],
        vec!["verify", "--journal", j],
        vec![
            "export",
            "--journal",
            j,
            "--format",
            "json",
            "--out",
            export.to_str().unwrap(),
        ],
        vec!["rotate-key", "--journal", j],
    ];
    for step in steps {
        let seen = internet_syscalls(bin, &step, &[("ATTUNE_PASSPHRASE_FILE", &pass)], tmp.path());
        assert!(
            seen.is_empty(),
            "`attune {}` touched the network: {seen:?}",
            step[0]
        );
    }
}
