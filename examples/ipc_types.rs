//! Write the TypeScript declarations of the IPC types into the front end.

fn main() -> std::io::Result<()> {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(attune::api::typescript::TYPES_FILE);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&path, attune::api::typescript::render())?;
    println!("wrote {}", path.display());
    Ok(())
}
