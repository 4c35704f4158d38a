//! The CLI's Endorsement records: `sessions add` with the new details, `training
//! add|list|attach|certificate|delete`, and `endorsement` (choosing, the report, the
//! application CSVs).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::cli::*;

#[test]
fn sessions_training_and_endorsement_through_the_cli() {
    let cli = Cli::new();
    cli.init();
    let out = cli.run(
        &[
            "sessions",
            "add",
            "--date",
            "2026-02-03",
            "--minutes",
            "90",
            "--format",
            "group",
            "--with",
            "Tuesday group",
            "--provider",
            "Dr Lee",
            "--credential",
            "IMHM-C",
            "--delivery",
            "video",
            "--facilitator",
            "Dr Lee",
            "--group-size",
            "5",
            "--presented",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = cli.run(
        &[
            "sessions",
            "add",
            "--date",
            "2026-02-10",
            "--minutes",
            "60",
            "--format",
            "individual",
            "--with",
            "colleague",
            "--peer",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Group details on an individual session are refused.
    let out = cli.run(
        &[
            "sessions",
            "add",
            "--date",
            "2026-02-10",
            "--minutes",
            "60",
            "--format",
            "individual",
            "--with",
            "x",
            "--group-size",
            "4",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let listed = cli.json(&["sessions", "list", "--json"]);
    let details = &listed[1]["details"];
    assert_eq!(details["provider_name"], "Dr Lee");
    assert_eq!(details["delivery"], "video");
    assert_eq!(details["group_size"], 5);
    assert_eq!(listed[0]["details"]["peer"], true);

    let cert = cli.root.join("cert.png");
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend_from_slice(b"CliCertificateBytes");
    std::fs::write(&cert, &png).unwrap();
    let bad = cli.file("cert.txt", "not a certificate");
    let out = cli.run(
        &[
            "training",
            "add",
            "--title",
            "Fathers",
            "--provider",
            "MI-AIMH",
            "--date",
            "2026-04-01",
            "--hours",
            "1.5",
            "--topic",
            "rsc",
            "--certificate",
            bad.to_str().unwrap(),
        ],
        "",
    );
    assert_ne!(out.status.code(), Some(0));
    assert!(
        cli.json(&["training", "list", "--json"])
            .as_array()
            .unwrap()
            .is_empty(),
        "nothing written"
    );
    let id = cli.ok(
        &[
            "training",
            "add",
            "--title",
            "Fathers",
            "--provider",
            "MI-AIMH",
            "--date",
            "2026-04-01",
            "--hours",
            "1.5",
            "--topic",
            "rsc",
            "--topic",
            "dei",
        ],
        "",
    );
    let id = id.trim().to_string();
    assert_eq!(id.len(), 32);
    let out = cli.run(
        &["training", "attach", &id[..6], cert.to_str().unwrap()],
        "",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let listed = cli.json(&["training", "list", "--json"]);
    assert_eq!(listed[0]["certificate"]["kind"], "png");
    assert_eq!(listed[0]["hours"], 1.5);
    let saved = cli.root.join("saved.png");
    let out = cli.run(
        &[
            "training",
            "certificate",
            &id[..6],
            "--out",
            saved.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::read(&saved).unwrap(), png);
    let out = cli.run(
        &[
            "training",
            "certificate",
            &id[..6],
            "--out",
            saved.to_str().unwrap(),
        ],
        "",
    );
    assert_ne!(out.status.code(), Some(0), "never overwrites");

    let out = cli.run(&["endorsement", "--renewal", "2026"], "");
    assert_ne!(out.status.code(), Some(0), "no category yet");
    assert!(stderr(&out).contains("category"), "{}", stderr(&out));
    let sessions_csv = cli.root.join("sessions.csv");
    let report = cli.json(&[
        "endorsement",
        "--set-association",
        "mi-aimh",
        "--set-category",
        "IMHS",
        "--renewal",
        "2026",
        "--sessions-csv",
        sessions_csv.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(report["category_id"], "imhs");
    assert_eq!(report["rsc"]["counted_minutes"], 90);
    assert_eq!(report["rsc"]["group_minutes"], 90);
    assert_eq!(report["rsc"]["peer_minutes"], 60);
    assert_eq!(report["training"]["hours"], 1.5);
    assert_eq!(report["missing"].as_array().unwrap().len(), 2);
    let csv = std::fs::read_to_string(&sessions_csv).unwrap();
    assert_eq!(
        csv,
        "date,hours,provider_name,provider_credential,type,delivery\r\n2026-02-03,1.50,Dr Lee,IMHM-C,group,video\r\n"
    );
    let text = cli.ok(&["endorsement", "--renewal", "2026"], "");
    assert!(text.contains("RS/C received: 1.5 of 12 hours"), "{text}");
    assert!(text.contains("your association decides"), "{text}");
    let list = cli.ok(&["endorsement", "--list"], "");
    assert!(
        list.contains("IMHM-C") && list.contains("mi-aimh"),
        "{list}"
    );

    let out = cli.run(&["training", "delete", &id[..6]], "");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(cli
        .json(&["training", "list", "--json"])
        .as_array()
        .unwrap()
        .is_empty());
}
