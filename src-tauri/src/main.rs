//! Attune's desktop shell: thin Tauri commands over `attune::api`, nothing more.
//!
//! Every command ([`commands`], listed once in [`attune::with_commands!`]) takes one
//! request and calls one api function; slow ones (key derivation) run off the lock. The
//! shell adds only what a desktop needs: the window, single instance, the idle
//! auto-lock, locking on suspend and screen lock and when the window closes, native
//! dialogs, and no core dumps.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
#[cfg(target_os = "linux")]
mod desktop_events;
mod dialogs;
mod drops;
mod folders;
mod idle;
// WebKitGTK's language comes from the locale variables; WebView2 and WKWebView take
// the system's language setting, so elsewhere there is nothing to fix.
#[cfg(target_os = "linux")]
mod locale;
mod navigation;
mod reminders;
mod state;
mod tray;

use std::path::PathBuf;

use attune::api::{App, Error};
use tauri::Manager;

use state::AppState;

/// `--journal DIR` opens a journal elsewhere (the same rule as the CLI).
fn journal_dir_from_args() -> Result<PathBuf, Error> {
    let mut args = std::env::args_os().skip(1);
    let mut explicit = None;
    while let Some(arg) = args.next() {
        if arg == "--journal" {
            explicit = args.next().map(PathBuf::from);
        } else if let Some(dir) = arg.to_str().and_then(|a| a.strip_prefix("--journal=")) {
            explicit = Some(PathBuf::from(dir));
        }
    }
    attune::location::journal_dir(explicit.as_deref())
}

/// Started at login by the autostart entry.
fn started_in_background() -> bool {
    std::env::args_os()
        .skip(1)
        .any(|a| a == attune::api::autostart::BACKGROUND_ARG)
}

/// A packet file among the arguments (the file manager passes the file opened with
/// Attune). Only files named like packets count; everything else is left alone.
fn packet_from_args<I: IntoIterator<Item = S>, S: AsRef<std::ffi::OsStr>>(
    args: I,
) -> Option<PathBuf> {
    args.into_iter()
        .map(|a| PathBuf::from(a.as_ref()))
        .find(|p| {
            p.extension()
                .is_some_and(|e| e == attune::api::exchange::PACKET_EXTENSION)
                && p.is_file()
        })
}

/// The one window, from its configuration, with the navigation guard and no new windows.
fn open_main_window(app: &tauri::AppHandle) -> Result<(), Box<dyn std::error::Error>> {
    let config = app
        .config()
        .app
        .windows
        .iter()
        .find(|w| w.label == "main")
        .cloned()
        .ok_or("the main window is not configured")?;
    tauri::WebviewWindowBuilder::from_config(app, &config)?
        .on_navigation(navigation::allowed)
        .on_new_window(|_, _| tauri::webview::NewWindowResponse::Deny)
        .build()?;
    Ok(())
}

/// Decrypted text must not end up in a core file if the app crashes.
#[cfg(target_os = "linux")]
fn disable_core_dumps() {
    let none = rustix::process::Rlimit {
        current: Some(0),
        maximum: Some(0),
    };
    if rustix::process::setrlimit(rustix::process::Resource::Core, none).is_err() {
        eprintln!("attune: could not disable core dumps");
    }
}

/// Windows writes no core file of a crashed app unless the machine is set up for crash
/// dumps, and macOS writes none unless core files are switched on (`ulimit -c`); there
/// is nothing to turn off by default.
#[cfg(not(target_os = "linux"))]
fn disable_core_dumps() {}

