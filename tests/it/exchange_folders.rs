//! Exchange folders: two real journals sharing one folder, as two people's sync apps
//! keep it. One side writes, the other's check finds and imports; nothing is offered
//! twice; a refused file is reported once; one's own packets are never offered back; a
//! folder gone missing is said plainly and the packet is still saved; a name already
//! taken is never overwritten. And removing a contact while keeping what they sent.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use crate::support::*;
use attune::api::exchange::{self as ex, ContactFolderRequest, FolderPacketRef};
use attune::api::{
    ContactRef, FolderNews, RemoveContactRequest, ResponseRequest, SendToFolderRequest, WriteMode,
};
use attune::ids::ContactId;
use attune::journal::{EntryId, Journal, NewEntry};
use attune::share::PacketKind;
use attune::ErrorCode;

fn journal(dir: &Path) -> Journal {
    create_journal(dir).0
}

fn entry(j: &mut Journal, body: &str) -> EntryId {
    j.add(
        NewEntry {
            title: Some("Home visit".into()),
            body: body.into(),
            family_code: Some("FAM1".into()),
            bring_to_supervision: true,
            ..Default::default()
        },
        now(),
    )
    .unwrap()
    .id
}

fn set_folder(j: &mut Journal, contact: &ContactId, folder: Option<&Path>) -> attune::Result<()> {
    ex::set_contact_folder(
        j,
        &ContactFolderRequest {
            contact_id: &contact.to_hex(),
            folder,
        },
    )
    .map(|_| ())
}

fn news(j: &Journal) -> FolderNews {
    ex::folder_news(j).unwrap()
}

fn import(
    j: &mut Journal,
    contact: &ContactId,
    file: &str,
) -> attune::Result<attune::api::ImportOutcome> {
    ex::import_folder_packet(
        j,
        &FolderPacketRef {
            contact_id: contact.to_hex(),
            file_name: file.to_string(),
        },
    )
}

fn packets_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

struct Two {
    _dirs: (tempfile::TempDir, tempfile::TempDir, tempfile::TempDir),
    a: Journal,
    b: Journal,
    /// The supervisor, in the supervisee's journal.
    sam: ContactId,
    /// The supervisee, in the supervisor's journal.
    alex: ContactId,
    folder: PathBuf,
}

/// A supervisee (a) and a supervisor (b) who chose the same folder for each other.
fn two_sharing_a_folder() -> Two {
    let (da, db) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let shared = tempfile::tempdir().unwrap();
    let (mut a, mut b) = (journal(da.path()), journal(db.path()));
    let (sam, alex) = pair(&mut a, &mut b);
    let folder = shared.path().join("Attune with Sam");
    std::fs::create_dir(&folder).unwrap();
    set_folder(&mut a, &sam, Some(&folder)).unwrap();
    set_folder(&mut b, &alex, Some(&folder)).unwrap();
    Two {
        _dirs: (da, db, shared),
        a,
        b,
        sam,
        alex,
        folder,
    }
}

fn share_into_folder(t: &mut Two, body: &str, out: &Path) -> attune::api::SavedFile {
    let e = entry(&mut t.a, body);
    attune::share::Exchange::new(&mut t.a)
        .share(&t.sam, &[e])
        .unwrap();
    ex::write_share_packet_to(
        &mut t.a,
        &ContactRef {
            contact_id: t.sam.to_hex(),
        },
        out,
        WriteMode::NewOnly,
    )
    .unwrap()
}

