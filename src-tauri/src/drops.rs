//! Files dropped on the window. The web view's own drop handling is off: the shell's
//! handler takes the drop (so the page neither navigates to the file nor reads it), a
//! packet among the files becomes the waiting packet, exactly as when a packet is opened
//! with Attune, and the page is only told that something is waiting (it then asks for
//! the file's name with `waiting_packet`). Anything else dropped changes nothing; the
//! page is told so, and says it kindly.
//!
//! The page is told through a DOM event the shell dispatches in it, not a Tauri event:
//! the page has no permission to listen to Tauri events at all, so it cannot subscribe
//! to the drag-and-drop events Tauri emits with the dropped files' full paths.

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Manager};

use crate::state::AppState;

/// The DOM event (on `window`) saying a packet file is waiting.
pub const PACKET_WAITING: &str = "attune-packet-waiting";
/// The DOM event (on `window`) saying what was dropped is not a packet.
pub const NOT_A_PACKET: &str = "attune-not-a-packet";

/// What a drop holds for Attune: the first packet file among the dropped paths, if any
/// (the same rule as a file opened with Attune).
#[derive(Debug, PartialEq, Eq)]
pub enum Dropped {
    Packet(PathBuf),
    NotAPacket,
}

pub fn classify<P: AsRef<Path>>(paths: &[P]) -> Dropped {
    match crate::packet_from_args(paths.iter().map(|p| p.as_ref().as_os_str())) {
        Some(packet) => Dropped::Packet(packet),
        None => Dropped::NotAPacket,
    }
}

/// Files were dropped on the window (the drag-and-drop event, or the end-to-end hook).
pub fn dropped(handle: &AppHandle, paths: &[PathBuf]) {
    let event = match classify(paths) {
        Dropped::Packet(packet) => match handle.state::<AppState>().app() {
            Ok(mut app) => {
                app.packet_opened(packet);
                PACKET_WAITING
            }
            Err(_) => return,
        },
        Dropped::NotAPacket => {
            // Locked, the page shows the lock screen and would lose the note: it waits
            // in the core and the page asks for it after the unlock.
            if let Ok(mut app) = handle.state::<AppState>().app() {
                if !app.is_unlocked() {
                    app.not_a_packet_dropped();
                }
            }
            NOT_A_PACKET
        }
    };
    if let Some(window) = handle.get_webview_window("main") {
        let _ = window.set_focus();
    }
    crate::state::tell_the_page(handle, event);
}

/// End-to-end builds only: WebDriver cannot drag a file from outside the window, so the
/// suite writes the paths to "drop" (one a line) into the file `ATTUNE_E2E_DROP` names;
/// the shell reads and removes it and hands the paths to [`dropped`], the same handler a
/// real drop reaches.
#[cfg(feature = "e2e")]
pub fn watch_e2e_drops(handle: AppHandle) {
    let Some(file) = std::env::var_os("ATTUNE_E2E_DROP").map(PathBuf::from) else {
        return;
    };
    std::thread::spawn(move || loop {
        std::thread::sleep(std::time::Duration::from_millis(200));
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let _ = std::fs::remove_file(&file);
        let paths: Vec<PathBuf> = text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(PathBuf::from)
            .collect();
        dropped(&handle, &paths);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dropped_packet_is_taken_and_anything_else_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let packet = dir.path().join("attune-feedback-2026-12-04.attune-packet");
        std::fs::write(&packet, b"x").unwrap();
        let note = dir.path().join("notes.txt");
        std::fs::write(&note, b"x").unwrap();
        let backup = dir.path().join("attune-backup-20261204-090000.attune");
        std::fs::write(&backup, b"x").unwrap();
        let folder = dir.path().join("folder.attune-packet");
        std::fs::create_dir(&folder).unwrap();

        assert_eq!(classify(&[&note, &packet]), Dropped::Packet(packet.clone()));
        assert_eq!(classify(&[&note]), Dropped::NotAPacket);
        assert_eq!(
            classify(&[&backup]),
            Dropped::NotAPacket,
            "a backup is not a packet"
        );
        assert_eq!(
            classify(&[&folder]),
            Dropped::NotAPacket,
            "a folder is not a packet"
        );
        assert_eq!(
            classify(&[dir.path().join("gone.attune-packet")]),
            Dropped::NotAPacket
        );
        assert_eq!(classify::<PathBuf>(&[]), Dropped::NotAPacket);
    }

    #[test]
    fn a_dropped_packet_waits_in_the_core_like_one_opened_with_attune() {
        let dir = tempfile::tempdir().unwrap();
        let packet = dir.path().join("from-sam.attune-packet");
        std::fs::write(&packet, b"x").unwrap();
        let Dropped::Packet(path) = classify(&[&packet]) else {
            panic!("the packet was not taken");
        };
        let mut app = attune::api::App::new(dir.path().join("journal"));
        app.packet_opened(path);
        // Locked: nothing is said about it yet, not even its name.
        assert!(app.waiting_packet().is_err());
        assert!(app.waiting_packet_path().is_err());
    }

    #[test]
    fn something_else_dropped_while_locked_is_remembered_until_asked_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = attune::api::App::new(dir.path().join("journal"));
        app.not_a_packet_dropped();
        // Locked: nothing is said yet, and the note is not used up.
        assert!(app.dropped_while_locked().is_err());
        let (vault, _) = attune::vault::Vault::create(
            &dir.path().join("journal"),
            &attune::crypto::Passphrase::new("correct horse battery staple"),
            attune::vault::KdfChoice::TestFast,
        )
        .unwrap();
        let journal = attune::journal::Journal::load(vault, chrono::Utc::now()).unwrap();
        app.install(journal).unwrap();
        assert!(app.dropped_while_locked().unwrap());
        assert!(!app.dropped_while_locked().unwrap(), "said once");
    }
}
