//! Start at login: a desktop entry in the user's autostart folder
//! (`$XDG_CONFIG_HOME/autostart`, else `~/.config/autostart`, as the freedesktop
//! Desktop Application Autostart specification says). Its presence is the setting;
//! removing it turns it off. The entry starts Attune with `--background`: locked, and
//! with only its tray icon when "keep running in the background" is on.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::{Error, ErrorCode, Result};

/// The entry's file name: the app's id, so it never clashes with another program's.
pub const ENTRY_NAME: &str = "org.attune.journal.desktop";
/// The argument the entry starts Attune with.
pub const BACKGROUND_ARG: &str = "--background";

/// Turn starting at login on or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct StartAtLogin {
    pub on: bool,
}

/// The autostart folder from `XDG_CONFIG_HOME` (when absolute) or `HOME`.
pub fn autostart_dir(xdg_config_home: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    let config = xdg_config_home
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| home.map(|h| PathBuf::from(h).join(".config")))?;
    Some(config.join("autostart"))
}

/// The autostart folder of this session. Only Linux desktops read it; elsewhere
/// starting at login is not offered yet (see the README's Install section).
pub fn this_autostart_dir() -> Result<PathBuf> {
    if !cfg!(target_os = "linux") {
        return Err(Error::new(
            ErrorCode::Unwritable,
            "Starting Attune at login is not available on this system yet.",
        ));
    }
    autostart_dir(
        std::env::var_os("XDG_CONFIG_HOME"),
        std::env::var_os("HOME"),
    )
    .ok_or_else(|| {
        Error::new(
            ErrorCode::Unwritable,
            "Attune could not find your autostart folder, so it cannot start at login.",
        )
    })
}

/// Quote a program path for a desktop entry's Exec key (the spec's quoting rules).
fn exec_quoted(program: &Path) -> String {
    let text = program.to_string_lossy();
    if text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/-_.+".contains(c))
    {
        return text.into_owned();
    }
    let mut quoted = String::from("\"");
    for c in text.chars() {
        if matches!(c, '"' | '`' | '$' | '\\') {
            quoted.push('\\');
        }
        if c == '%' {
            quoted.push('%');
        }
        quoted.push(c);
    }
    quoted.push('"');
    quoted
}

/// The desktop entry that starts `program` at login.
pub fn entry_text(program: &Path) -> String {
    format!(
        "[Desktop Entry]\nType=Application\nName=Attune\nComment=Keeps Attune running, locked, for your reminders\nExec={} {BACKGROUND_ARG}\nIcon=attune-desktop\nTerminal=false\nNoDisplay=true\nX-GNOME-Autostart-enabled=true\n",
        exec_quoted(program)
    )
}

/// Whether Attune starts at login (its entry is in `dir`).
pub fn starts_at_login(dir: &Path) -> bool {
    dir.join(ENTRY_NAME).is_file()
}

/// Write or remove the entry in `dir`; answers whether Attune now starts at login.
pub fn set_start_at_login(dir: &Path, program: &Path, on: bool) -> Result<bool> {
    let path = dir.join(ENTRY_NAME);
    let cannot = || {
        Error::new(
            ErrorCode::Unwritable,
            "Attune could not change your autostart folder. Check that it can be written, then try again.",
        )
    };
    if on {
        std::fs::create_dir_all(dir).map_err(|_| cannot())?;
        crate::files::replace_private_file(&path, entry_text(program).as_bytes())?;
    } else {
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(cannot()),
            _ => {}
        }
    }
    Ok(starts_at_login(dir))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_folder_follows_xdg_config_home_then_home() {
        assert_eq!(
            autostart_dir(Some("/x/config".into()), Some("/home/a".into())),
            Some(PathBuf::from("/x/config/autostart"))
        );
        // A relative XDG_CONFIG_HOME is invalid by the spec and ignored.
        assert_eq!(
            autostart_dir(Some("rel".into()), Some("/home/a".into())),
            Some(PathBuf::from("/home/a/.config/autostart"))
        );
        assert_eq!(autostart_dir(None, None), None);
    }

    #[test]
    fn turning_it_on_writes_the_entry_and_off_removes_it() {
        let config = tempfile::tempdir().unwrap();
        let dir = autostart_dir(Some(config.path().as_os_str().to_owned()), None).unwrap();
        let program = Path::new("/usr/bin/attune-desktop");
        assert!(!starts_at_login(&dir));
        assert!(set_start_at_login(&dir, program, true).unwrap());
        let text = std::fs::read_to_string(dir.join(ENTRY_NAME)).unwrap();
        assert!(text.starts_with("[Desktop Entry]\n"));
        assert!(text.contains("\nType=Application\n"));
        assert!(text.contains("\nExec=/usr/bin/attune-desktop --background\n"));
        // Twice is the same as once.
        assert!(set_start_at_login(&dir, program, true).unwrap());
        assert!(!set_start_at_login(&dir, program, false).unwrap());
        assert!(!dir.join(ENTRY_NAME).exists());
        assert!(!set_start_at_login(&dir, program, false).unwrap());
        // Other programs' entries are left alone.
        std::fs::write(dir.join("other.desktop"), "x").unwrap();
        set_start_at_login(&dir, program, true).unwrap();
        set_start_at_login(&dir, program, false).unwrap();
        assert!(dir.join("other.desktop").exists());
    }

    #[test]
    fn a_program_path_with_spaces_or_specials_is_quoted() {
        assert_eq!(
            exec_quoted(Path::new("/opt/My Apps/at$une")),
            r#""/opt/My Apps/at\$une""#
        );
        assert_eq!(exec_quoted(Path::new("/a/100%")), r#""/a/100%%""#);
    }
}