#[test]
fn a_packet_one_side_writes_is_found_and_imported_by_the_other_and_answered_back() {
    let mut t = two_sharing_a_folder();
    let elsewhere = tempfile::tempdir().unwrap();
    let out = elsewhere.path().join("for-sam.attune-packet");
    let saved = share_into_folder(&mut t, "The baby turned to the window.", &out);
    assert!(
        out.exists(),
        "the packet is still saved where the person chose"
    );
    let copy = saved.folder.expect("a folder copy was made");
    assert!(copy.written, "{:?}", copy.problem);
    let name = copy.file_name.unwrap();
    assert_eq!(
        packets_in(&t.folder),
        vec![name.clone()],
        "no temporary file left"
    );
    // A date and random digits: no person, no family code, nothing about the kind.
    assert!(
        name.starts_with("attune-") && name.ends_with(".attune-packet"),
        "{name}"
    );
    for word in ["Alex", "Sam", "FAM1", "share", "window"] {
        assert!(!name.contains(word), "{name} names {word}");
    }
    assert_eq!(
        std::fs::read(t.folder.join(&name)).unwrap(),
        std::fs::read(&out).unwrap(),
        "the same packet"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(t.folder.join(&name))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    // The writer's own packet is never offered back.
    assert_eq!(news(&t.a), FolderNews::default());

    // The other side finds it, with whom it is from, and imports it.
    let found = news(&t.b);
    assert_eq!(found.packets.len(), 1);
    assert_eq!(found.packets[0].file_name, name);
    assert_eq!(found.packets[0].contact_name, "Alex");
    assert!(found.problems.is_empty());
    let got = import(&mut t.b, &t.alex, &name).unwrap();
    assert_eq!(
        (got.kind, got.entries, got.already_imported),
        (PacketKind::Share, 1, false)
    );
    let inbox = ex::inbox(&mut t.b, &Default::default()).unwrap();
    assert_eq!(
        inbox[0].items[0].entry.body,
        "The baby turned to the window."
    );
    assert_eq!(
        news(&t.b),
        FolderNews::default(),
        "imported: not offered again"
    );

    // The answer goes back through the same folder, without a save dialog.
    let entry_id = inbox[0].items[0].entry.entry_id.clone();
    ex::write_response(
        &mut t.b,
        &ResponseRequest {
            contact_id: t.alex.to_hex(),
            entry_id,
            heard: "I heard how still it was.".into(),
            noticed: String::new(),
            wonder: String::new(),
            stays: String::new(),
        },
    )
    .unwrap();
    let sent = ex::send_packet_to_folder(
        &mut t.b,
        &SendToFolderRequest {
            contact_id: t.alex.to_hex(),
            kind: PacketKind::Feedback,
        },
    )
    .unwrap();
    assert!(sent.written);
    assert_eq!(
        news(&t.b),
        FolderNews::default(),
        "own feedback not offered back"
    );
    let back = news(&t.a);
    assert_eq!(back.packets.len(), 1);
    assert_eq!(Some(&back.packets[0].file_name), sent.file_name.as_ref());
    let got = import(&mut t.a, &t.sam, &back.packets[0].file_name).unwrap();
    assert_eq!((got.kind, got.responses), (PacketKind::Feedback, 1));
    assert_eq!(news(&t.a), FolderNews::default());
    assert_eq!(
        packets_in(&t.folder).len(),
        2,
        "nothing in the folder was overwritten"
    );

    // After the import, the file may be deleted; only an imported one.
    let theirs = sent.file_name.unwrap();
    let req = FolderPacketRef {
        contact_id: t.sam.to_hex(),
        file_name: name.clone(),
    };
    assert!(
        ex::delete_folder_packet(&mut t.a, &req).is_err(),
        "my own packet is not deleted as if imported"
    );
    ex::delete_folder_packet(
        &mut t.a,
        &FolderPacketRef {
            contact_id: t.sam.to_hex(),
            file_name: theirs.clone(),
        },
    )
    .unwrap();
    assert_eq!(packets_in(&t.folder), vec![name]);
}

#[test]
fn a_copy_or_replay_is_not_offered_twice_and_a_refused_file_is_reported_once() {
    let mut t = two_sharing_a_folder();
    let elsewhere = tempfile::tempdir().unwrap();
    let first = share_into_folder(&mut t, "First.", &elsewhere.path().join("1.attune-packet"));
    let first = first.folder.unwrap().file_name.unwrap();
    import(&mut t.b, &t.alex, &first).unwrap();

    // The same packet again under another name (a sync conflict copy): offered, since
    // the name is new, but importing changes nothing and it is not offered again.
    std::fs::copy(
        t.folder.join(&first),
        t.folder.join("conflict-copy.attune-packet"),
    )
    .unwrap();
    assert_eq!(news(&t.b).packets.len(), 1);
    let again = import(&mut t.b, &t.alex, "conflict-copy.attune-packet").unwrap();
    assert!(again.already_imported);
    assert!(news(&t.b).packets.is_empty());

    // A newer packet, then the older one replayed under a new name: refused, once.
    let second = share_into_folder(&mut t, "Second.", &elsewhere.path().join("2.attune-packet"));
    let second = second.folder.unwrap().file_name.unwrap();
    let older = std::fs::read(elsewhere.path().join("1.attune-packet")).unwrap();
    import(&mut t.b, &t.alex, &second).unwrap();
    std::fs::write(t.folder.join("replayed.attune-packet"), &older).unwrap();
    let err = import(&mut t.b, &t.alex, "replayed.attune-packet").unwrap_err();
    assert_eq!(err.code, ErrorCode::PacketRefused);
    assert!(err.message.contains("older"), "{}", err.message);
    assert!(
        news(&t.b).packets.is_empty(),
        "a refused file is left alone"
    );

    // Something hostile: refused without changing anything, then left alone; replaced
    // by other bytes under the same name, it is offered (and checked) again.
    let hostile = t.folder.join("hostile.attune-packet");
    std::fs::write(&hostile, b"age-encryption.org/v1\nnot really").unwrap();
    assert_eq!(news(&t.b).packets.len(), 1);
    let inbox_before = ex::inbox(&mut t.b, &Default::default()).unwrap();
    let err = import(&mut t.b, &t.alex, "hostile.attune-packet").unwrap_err();
    assert_eq!(err.code, ErrorCode::PacketRefused);
    assert_eq!(
        ex::inbox(&mut t.b, &Default::default()).unwrap(),
        inbox_before
    );
    assert!(news(&t.b).packets.is_empty());
    assert!(hostile.exists(), "left where it is");
    std::fs::write(&hostile, b"something else, longer than before").unwrap();
    assert_eq!(news(&t.b).packets.len(), 1);

    // Other files are never looked at.
    std::fs::write(t.folder.join("notes.txt"), b"x").unwrap();
    std::fs::write(t.folder.join(".hidden.attune-packet"), b"x").unwrap();
    std::fs::create_dir(t.folder.join("dir.attune-packet")).unwrap();
    assert_eq!(news(&t.b).packets.len(), 1);
}

#[test]
fn a_packet_from_someone_else_in_a_contacts_folder_is_refused() {
    let mut t = two_sharing_a_folder();
    let dc = tempfile::tempdir().unwrap();
    let mut c = journal(dc.path());
    let (sam_in_c, _cam) = pair_named(&mut c, "Cam", &mut t.b, "Sam");
    let e = entry(&mut c, "Cam's visit.");
    attune::share::Exchange::new(&mut c)
        .share(&sam_in_c, &[e])
        .unwrap();
    let bytes = attune::share::Exchange::new(&mut c)
        .write_share_packet(&sam_in_c)
        .unwrap();
    // Cam's packet turns up in the folder Sam shares with Alex.
    std::fs::write(t.folder.join("from-cam.attune-packet"), &bytes).unwrap();
    let found = news(&t.b);
    assert_eq!(found.packets[0].contact_name, "Alex");
    let err = import(&mut t.b, &t.alex, "from-cam.attune-packet").unwrap_err();
    assert_eq!(err.code, ErrorCode::PacketRefused);
    assert!(
        err.message.contains("someone other than"),
        "{}",
        err.message
    );
    assert!(ex::inbox(&mut t.b, &Default::default())
        .unwrap()
        .iter()
        .all(|g| g.items.is_empty()));
    // Not a file name outside the folder, either.
    for bad in ["../x.attune-packet", "/etc/passwd", ".hidden.attune-packet"] {
        assert!(import(&mut t.b, &t.alex, bad).is_err(), "{bad}");
    }
}

#[test]
fn a_missing_folder_is_said_plainly_and_the_packet_is_still_saved() {
    let mut t = two_sharing_a_folder();
    std::fs::remove_dir(&t.folder).unwrap();
    let problems = news(&t.b).problems;
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0]
            .message
            .contains("cannot find the exchange folder for Alex"),
        "{}",
        problems[0].message
    );
    assert!(
        problems[0].message.contains("Attune with Sam"),
        "names the folder"
    );

    let elsewhere = tempfile::tempdir().unwrap();
    let out = elsewhere.path().join("for-sam.attune-packet");
    let saved = share_into_folder(&mut t, "Words.", &out);
    assert!(saved.saved && out.exists());
    let copy = saved.folder.unwrap();
    assert!(!copy.written);
    assert!(copy.problem.unwrap().contains("cannot find"));

    // Choosing a folder that is not there, or one already used for someone else.
    let nowhere = elsewhere.path().join("nowhere");
    let err = set_folder(&mut t.a, &t.sam, Some(&nowhere)).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    let dc = tempfile::tempdir().unwrap();
    let mut c = journal(dc.path());
    let (_, cam) = pair_named(&mut c, "Cam", &mut t.b, "Sam");
    let other = elsewhere.path().join("shared");
    std::fs::create_dir(&other).unwrap();
    set_folder(&mut t.b, &t.alex, Some(&other)).unwrap();
    let err = set_folder(&mut t.b, &cam, Some(&other)).unwrap_err();
    assert!(
        err.message.contains("one folder for each person"),
        "{}",
        err.message
    );
    // Stopping: no folder, nothing offered, the folder left alone.
    set_folder(&mut t.b, &t.alex, None).unwrap();
    assert_eq!(news(&t.b), FolderNews::default());
    assert!(other.exists());
    let contact = ex::contact(&mut t.b, &t.alex.to_hex()).unwrap();
    assert_eq!(contact.exchange_folder, None);
}

