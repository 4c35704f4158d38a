//! Hostile inputs anyone could make, shared by the packet tests and the packet benchmark
//! (`benches/packets.rs` includes this file through `#[path]`).

/// A syntactically valid age header stuffed with X25519 stanzas for nobody, `total`
/// bytes long: age's unbuffered parser takes time quadratic in its size.
pub fn stanza_stuffed(total: usize) -> Vec<u8> {
    let stanza = format!("-> X25519 {}\n{}\n", "A".repeat(43), "B".repeat(43));
    let mut out = b"age-encryption.org/v1\n".to_vec();
    while out.len() + stanza.len() + 64 < total {
        out.extend_from_slice(stanza.as_bytes());
    }
    out.extend_from_slice(format!("--- {}\n", "C".repeat(43)).as_bytes());
    out.resize(total, 0);
    out
}
