//! The exchange from the command line: two journals, the real binary, files between
//! them, as two people would run it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use tempfile::TempDir;

use crate::support::cli::{stderr, stdout, Cli};

fn safety_code_line(text: &str) -> String {
    text.lines()
        .find_map(|l| l.strip_prefix("Safety code: "))
        .unwrap()
        .to_string()
}

#[test]
fn two_people_run_the_whole_exchange_from_the_command_line() {
    let tmp = TempDir::new().unwrap();
    let alex = Cli::named(tmp.path(), "alex");
    let sam = Cli::named(tmp.path(), "sam");
    alex.init();
    sam.init();
    let p = |name: &str| tmp.path().join(name).display().to_string();

    let me = alex.json(&["identity", "show", "--json"]);
    assert_eq!(me["signing_key"].as_str().unwrap().len(), 64);

    // Cards: Alex's printed and piped in, Sam's through a file.
    let alex_card = alex.ok(
        &[
            "contact",
            "export",
            "--name",
            "Alex",
            "--role",
            "supervisee",
        ],
        "",
    );
    assert!(alex_card.starts_with("Attune contact card v1\n"));
    alex.ok(
        &[
            "contact",
            "export",
            "--name",
            "Alex",
            "--role",
            "supervisee",
            "--out",
            &p("alex.card"),
        ],
        "",
    );
    let again = alex.run(
        &[
            "contact",
            "export",
            "--name",
            "Alex",
            "--role",
            "supervisee",
            "--out",
            &p("alex.card"),
        ],
        "",
    );
    assert_eq!(again.status.code(), Some(2), "never overwrites");
    sam.ok(
        &[
            "contact",
            "export",
            "--name",
            "Sam",
            "--role",
            "supervisor",
            "--out",
            &p("sam.card"),
        ],
        "",
    );
    let in_sam = sam.ok(
        &["contact", "import", "-", "--as", "my-supervisee"],
        &alex_card,
    );
    let in_alex = alex.ok(
        &["contact", "import", &p("sam.card"), "--as", "my-supervisor"],
        "",
    );
    assert_eq!(safety_code_line(&in_sam), safety_code_line(&in_alex));

    let alex_contacts = alex.json(&["contact", "list", "--json"]);
    assert_eq!(alex_contacts[0]["confirmed"], false);
    let sam_id = alex_contacts[0]["id"].as_str().unwrap()[..6].to_string();
    let alex_id = sam.json(&["contact", "list", "--json"])[0]["id"]
        .as_str()
        .unwrap()[..6]
        .to_string();

    let entry = alex
        .ok(
            &["add", "--flag", "--title", "Visit", "--body-file", "-"],
            "The baby reached for her mother's sleeve. Ring me at 0612 345 678.",
        )
        .trim()
        .to_string();

    // Unconfirmed: refused.
    let early = alex.run(
        &[
            "share",
            "--to",
            &sam_id,
            &entry[..6],
            "--out",
            &p("s1.attune"),
        ],
        "",
    );
    assert_eq!(early.status.code(), Some(2), "{}", stderr(&early));
    assert!(!tmp.path().join("s1.attune").exists());

    alex.ok(&["contact", "confirm", &sam_id], "");
    sam.ok(&["contact", "confirm", &alex_id], "");

    let shared = alex.run(
        &[
            "share",
            "--to",
            "Sam",
            "--flagged",
            "--out",
            &p("s1.attune"),
        ],
        "",
    );
    assert_eq!(shared.status.code(), Some(0), "{}", stderr(&shared));
    assert!(stdout(&shared).contains(&entry[..8]));
    assert!(
        stderr(&shared).contains("identifying"),
        "{}",
        stderr(&shared)
    );
    let packet = std::fs::read(tmp.path().join("s1.attune")).unwrap();
    assert!(!String::from_utf8_lossy(&packet).contains("sleeve"));

    let imported = sam.ok(&["import", &p("s1.attune")], "");
    assert!(imported.contains("1 shared"), "{imported}");
    assert!(sam
        .ok(&["import", &p("s1.attune")], "")
        .contains("already imported"));
    let inbox = sam.json(&["inbox", "--json"]);
    assert_eq!(
        inbox[0]["items"][0]["entry"]["entry_id"].as_str().unwrap(),
        entry
    );

    sam.ok(
        &[
            "feedback",
            "--to",
            &alex_id,
            "--entry",
            &entry[..8],
            "--heard",
            "You noticed her reaching.",
            "--out",
            &p("f1.attune"),
        ],
        "",
    );
    alex.ok(&["import", &p("f1.attune")], "");
    let fb = alex.json(&["feedback", "--entry", &entry[..8], "--json"]);
    assert_eq!(fb[0]["heard"], "You noticed her reaching.");
    assert_eq!(fb[0]["supervisor_name"], "Sam");
    assert!(alex
        .ok(&["feedback"], "")
        .contains("What I heard: You noticed her reaching."));

    // Feedback the wrong way round is refused with exit code 2 and no file.
    let wrong = alex.run(
        &[
            "feedback",
            "--to",
            &sam_id,
            "--entry",
            &entry[..8],
            "--heard",
            "x",
            "--out",
            &p("f2.attune"),
        ],
        "",
    );
    assert_eq!(wrong.status.code(), Some(2));
    assert!(!tmp.path().join("f2.attune").exists());

    // Withdraw, share again: gone on Sam's side.
    let w = alex.ok(&["withdraw", "--to", &sam_id, &entry[..6]], "");
    assert!(w.contains("cannot be recalled"));
    alex.ok(&["share", "--to", &sam_id, "--out", &p("s2.attune")], "");
    sam.ok(&["import", &p("s2.attune")], "");
    assert_eq!(
        sam.json(&["inbox", "--json"])[0]["items"]
            .as_array()
            .unwrap()
            .len(),
        0
    );

    // The older packet is refused now.
    let old = sam.run(&["import", &p("s1.attune")], "");
    assert_eq!(old.status.code(), Some(2));
    assert!(stderr(&old).contains("older"), "{}", stderr(&old));

    // Sam changes the response, then withdraws it; Alex sees each, and the older file
    // cannot bring the words back.
    let rid = fb[0]["response_id"].as_str().unwrap()[..8].to_string();
    sam.ok(
        &[
            "feedback",
            "--to",
            &alex_id,
            "--edit",
            &rid,
            "--heard",
            "You stayed with her reaching.",
            "--out",
            &p("f3.attune"),
        ],
        "",
    );
    alex.ok(&["import", &p("f3.attune")], "");
    let fb = alex.json(&["feedback", "--json"]);
    assert_eq!(fb[0]["heard"], "You stayed with her reaching.");
    assert_eq!(fb[0]["edited"], true);
    let w = sam.ok(
        &[
            "feedback",
            "--to",
            &alex_id,
            "--withdraw",
            &rid,
            "--out",
            &p("f4.attune"),
        ],
        "",
    );
    assert!(w.contains("cannot be recalled"), "{w}");
    alex.ok(&["import", &p("f4.attune")], "");
    let listed = alex.ok(&["feedback"], "");
    assert!(listed.contains("Withdrawn by the sender."), "{listed}");
    assert!(!listed.contains("reaching"), "{listed}");
    let replay = alex.run(&["import", &p("f3.attune")], "");
    assert_eq!(replay.status.code(), Some(2), "{}", stderr(&replay));

    // Alex removes Sam: first told what goes (nothing removed, exit 2), then with --yes.
    let asked = alex.run(&["contact", "remove", &sam_id], "");
    assert_eq!(asked.status.code(), Some(2));
    assert!(
        stdout(&asked).contains("Removing Sam deletes"),
        "{}",
        stdout(&asked)
    );
    assert_eq!(
        alex.json(&["contact", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let removed = alex.json(&["contact", "remove", &sam_id, "--yes", "--json"]);
    assert_eq!(removed["contact_name"], "Sam");
    assert_eq!(removed["responses_from_them"], 1);
    assert!(alex
        .json(&["contact", "list", "--json"])
        .as_array()
        .unwrap()
        .is_empty());
    // Sam's files are refused now.
    let after = alex.run(&["import", &p("f4.attune")], "");
    assert_eq!(after.status.code(), Some(2), "{}", stderr(&after));
}
