// The app commands, listed once. build.rs reads this file to generate one permission
// per command (AppManifest), and a test checks it against `generate_handler!` and the
// main window's capability.
pub const COMMANDS: &[&str] = &[
    "status",
    "about",
    "create_journal",
    "check_recovery_key",
    "save_recovery_key",
    "unlock",
    "lock",
    "recover",
    "change_passphrase",
    "find_entries",
    "get_entry",
    "create_entry",
    "update_entry",
    "trash_entry",
    "restore_entry",
    "stage_draft",
    "kept_draft",
    "discard_draft",
    "get_settings",
    "save_settings",
    "note_activity",
];
