//! Fuzz the Markdown notes import: one note's bytes (front matter, headings, Attune's
//! own answer sections) under a few file names. Nothing may panic, and what parses keeps
//! Attune's rules for what comes in: titles of at most 200 characters, tidy tags, no
//! carriage returns, a source id for the duplicate rule.

#![no_main]

use attune::import::{self, ImportedEntry};
use libfuzzer_sys::fuzz_target;

fn check(e: &ImportedEntry) {
    if let Some(t) = &e.title {
        assert!(!t.trim().is_empty() && t.chars().count() <= 200);
    }
    assert!(e.tags.len() <= 30);
    for t in &e.tags {
        assert!(!t.is_empty() && t.chars().count() <= 40 && !t.contains(','));
    }
    assert!(!e.body.contains('\r'));
    assert!(!e.source_id.is_empty());
}

const SEED_ATTUNE: &str = "---\nattune: 1\ndate: 2026-03-04\ntitle: \"A \\\"hard\\\" visit\"\nkind: encounter\nsetting: home_visit\nfamily_code: \"F-1\"\ntags:\n  - \"sleep\"\npack: \"after-encounter\"\npack_version: 1\ncarrying: 6\nbring_to_supervision: true\ncreated: 2026-03-04T10:00:00Z\n---\n\nThe text.\n\n<!-- attune-answer id=\"what\" type=\"text\" -->\n## What happened?\n\nWe played.\n\n<!-- attune-answer id=\"plan\" type=\"plan\" by=\"2026-03-27\" -->\n## A step\n\nRest.\n";
const SEED_DAILY: &str = "---\ntags: [sleep, \"#home visit\"]\n---\n# After the visit\r\n\r\nThe father sang.\n";

fuzz_target!(
    init: {
        attune_fuzz::seed_corpus("import_markdown", || {
            vec![
                ("attune.md", SEED_ATTUNE.as_bytes().to_vec()),
                ("daily.md", SEED_DAILY.as_bytes().to_vec()),
                ("plain.md", b"Slept badly.\n".to_vec()),
            ]
        });
    },
    |data: &[u8]| {
        for name in ["2024-01-15.md", "notes/Visit notes.md"] {
            let Ok(parsed) = import::markdown_note(name, data) else { continue };
            for e in &parsed.entries {
                check(e);
            }
        }
    }
);
