//! `verify`: re-read every record of every table from disk and check it still reads,
//! plus SQLite's own integrity check.
//!
//! It sits above [`crate::journal`] and [`crate::share`] because it needs every record
//! type; neither of them needs it. The `match` over [`Table`] has no catch-all, so a new
//! table without a check does not compile.

use serde::Serialize;

use crate::journal::{
    Checkin, DamagedRecord, Draft, Entry, Journal, PrepSheet, Settings, SupervisionSession,
};
use crate::prompts::PromptPack;
use crate::records::{self, Checked};
use crate::share::{
    ConfirmationStored, FeedbackStored, InboxSet, PlanningNoteStored, ShareSet, StoredContact,
    StoredIdentity,
};
use crate::store::Table;
use crate::vault::Vault;
use crate::Result;

/// What `verify` found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct VerifyReport {
    pub records_checked: usize,
    pub damaged: Vec<DamagedRecord>,
    /// SQLite's own integrity findings (empty when the file is sound).
    pub file_problems: Vec<String>,
}

impl VerifyReport {
    pub fn is_sound(&self) -> bool {
        self.damaged.is_empty() && self.file_problems.is_empty()
    }
}

/// Check every record of `journal`'s file: each table in turn, then records filed under
/// a table this version does not know, then the file itself.
pub fn journal(journal: &Journal) -> Result<VerifyReport> {
    let vault = journal.vault();
    let mut report = VerifyReport {
        records_checked: 0,
        damaged: Vec::new(),
        file_problems: Vec::new(),
    };
    let checks = Table::ALL
        .into_iter()
        .filter_map(|table| check_table(vault, table))
        .chain([records::check_strays(vault)]);
    for checked in checks {
        let checked = checked?;
        report.records_checked += checked.rows;
        report.damaged.extend(checked.damaged);
    }
    report.file_problems = vault.store().integrity_problems()?;
    report
        .file_problems
        .extend(crate::journal::index::check(journal)?);
    Ok(report)
}