#[test]
#[cfg(unix)]
fn a_folder_that_cannot_be_written_is_refused_when_chosen_and_said_when_sending() {
    use std::os::unix::fs::PermissionsExt;
    let mut t = two_sharing_a_folder();
    std::fs::set_permissions(&t.folder, std::fs::Permissions::from_mode(0o500)).unwrap();
    // Root can write anyway; the check only means something for a normal user.
    if std::fs::write(t.folder.join("probe"), b"").is_ok() {
        return;
    }
    let elsewhere = tempfile::tempdir().unwrap();
    let out = elsewhere.path().join("p.attune-packet");
    let saved = share_into_folder(&mut t, "Words.", &out);
    assert!(out.exists());
    assert!(saved
        .folder
        .unwrap()
        .problem
        .unwrap()
        .contains("cannot write into"));
    let err = set_folder(&mut t.a, &t.sam, Some(&t.folder)).unwrap_err();
    assert_eq!(err.code, ErrorCode::Unwritable);
    std::fs::set_permissions(&t.folder, std::fs::Permissions::from_mode(0o700)).unwrap();
}

#[test]
fn a_new_file_never_overwrites_one_already_there() {
    let dir = tempfile::tempdir().unwrap();
    let taken = dir.path().join("attune-2026-12-05-00.attune-packet");
    std::fs::write(&taken, b"theirs").unwrap();
    let err = attune::files::write_new_file_atomically(
        dir.path(),
        "attune-2026-12-05-00.attune-packet",
        b"mine",
    )
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert_eq!(std::fs::read(&taken).unwrap(), b"theirs");
    assert_eq!(packets_in(dir.path()).len(), 1, "no temporary file left");
    attune::files::write_new_file_atomically(dir.path(), "other.attune-packet", b"mine").unwrap();
    assert_eq!(
        std::fs::read(dir.path().join("other.attune-packet")).unwrap(),
        b"mine"
    );
}

