include!("src/command_names.rs");

fn main() {
    // Only the commands listed here become callable, each through its own permission,
    // and only where a capability grants it.
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .unwrap_or_else(|e| panic!("tauri build step failed: {e}"));
}