fn main() {
    #[cfg(target_os = "linux")]
    locale::give_the_web_view_a_language();
    disable_core_dumps();
    let dir = match journal_dir_from_args() {
        Ok(dir) => dir,
        Err(e) => {
            eprintln!("attune: {}", e.message);
            std::process::exit(2);
        }
    };
    let mut core = App::new(dir);
    if let Some(packet) = packet_from_args(std::env::args_os().skip(1)) {
        core.packet_opened(packet);
    }
    let state = AppState::new(core);
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, args, cwd| {
            // A second launch brings the open window forward instead, handing over a
            // packet file it was opened with (the page asks for it when it gets focus).
            let args = args
                .iter()
                .skip(1)
                .map(|a| std::path::Path::new(&cwd).join(a));
            if let Some(packet) = packet_from_args(args) {
                if let Ok(mut core) = app.state::<AppState>().app() {
                    core.packet_opened(packet);
                }
            }
            reminders::show_window(app);
        }))
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .invoke_handler(commands::handler())
        .setup(|app| {
            open_main_window(app.handle())?;
            idle::watch(app.handle().clone());
            reminders::watch(app.handle().clone());
            // Started at login (`--background`) with the tray on: only the tray shows.
            if app.state::<AppState>().reminders.keep_running() {
                tray::set(app.handle(), true);
                if started_in_background() && tray::is_up(app.handle()) {
                    if let Some(window) = app.get_webview_window("main") {
                        window.hide()?;
                    }
                }
            }
            folders::watch(app.handle().clone());
            #[cfg(feature = "e2e")]
            drops::watch_e2e_drops(app.handle().clone());
            // Elsewhere the idle lock, the lock button and locking on close apply.
            #[cfg(target_os = "linux")]
            desktop_events::watch(app.handle());
            Ok(())
        })
        .on_window_event(|window, event| match event {
            tauri::WindowEvent::CloseRequested { api, .. } => {
                let handle = window.app_handle();
                if window.state::<AppState>().reminders.keep_running() && tray::is_up(handle) {
                    // Kept running in the background: hide the window and lock (the page
                    // reloads to the unlock screen), the tray icon stays.
                    api.prevent_close();
                    crate::state::lock_and_notify(handle);
                    let _ = window.hide();
                } else if let Ok(mut app) = window.state::<AppState>().app() {
                    // Keep what was being written (encrypted) and drop the key.
                    let _ = app.lock();
                }
            }
            tauri::WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) => {
                drops::dropped(window.app_handle(), paths);
            }
            _ => {}
        })
        .build(tauri::generate_context!());
    match app {
        Ok(app) => app.run(|handle, event| {
            if let tauri::RunEvent::Exit = event {
                if let Ok(mut app) = handle.state::<AppState>().app() {
                    let _ = app.lock();
                }
            }
        }),
        Err(e) => {
            eprintln!("attune: the window could not start: {e}");
            std::process::exit(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use attune::api::COMMAND_NAMES;

    #[test]
    fn only_an_existing_file_named_like_a_packet_is_taken_from_the_arguments() {
        let dir = tempfile::tempdir().unwrap();
        let packet = dir.path().join("attune-share-2026-12-04.attune-packet");
        std::fs::write(&packet, b"x").unwrap();
        let backup = dir.path().join("attune-backup-20261204-090000.attune");
        std::fs::write(&backup, b"x").unwrap();
        let missing = dir.path().join("gone.attune-packet");
        let args = |list: &[&std::path::Path]| {
            super::packet_from_args(list.iter().map(|p| p.as_os_str().to_owned()))
        };
        assert_eq!(args(&[&backup, &missing, &packet]), Some(packet.clone()));
        assert_eq!(args(&[&backup]), None, "a backup is not a packet");
        assert_eq!(args(&[&missing]), None);
        assert_eq!(args(&[std::path::Path::new("--journal"), dir.path()]), None);
    }

    #[test]
    fn the_capability_grants_exactly_the_declared_commands() {
        let listed: Vec<String> = COMMAND_NAMES.iter().map(|s| s.to_string()).collect();
        let capability: serde_json::Value =
            serde_json::from_str(include_str!("../capabilities/main.json")).unwrap();
        let granted: Vec<String> = capability["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|p| p.as_str())
            .filter_map(|p| p.strip_prefix("allow-"))
            .map(|p| p.replace('-', "_"))
            .collect();
        assert_eq!(granted, listed, "capability vs attune::with_commands!");
        let others: Vec<&str> = capability["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|p| p.as_str())
            .filter(|p| !p.starts_with("allow-"))
            .collect();
        // No event permissions: the page cannot listen to Tauri's drag-and-drop events,
        // which carry the dropped files' full paths (the shell tells it with DOM events).
        assert_eq!(others, Vec::<&str>::new());
    }

    #[test]
    fn the_window_has_one_capability_and_a_strict_csp() {
        let conf: serde_json::Value =
            serde_json::from_str(include_str!("../tauri.conf.json")).unwrap();
        let security = &conf["app"]["security"];
        assert_eq!(security["capabilities"], serde_json::json!(["main-window"]));
        assert_eq!(security["freezePrototype"], true);
        assert_eq!(conf["app"]["withGlobalTauri"], false);
        // The window is made in code, with the navigation guard. The shell's drag-and-drop
        // handler is on, so a file dropped on the window reaches Rust (drops.rs) and the
        // web view's own drop handling (navigating to the file, or handing it to the
        // page) never runs; the page cannot listen to the paths Tauri emits (above).
        let window = &conf["app"]["windows"][0];
        assert_eq!(window["create"], false);
        assert_eq!(window["dragDropEnabled"], true);
        let csp = security["csp"].as_str().unwrap();
        assert!(csp.contains("default-src 'self'") && csp.contains("style-src 'self'"));
        assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"));
        assert!(!csp.contains("http://") || csp.contains("connect-src ipc: http://ipc.localhost"));
    }
}