#[test]
fn removing_a_contact_can_keep_what_they_sent_marked_as_from_a_removed_contact() {
    let mut t = two_sharing_a_folder();
    let elsewhere = tempfile::tempdir().unwrap();
    let saved = share_into_folder(
        &mut t,
        "Kept words.",
        &elsewhere.path().join("p.attune-packet"),
    );
    let first = saved.folder.unwrap().file_name.unwrap();
    import(&mut t.b, &t.alex, &first).unwrap();

    let said = ex::contact_removal(
        &mut t.b,
        &ContactRef {
            contact_id: t.alex.to_hex(),
        },
    )
    .unwrap();
    assert!(
        said.summary
            .contains("the 1 reflection Alex shared with you"),
        "{}",
        said.summary
    );
    assert!(
        said.summary_keeping
            .contains("stay readable, marked as from a removed contact"),
        "{}",
        said.summary_keeping
    );
    let removed = ex::remove_contact(
        &mut t.b,
        &RemoveContactRequest {
            contact_id: t.alex.to_hex(),
            keep_theirs: true,
        },
    )
    .unwrap();
    assert!(removed.kept_theirs);
    assert!(ex::list_contacts(&mut t.b).unwrap().is_empty());
    let inbox = ex::inbox(&mut t.b, &Default::default()).unwrap();
    assert_eq!(inbox.len(), 1);
    assert!(inbox[0].removed_contact);
    assert_eq!(inbox[0].contact_name, "Alex");
    assert_eq!(inbox[0].items[0].entry.body, "Kept words.");
    // Their folder is forgotten with them, and their files are refused.
    assert_eq!(news(&t.b), FolderNews::default());
    let bytes = std::fs::read(t.folder.join(&first)).unwrap();
    let err = ex::import_packet(&mut t.b, &bytes).unwrap_err();
    assert_eq!(err.code, ErrorCode::PacketRefused);

    // Without keeping, what they sent goes too.
    let (dc, dd) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (mut c, mut d) = (journal(dc.path()), journal(dd.path()));
    let (sam, cam) = pair_named(&mut c, "Cam", &mut d, "Sam");
    let e = entry(&mut c, "Gone words.");
    attune::share::Exchange::new(&mut c)
        .share(&sam, &[e])
        .unwrap();
    let bytes = attune::share::Exchange::new(&mut c)
        .write_share_packet(&sam)
        .unwrap();
    ex::import_packet(&mut d, &bytes).unwrap();
    ex::remove_contact(
        &mut d,
        &RemoveContactRequest {
            contact_id: cam.to_hex(),
            keep_theirs: false,
        },
    )
    .unwrap();
    assert!(ex::inbox(&mut d, &Default::default()).unwrap().is_empty());
}

