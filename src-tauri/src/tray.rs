//! "Keep Attune running in the background (locked)": a tray icon with Open Attune and
//! Quit; closing the window then hides it and locks the journal instead of quitting, so
//! reminders can still come. On Linux the icon goes through libayatana-appindicator3
//! (the `.deb` depends on it).

use tauri::menu::{Menu, MenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::AppHandle;

pub const TRAY_ID: &str = "attune";

/// Put the tray icon up or take it down.
pub fn set(app: &AppHandle, on: bool) {
    if on {
        if app.tray_by_id(TRAY_ID).is_none() && build(app).is_err() {
            eprintln!("attune: the tray icon could not be shown");
        }
    } else {
        let _ = app.remove_tray_by_id(TRAY_ID);
    }
}

/// Whether the tray icon is up (so hiding the window leaves a way back).
pub fn is_up(app: &AppHandle) -> bool {
    app.tray_by_id(TRAY_ID).is_some()
}

fn build(app: &AppHandle) -> tauri::Result<()> {
    let open = MenuItem::with_id(app, "open", "Open Attune", true, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", "Quit Attune", true, None::<&str>)?;
    let menu = Menu::with_items(app, &[&open, &quit])?;
    let mut builder = TrayIconBuilder::with_id(TRAY_ID)
        .tooltip("Attune (locked)")
        .menu(&menu)
        .on_menu_event(|app, event| match event.id().as_ref() {
            "open" => crate::reminders::show_window(app),
            "quit" => {
                crate::state::lock_and_notify(app);
                app.exit(0);
            }
            _ => {}
        });
    if let Some(icon) = app.default_window_icon() {
        builder = builder.icon(icon.clone());
    }
    builder.build(app)?;
    Ok(())
}
