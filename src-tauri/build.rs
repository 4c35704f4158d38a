// The command list is declared once, in the core; this script reads the same file to
// give each command its own permission (AppManifest).
include!("../src/api/commands.rs");

macro_rules! names {
    ($($area:ident { $($name:ident: $req:ty => $res:ty,)* })*) => {
        &[$($(stringify!($name)),*),*]
    };
}

const COMMANDS: &[&str] = with_commands!(names);

fn main() {
    println!("cargo:rerun-if-changed=../src/api/commands.rs");
    // Only the commands listed here become callable, each through its own permission,
    // and only where a capability grants it. End-to-end builds add one probe command
    // that has a permission but that no capability grants.
    let commands: &'static [&'static str] = if std::env::var_os("CARGO_FEATURE_E2E").is_some() {
        let mut all = COMMANDS.to_vec();
        all.push("e2e_probe");
        all.leak()
    } else {
        COMMANDS
    };
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .unwrap_or_else(|e| panic!("tauri build step failed: {e}"));
}