#[test]
fn a_supervisors_response_kept_after_removing_them_says_so() {
    let mut t = two_sharing_a_folder();
    let elsewhere = tempfile::tempdir().unwrap();
    let saved = share_into_folder(&mut t, "Words.", &elsewhere.path().join("p.attune-packet"));
    import(&mut t.b, &t.alex, &saved.folder.unwrap().file_name.unwrap()).unwrap();
    let entry_id = ex::inbox(&mut t.b, &Default::default()).unwrap()[0].items[0]
        .entry
        .entry_id
        .clone();
    ex::write_response(
        &mut t.b,
        &ResponseRequest {
            contact_id: t.alex.to_hex(),
            entry_id,
            heard: "Heard.".into(),
            noticed: String::new(),
            wonder: String::new(),
            stays: String::new(),
        },
    )
    .unwrap();
    let bytes = ex::write_feedback_packet(
        &mut t.b,
        &ContactRef {
            contact_id: t.alex.to_hex(),
        },
    )
    .unwrap();
    ex::import_packet(&mut t.a, &bytes).unwrap();
    ex::remove_contact(
        &mut t.a,
        &RemoveContactRequest {
            contact_id: t.sam.to_hex(),
            keep_theirs: true,
        },
    )
    .unwrap();
    let kept = ex::feedback_for(&t.a, &Default::default()).unwrap();
    assert_eq!(kept.len(), 1);
    assert!(kept[0].from_removed_contact);
    assert_eq!(kept[0].supervisor_name, "Sam");
    assert_eq!(kept[0].heard, "Heard.");
}

/// Someone who can write to the shared drive is not trusted: names that could carry
/// terminal escapes or hide their shape are never offered, a link in a packet's place
/// is not followed, a folder swapped for a link is not used, and a folder stuffed with
/// files is read only so far and offers only a page of packets.
#[cfg(unix)]
#[test]
fn a_hostile_folder_cannot_steer_what_is_read_or_shown() {
    let mut t = two_sharing_a_folder();
    for name in [
        "evil\u{1b}]52;c;eA==\u{7}.attune-packet",
        "right\u{202e}tekcap-enutta.attune-packet",
        "tab\tname.attune-packet",
    ] {
        std::fs::write(t.folder.join(name), b"x").unwrap();
    }
    assert!(news(&t.b).packets.is_empty(), "{:?}", news(&t.b).packets);

    // A link where a packet should be: not offered, and not read if asked for by name.
    let secret = tempfile::tempdir().unwrap();
    let target = secret.path().join("private.txt");
    std::fs::write(&target, b"my own notes").unwrap();
    std::os::unix::fs::symlink(&target, t.folder.join("link.attune-packet")).unwrap();
    assert!(news(&t.b).packets.is_empty());
    assert!(import(&mut t.b, &t.alex, "link.attune-packet").is_err());

    // Many files: a page of packets offered, and the person told why not all.
    for i in 0..2100 {
        std::fs::write(t.folder.join(format!("p{i:04}.attune-packet")), b"x").unwrap();
    }
    let found = news(&t.b);
    assert!(found.packets.len() <= 50, "{}", found.packets.len());
    assert!(!found.packets.is_empty());
    assert!(
        found
            .problems
            .iter()
            .any(|p| p.message.contains("more than")),
        "{:?}",
        found.problems
    );

    // The folder itself replaced by a link to somewhere else: said, not followed.
    let moved = t.folder.with_file_name("moved away");
    std::fs::rename(&t.folder, &moved).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::write(elsewhere.path().join("bait.attune-packet"), b"x").unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), &t.folder).unwrap();
    let found = news(&t.b);
    assert!(found.packets.is_empty(), "{:?}", found.packets);
    assert_eq!(found.problems.len(), 1, "{:?}", found.problems);
    assert!(import(&mut t.b, &t.alex, "bait.attune-packet").is_err());
}
