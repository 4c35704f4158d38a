//! The Tauri commands: one thin adapter per command, by area, each calling one api
//! function. The list itself is [`attune::with_commands!`]: a command declared there
//! without an adapter here fails to compile.

pub mod backups;
pub mod endorsement;
pub mod entries;
pub mod exchange;
pub mod export;
pub mod import;
pub mod keys;
pub mod packs;
pub mod print;
pub mod sessions;
pub mod settings;
pub mod supervision;
pub mod training;
pub mod wellbeing;

pub type Handler = Box<dyn Fn(tauri::ipc::Invoke<tauri::Wry>) -> bool + Send + Sync>;

macro_rules! handler {
    ($($area:ident { $($name:ident: $req:ty => $res:ty,)* })*) => {
        tauri::generate_handler![$($($area::$name),*),*]
    };
}

#[cfg(not(feature = "e2e"))]
pub fn handler() -> Handler {
    Box::new(attune::with_commands!(handler))
}

/// End-to-end builds only: registered, with a permission, granted to no window. The
/// suite proves the web view cannot call it.
#[cfg(feature = "e2e")]
#[tauri::command]
fn e2e_probe() -> &'static str {
    "reached"
}

#[cfg(feature = "e2e")]
pub fn handler() -> Handler {
    let app: Handler = Box::new(attune::with_commands!(handler));
    let probe: Handler = Box::new(tauri::generate_handler![e2e_probe]);
    Box::new(move |invoke: tauri::ipc::Invoke<tauri::Wry>| {
        if invoke.message.command() == "e2e_probe" {
            probe(invoke)
        } else {
            app(invoke)
        }
    })
}
