//! The supervision loop from the command line: prep, a session, takeaway, plan, and a
//! session confirmed through two journals with the real binary and files between them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use tempfile::TempDir;

use crate::support::cli::{stderr, stdout, Cli};

/// Two journals that exchanged cards and confirmed each other; returns (alex, sam,
/// Sam's id in Alex's journal, Alex's id in Sam's).
fn paired(tmp: &TempDir) -> (Cli, Cli, String, String) {
    let alex = Cli::named(tmp.path(), "alex");
    let sam = Cli::named(tmp.path(), "sam");
    alex.init();
    sam.init();
    let card = |cli: &Cli, name: &str, role: &str| {
        cli.ok(&["contact", "export", "--name", name, "--role", role], "")
    };
    let alex_card = card(&alex, "Alex", "supervisee");
    let sam_card = card(&sam, "Sam", "supervisor");
    sam.ok(
        &["contact", "import", "-", "--as", "my-supervisee"],
        &alex_card,
    );
    alex.ok(
        &["contact", "import", "-", "--as", "my-supervisor"],
        &sam_card,
    );
    let id = |cli: &Cli| {
        cli.json(&["contact", "list", "--json"])[0]["id"]
            .as_str()
            .unwrap()[..8]
            .to_string()
    };
    let (sam_id, alex_id) = (id(&alex), id(&sam));
    alex.ok(&["contact", "confirm", &sam_id], "");
    sam.ok(&["contact", "confirm", &alex_id], "");
    (alex, sam, sam_id, alex_id)
}

#[test]
fn prep_takeaway_and_a_confirmed_session_from_the_command_line() {
    let tmp = TempDir::new().unwrap();
    let (alex, sam, sam_id, alex_id) = paired(&tmp);
    let p = |name: &str| tmp.path().join(name).display().to_string();

    let entry = alex
        .ok(
            &["add", "--flag", "--title", "Hard visit", "--body-file", "-"],
            "The baby turned away.",
        )
        .trim()
        .to_string();
    let made = alex.ok(
        &[
            "prep",
            "new",
            "--date",
            "2026-03-04",
            "--bring",
            "The visit where the baby turned away",
            "--hope",
            "To stay curious",
        ],
        "",
    );
    let prep_id = made.lines().next().unwrap().to_string();
    assert_eq!(prep_id.len(), 32);
    assert!(made.contains("Gathered 1 reflection."), "{made}");
    assert!(
        made.contains(&entry[..8]) && made.contains("[flagged]"),
        "{made}"
    );

    let session = alex
        .ok(
            &[
                "sessions",
                "add",
                "--date",
                "2026-03-04",
                "--minutes",
                "60",
                "--format",
                "individual",
                "--with",
                "Sam",
                "--notes",
                "private words about the visit",
            ],
            "",
        )
        .trim()
        .to_string();
    let t = alex.ok(
        &[
            "takeaway",
            &session[..8],
            "--away",
            "Slow down",
            "--next",
            "Call on Thursday",
        ],
        "",
    );
    assert!(t.contains(&prep_id[..8]) && t.contains("2026-03-04"), "{t}");
    let shown = alex.json(&["prep", "show", &prep_id[..6], "--json"]);
    assert_eq!(shown["sheet"]["takeaway"]["taking_away"], "Slow down");
    assert_eq!(shown["session"]["id"], session.as_str());
    assert_eq!(shown["reflections"][0]["entry_id"], entry.as_str());
    let text = alex.ok(&["prep", "show", &prep_id[..6]], "");
    assert!(text.contains("Next step: Call on Thursday"), "{text}");
    assert_eq!(
        alex.json(&["prep", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // An empty takeaway exits 2.
    let bad = alex.run(&["takeaway", &session[..8]], "");
    assert_eq!(bad.status.code(), Some(2), "{}", stderr(&bad));

    // Confirmation: asked, answered, imported.
    alex.ok(
        &[
            "confirm",
            "request",
            &session[..8],
            "--to",
            &sam_id,
            "--out",
            &p("ask.attune-packet"),
        ],
        "",
    );
    let packet = std::fs::read(tmp.path().join("ask.attune-packet")).unwrap();
    assert!(!String::from_utf8_lossy(&packet).contains("private words"));
    let again = alex.run(
        &[
            "confirm",
            "request",
            &session[..8],
            "--to",
            &sam_id,
            "--out",
            &p("ask.attune-packet"),
        ],
        "",
    );
    assert_eq!(again.status.code(), Some(2), "never overwrites");
    let got = sam.ok(&["import", &p("ask.attune-packet")], "");
    assert!(got.contains("1 session to confirm"), "{got}");
    let requests = sam.json(&["confirm", "answer", "--json"]);
    assert_eq!(requests[0]["state"], "waiting");
    assert_eq!(requests[0]["facts"]["minutes"], 60);
    let request = requests[0]["request_id"].as_str().unwrap()[..8].to_string();
    let no_reason = sam.run(
        &[
            "confirm",
            "answer",
            &request,
            "--decline",
            "--out",
            &p("no.attune-packet"),
        ],
        "",
    );
    assert_eq!(no_reason.status.code(), Some(2), "{}", stderr(&no_reason));
    let answered = sam.ok(
        &[
            "confirm",
            "answer",
            &request,
            "--confirm",
            "--out",
            &p("yes.attune-packet"),
        ],
        "",
    );
    assert!(answered.contains("Confirmed"), "{answered}");
    let imported = alex.ok(&["import", &p("yes.attune-packet")], "");
    assert!(imported.contains("1 session answered"), "{imported}");
    let mine = alex.json(&["confirm", "list", "--json"]);
    assert_eq!(mine[0]["state"], "confirmed");
    assert_eq!(mine[0]["session_changed"], false);
    assert!(alex
        .ok(&["confirm", "list"], "")
        .contains("confirmed  by Sam"));
    assert!(alex
        .ok(&["import", &p("yes.attune-packet")], "")
        .contains("already imported"));

    // The supervisor's planning note sits beside the agenda.
    let plan = sam.ok(
        &["plan", "--for", &alex_id, "--note", "Ask about the sleeve"],
        "",
    );
    assert!(plan.contains("Ask about the sleeve"), "{plan}");
    let plan = sam.json(&["plan", "--for", "Alex", "--json"]);
    assert_eq!(plan["note"], "Ask about the sleeve");
    let wrong = alex.run(&["plan", "--for", &sam_id, "--note", "x"], "");
    assert_eq!(wrong.status.code(), Some(2), "{}", stdout(&wrong));
}
