//! The supervision exchange: identities, contacts, share and feedback packets, import.
//!
//! Packets travel as files through any channel. The crypto lives in [`crate::crypto`];
//! this module owns the formats and the rules. [`document`] is the signed document a
//! packet carries.

pub mod document;
pub mod packet;

pub use packet::{
    encode_frame, next_sequence, open_packet, open_plaintext, parse_document, parse_frame,
    parse_signing_key_hex, seal_packet, signing_key_hex, OpenedPacket, MAX_DOCUMENT_BYTES,
    MAX_PACKET_BYTES, PACKET_MAGIC, SIGNATURE_CONTEXT,
};