/// Check one table with its record type; `None` for the list index, which holds
/// nothing of its own (it is made from the entries) and is compared with them instead.
fn check_table(vault: &Vault, table: Table) -> Option<Result<Checked>> {
    Some(match table {
        Table::Entries => records::check::<Entry>(vault),
        Table::Settings => records::check::<Settings>(vault),
        Table::Drafts => records::check::<Draft>(vault),
        Table::Packs => records::check::<PromptPack>(vault),
        Table::Checkins => records::check::<Checkin>(vault),
        Table::Identity => records::check::<StoredIdentity>(vault),
        Table::Contacts => records::check::<StoredContact>(vault),
        Table::Shares => records::check::<ShareSet>(vault),
        Table::Inbox => records::check::<InboxSet>(vault),
        Table::Feedback => records::check::<FeedbackStored>(vault),
        Table::Sessions => records::check::<SupervisionSession>(vault),
        Table::Training => records::check::<crate::journal::Training>(vault),
        Table::Certificates => records::check::<crate::journal::training::StoredCertificate>(vault),
        Table::Preps => records::check::<PrepSheet>(vault),
        Table::PlanningNotes => records::check::<PlanningNoteStored>(vault),
        Table::Confirmations => records::check::<ConfirmationStored>(vault),
        Table::ExchangeFolders => records::check::<crate::share::FolderLink>(vault),
        Table::EntryIndex => return None,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use std::collections::BTreeSet;

    use chrono::{NaiveDate, Utc};

    use super::*;
    use crate::crypto::Passphrase;
    use crate::journal::{CheckinAnswer, ItemSet, NewCheckin, NewEntry, SessionFormat};
    use crate::journal::{SessionInput, SessionRole};
    use crate::prompts::{PackRequest, Registry};
    use crate::share::{CardRole, ContactId, Exchange, MyRelation};
    use crate::store::RecordRow;
    use crate::vault::{KdfChoice, Vault};

    fn new_journal(dir: &std::path::Path) -> Journal {
        let (vault, _) = Vault::create(
            dir,
            &Passphrase::new("correct horse battery staple"),
            KdfChoice::TestFast,
        )
        .unwrap();
        Journal::load(vault, Utc::now()).unwrap()
    }

    /// A supervisee's journal and their supervisor's, between them holding a record in
    /// every table: the supervisee's own records, both identities and contacts, a share
    /// set, an inbox, feedback written and received, a prep sheet, a planning note, a
    /// confirmation asked for and an exchange folder.
    fn two_journals_with_every_table(
        a_dir: &std::path::Path,
        b_dir: &std::path::Path,
    ) -> (Journal, Journal) {
        let (mut a, mut b) = (new_journal(a_dir), new_journal(b_dir));
        let now = Utc::now();
        let entry = a
            .add(
                NewEntry {
                    body: "What I noticed.".into(),
                    ..Default::default()
                },
                now,
            )
            .unwrap()
            .id;
        a.save_settings(&Settings::default()).unwrap();
        a.save_draft(&Draft::default()).unwrap();
        let pack = Registry::built_in().unwrap().packs()[0].id.clone();
        a.duplicate_pack(&PackRequest {
            id: pack,
            version: None,
        })
        .unwrap();
        let item = ItemSet::builtin().unwrap().items[0].id.clone();
        a.save_checkin(
            NewCheckin {
                answers: vec![CheckinAnswer {
                    item_id: item,
                    value: 3,
                }],
                note: None,
            },
            now,
        )
        .unwrap();
        a.save_session(
            SessionInput {
                id: None,
                date: NaiveDate::from_ymd_opt(2025, 3, 4).unwrap(),
                minutes: 60,
                format: SessionFormat::Individual,
                with_whom: "my supervisor".into(),
                role: SessionRole::Receiving,
                entries_discussed: vec![entry],
                notes: None,
                details: Default::default(),
            },
            now,
        )
        .unwrap();
        let training = a
            .save_training(
                crate::journal::TrainingInput {
                    id: None,
                    title: "Working with fathers".into(),
                    provider: "MI-AIMH".into(),
                    date: NaiveDate::from_ymd_opt(2025, 3, 5).unwrap(),
                    hours: 1.5,
                    topics: vec!["rsc".into()],
                    notes: None,
                },
                now,
            )
            .unwrap();
        a.attach_certificate(&training.id, "cert.pdf", b"%PDF-1.7\n%%EOF\n")
            .unwrap();

        let card_a = Exchange::new(&mut a)
            .export_card("Alex", CardRole::Supervisee)
            .unwrap();
        let card_b = Exchange::new(&mut b)
            .export_card("Sam", CardRole::Supervisor)
            .unwrap();
        let mut ea = Exchange::new(&mut a);
        let sam = ea
            .import_card(&card_b, MyRelation::MySupervisor, false)
            .unwrap();
        let sam = ContactId::from_hex(&sam.id).unwrap();
        ea.confirm_contact(&sam, true).unwrap();
        let mut eb = Exchange::new(&mut b);
        let alex = eb
            .import_card(&card_a, MyRelation::MySupervisee, false)
            .unwrap();
        let alex = ContactId::from_hex(&alex.id).unwrap();
        eb.confirm_contact(&alex, true).unwrap();

        ea.share(&sam, &[entry]).unwrap();
        eb.import_packet(&ea.write_share_packet(&sam).unwrap())
            .unwrap();
        eb.write_response(
            &alex,
            &entry.to_hex(),
            crate::share::exchange::ResponseParts {
                heard: "I heard care.",
                wonder: "",
                stays: "",
                ..Default::default()
            },
        )
        .unwrap();
        ea.import_packet(&eb.write_feedback_packet(&alex).unwrap())
            .unwrap();
        eb.set_planning_note(&alex, "Ask about the visit.").unwrap();
        eb.set_contact_folder(&alex, Some(b_dir)).unwrap();
        let session = a.sessions()[0].id;
        Exchange::new(&mut a)
            .ask_confirmation(&sam, &session)
            .unwrap();
        let prep = crate::journal::PrepInput {
            bring: "The visit.".into(),
            ..Default::default()
        };
        a.save_prep(&prep, &[entry], now).unwrap();
        (a, b)
    }

    /// The tables `journal` has records in.
    fn tables_in(journal: &Journal) -> BTreeSet<u8> {
        Table::ALL
            .into_iter()
            .filter(|t| !journal.vault().store().records(*t).unwrap().0.is_empty())
            .map(|t| t as u8)
            .collect()
    }

    #[test]
    fn verify_finds_a_damaged_record_in_every_table() {
        let (a_dir, b_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let (a, b) = two_journals_with_every_table(a_dir.path(), b_dir.path());
        let covered: BTreeSet<u8> = tables_in(&a).union(&tables_in(&b)).copied().collect();
        let all: BTreeSet<u8> = Table::ALL.into_iter().map(|t| t as u8).collect();
        assert_eq!(covered, all, "every table holds a record to damage");

        for journal in [&a, &b] {
            assert!(super::journal(journal).unwrap().is_sound());
        }
        for table in Table::ALL {
            let journal = if tables_in(&a).contains(&(table as u8)) {
                &a
            } else {
                &b
            };
            let store = journal.vault().store();
            let row = store.records(table).unwrap().0.remove(0);
            let mut envelope = row.envelope.clone();
            let last = envelope.len() - 1;
            envelope[last] ^= 1;
            store
                .put_record(
                    table,
                    &RecordRow {
                        envelope,
                        ..row.clone()
                    },
                )
                .unwrap();

            let report = super::journal(journal).unwrap();
            let hex = crate::ids::to_hex(&row.id);
            if table == Table::EntryIndex {
                // The index holds nothing of its own: a shard that does not read makes
                // it out of step (rebuilt by `verify --repair`), not a lost record.
                assert!(report.damaged.is_empty(), "{report:?}");
                assert!(
                    report
                        .file_problems
                        .iter()
                        .any(|p| p.contains("out of step")),
                    "{report:?}"
                );
            } else {
                assert_eq!(
                    report.damaged,
                    vec![DamagedRecord { id: Some(hex) }],
                    "{table:?}"
                );
            }

            store.put_record(table, &row).unwrap();
            assert!(super::journal(journal).unwrap().is_sound(), "{table:?}");
        }
    }

    #[test]
    fn a_record_that_opens_but_is_not_its_tables_type_is_damaged() {
        let dir = tempfile::tempdir().unwrap();
        let mut j = new_journal(dir.path());
        j.save_settings(&Settings::default()).unwrap();
        // A draft's JSON sealed into the settings table authenticates, but does not
        // parse as settings.
        let row = j
            .vault()
            .store()
            .records(Table::Settings)
            .unwrap()
            .0
            .remove(0);
        let draft = serde_json::to_vec(&Draft::default()).unwrap();
        let forged = j
            .vault()
            .seal(Table::Settings, row.id, row.kind, row.revision, &draft)
            .unwrap();
        j.vault()
            .store()
            .put_record(Table::Settings, &forged)
            .unwrap();
        let report = super::journal(&j).unwrap();
        assert_eq!(report.records_checked, 1);
        assert_eq!(report.damaged.len(), 1);
        assert!(j.settings().is_err(), "never quiet defaults");
        let id = crate::journal::EntryId(row.id);
        drop(j);
        // Unlocking again lists it as damaged, so purge can remove it by id.
        let vault =
            Vault::unlock(dir.path(), &Passphrase::new("correct horse battery staple")).unwrap();
        let mut j = Journal::load(vault, Utc::now()).unwrap();
        assert_eq!(j.damaged().len(), 1);
        j.purge(&id).unwrap();
        assert!(super::journal(&j).unwrap().is_sound());
        assert_eq!(j.settings().unwrap(), Settings::default());
    }
}
