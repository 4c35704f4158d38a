//! Fuzz the Day One import: bytes read as an export ZIP (when they start like one, with
//! small caps so a run is quick) or as a journal JSON file. Nothing may panic; what
//! parses must already keep Attune's rules for what comes in: titles of at most 200
//! characters, tags of at most 40 (30 an entry, no commas or line breaks), no carriage
//! returns, no `dayone-moment` link left, and every source id non-empty and unique.

#![no_main]

use attune::import::{self, Limits, Parsed};
use libfuzzer_sys::fuzz_target;

fn check(parsed: &Parsed) {
    let mut ids = std::collections::HashSet::new();
    for e in &parsed.entries {
        assert!(!e.source_id.is_empty());
        assert!(ids.insert(e.source_id.clone()), "a repeated id got through");
        if let Some(t) = &e.title {
            assert!(!t.trim().is_empty() && t.chars().count() <= 200);
        }
        assert!(e.tags.len() <= 30);
        for t in &e.tags {
            assert!(!t.is_empty() && t.chars().count() <= 40);
            assert!(!t.contains(',') && !t.chars().any(char::is_control));
        }
        assert!(!e.body.contains('\r'));
        assert!(!e.body.contains("dayone-moment:"));
        assert!(e.title.is_some() || !e.body.trim().is_empty());
    }
}

const SEED_JSON: &str = r##"{"metadata":{"version":"1.0"},"entries":[{"uuid":"2F8DDCA258634D9994DF3A4FEE328035","creationDate":"2021-03-03T18:34:56Z","modifiedDate":"2021-03-13T21:58:46Z","timeZone":"Australia/Sydney","text":"# Tea\n\n![](dayone-moment://06EA843B)\n\nA cup\\.\\. of tea","starred":true,"tags":["a","b"],"location":{},"photos":[{"md5":"x"}]}]}"##;

fuzz_target!(
    init: {
        attune_fuzz::seed_corpus("import_dayone", || {
            let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/import/");
            let mut seeds = vec![("journal.json", SEED_JSON.as_bytes().to_vec())];
            for (name, file) in [("export.zip", "dayone.zip"), ("nested.zip", "dayone-nested.zip")] {
                seeds.push((name, std::fs::read(format!("{fixtures}{file}")).expect("a fixture")));
            }
            seeds
        });
    },
    |data: &[u8]| {
        let parsed = if data.starts_with(b"PK") {
            let limits = Limits {
                max_file_bytes: 1 << 20,
                max_unpacked_bytes: 4 << 20,
                max_zip_members: 1_000,
                ..Limits::DEFAULT
            };
            import::day_one_zip(data, &limits)
        } else {
            import::day_one_json(data, "Journal.json")
        };
        if let Ok(parsed) = parsed {
            check(&parsed);
        }
    }
);
