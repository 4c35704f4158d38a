//! A packet is a standard age file: Debian's `age` opens one sealed to a key made by
//! Debian's `age-keygen`, and the frame inside checks out with our own parser and
//! signature check. The tools are required: this test fails (never skips) without them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

use crate::support::cli::child_output;
use crate::support::packets::{share_document, shared_entry, Party};
use attune::crypto::{is_age_recipient, verify_signature};
use attune::share::document::PacketContent;
use attune::share::{
    open_plaintext, parse_document, parse_frame, seal_packet, PACKET_MAGIC, SIGNATURE_CONTEXT,
};

/// Run one of Debian's age tools, failing clearly when it is not installed.
fn run(tool: &str, args: &[&str]) -> Vec<u8> {
    let output = child_output(Command::new(tool).args(args)).unwrap_or_else(|err| {
        panic!(
            "could not run `{tool}` ({err}). Debian's `age` package provides it; \
             scripts/setup.sh installs it (apt-get install age)."
        )
    });
    assert!(
        output.status.success(),
        "`{tool} {}` failed: {}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 temporary path")
}

#[test]
fn debian_age_opens_a_packet_sealed_to_an_age_keygen_key() {
    let tmp = tempfile::tempdir().unwrap();
    let key_file = tmp.path().join("supervisor.key");
    run("age-keygen", &["-o", path_str(&key_file)]);

    // The public key, from the file's comment and from `age-keygen -y`: the same.
    let key_text = std::fs::read_to_string(&key_file).unwrap();
    let from_comment = key_text
        .lines()
        .find_map(|line| line.strip_prefix("# public key: "))
        .expect("age-keygen writes a public key comment")
        .trim()
        .to_string();
    let from_y = String::from_utf8(run("age-keygen", &["-y", path_str(&key_file)])).unwrap();
    assert_eq!(from_y.trim(), from_comment);
    assert!(is_age_recipient(&from_comment), "{from_comment}");

    // A contact whose age recipient came from age-keygen; our own supervisee sends.
    let supervisee = Party::new("Supervisee");
    let supervisor = Party::new("Supervisor");
    let mut doc = share_document(
        &supervisee,
        &supervisor,
        vec![shared_entry(1, "What the visit left with me.")],
    );
    doc.recipient.age_recipient = from_comment.clone();
    let packet = seal_packet(
        &doc,
        &supervisee.signing,
        &[from_comment.clone(), supervisee.age.recipient()],
    )
    .unwrap();
    let packet_file = tmp.path().join("share.attune");
    std::fs::write(&packet_file, &packet).unwrap();

    let plaintext = run(
        "age",
        &["-d", "-i", path_str(&key_file), path_str(&packet_file)],
    );

    // The frame: magic, length, document, signature, and our checks agree with it.
    assert!(plaintext.starts_with(PACKET_MAGIC));
    let (document, signature) = parse_frame(&plaintext).unwrap();
    let length = u32::from_be_bytes(plaintext[8..12].try_into().unwrap()) as usize;
    assert_eq!(length, document.len());
    assert_eq!(plaintext.len(), 8 + 4 + length + 64);
    let signed = [SIGNATURE_CONTEXT, document].concat();
    verify_signature(&supervisee.public(), &signed, signature).unwrap();
    assert!(verify_signature(&supervisor.public(), &signed, signature).is_err());
    assert_eq!(parse_document(document).unwrap(), doc);

    let opened = open_plaintext(&plaintext, &from_comment, &[supervisee.public()]).unwrap();
    assert_eq!(opened.signer, supervisee.public());
    let PacketContent::Share { entries, .. } = &opened.document.content else {
        panic!("a share packet opened as something else");
    };
    assert_eq!(entries[0].body, "What the visit left with me.");

    // age-keygen's key does not open a packet sealed to someone else.
    let other = tmp.path().join("other.attune");
    let not_for_it = seal_packet(
        &share_document(&supervisee, &supervisor, Vec::new()),
        &supervisee.signing,
        &[supervisor.age.recipient()],
    )
    .unwrap();
    std::fs::write(&other, &not_for_it).unwrap();
    let refused =
        child_output(Command::new("age").args(["-d", "-i", path_str(&key_file), path_str(&other)]))
            .unwrap();
    assert!(!refused.status.success());
}
