//! Watching contacts' exchange folders while the journal is unlocked: every few
//! seconds a background thread asks the core what is new there (file names, sizes and
//! times only; nothing is opened), and when that changes the page is told with a DOM
//! event, without a payload. The page then asks `folder_packets` and offers each packet
//! for import with the same checks as any import. Locked, or while the journal is lent
//! to slow work, nothing is read. Polling keeps it simple and portable: it works the
//! same on a local folder, a network drive and a folder a sync app fills.

use std::time::Duration;

use tauri::{AppHandle, Manager};

use crate::state::AppState;

/// The DOM event (on `window`) saying something new is in an exchange folder.
pub const FOLDER_NEWS: &str = "attune-folder-packets";
/// How often the folders are looked at while unlocked.
const EVERY: Duration = Duration::from_secs(4);

/// What was new last time, to tell the page only about a change: the new packets
/// (contact and file name) and the folders with a problem.
fn signature(news: &attune::api::FolderNews) -> Vec<String> {
    news.packets
        .iter()
        .map(|p| format!("{}/{}/{}", p.contact_id, p.file_name, p.size))
        .chain(news.problems.iter().map(|p| format!("{}!", p.contact_id)))
        .collect()
}

pub fn watch(handle: AppHandle) {
    std::thread::spawn(move || {
        let mut last: Vec<String> = Vec::new();
        loop {
            std::thread::sleep(EVERY);
            // What to look for is taken under the app's lock; the looking is done
            // after letting go, so a network drive that stops answering never holds
            // up the auto-lock or any command.
            let watch = {
                let state = handle.state::<AppState>();
                let Ok(app) = state.app() else {
                    continue;
                };
                // Locked (or lent out): read nothing, and start afresh after the unlock.
                match app.journal() {
                    Ok(journal) => attune::api::exchange::folder_watch(journal).ok(),
                    Err(_) => None,
                }
            };
            let Some(watch) = watch else {
                last.clear();
                continue;
            };
            let news = watch.news();
            let now = signature(&news);
            if now != last && !now.is_empty() {
                crate::state::tell_the_page(&handle, FOLDER_NEWS);
            }
            last = now;
        }
    });
}
