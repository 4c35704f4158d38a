//! Record ids, and the one hex codec every id, key and digest is written in.
//!
//! A record id is 16 random bytes, never a row number, shown and serialized as 32
//! lowercase hex digits. Entries, check-ins, supervision sessions and contacts each
//! have their own id type, so one cannot be passed where another is meant.

/// Bytes as lowercase hex.
pub fn to_hex(bytes: &[u8]) -> String {
    hex::encode(bytes)
}

/// Exactly `N` bytes written as hex (either case); anything else is `None`.
pub fn from_hex<const N: usize>(text: &str) -> Option<[u8; N]> {
    let mut out = [0u8; N];
    hex::decode_to_slice(text, &mut out).ok()?;
    Some(out)
}

/// Exactly `N` bytes written as lowercase hex, as Attune writes them; upper case is
/// `None` (for keys and ids inside signed documents, which have one spelling).
pub fn from_lower_hex<const N: usize>(text: &str) -> Option<[u8; N]> {
    if text.bytes().any(|b| b.is_ascii_uppercase()) {
        return None;
    }
    from_hex(text)
}

/// Any number of bytes written as hex (either case).
pub fn from_hex_vec(text: &str) -> Option<Vec<u8>> {
    hex::decode(text).ok()
}

/// Declares a random 128-bit record id type, shown and serialized as 32 lowercase hex
/// digits.
macro_rules! hex_id {
    ($(#[$meta:meta])* $name:ident, $what:literal) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub [u8; 16]);

        impl $name {
            pub fn to_hex(&self) -> String {
                $crate::ids::to_hex(&self.0)
            }

            /// 32 hex digits (either case).
            pub fn from_hex(text: &str) -> Option<Self> {
                $crate::ids::from_hex(text).map(Self)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.to_hex())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                s.serialize_str(&self.to_hex())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(
                d: D,
            ) -> std::result::Result<Self, D::Error> {
                let text = String::deserialize(d)?;
                Self::from_hex(&text)
                    .ok_or_else(|| serde::de::Error::custom(concat!($what, " is 32 hex digits")))
            }
        }
    };
}

hex_id!(
    /// A random 128-bit entry id.
    EntryId,
    "an entry id"
);

hex_id!(
    /// A random 128-bit check-in id.
    CheckinId,
    "a check-in id"
);

hex_id!(
    /// A random 128-bit session id.
    SessionId,
    "a session id"
);

hex_id!(
    /// A random 128-bit training id. Its certificate, if any, is filed under the same id.
    TrainingId,
    "a training id"
);

hex_id!(
    /// A random 128-bit prep sheet id (the sheet before a supervision session and its
    /// takeaway after).
    PrepId,
    "a prep sheet id"
);

hex_id!(
    /// The id of a pinned contact (a supervisor or supervisee). Their share set and
    /// inbox records are filed under the same id.
    ContactId,
    "a contact id"
);

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn ids_round_trip_as_lowercase_hex_and_refuse_anything_else() {
        let id = EntryId([0xab; 16]);
        assert_eq!(id.to_hex(), "ab".repeat(16));
        assert_eq!(EntryId::from_hex(&id.to_hex()), Some(id));
        assert_eq!(EntryId::from_hex(&"AB".repeat(16)), Some(id));
        for bad in [
            "xyz",
            "",
            &"ab".repeat(15),
            &"ab".repeat(17),
            &"+f".repeat(16),
        ] {
            assert_eq!(EntryId::from_hex(bad), None, "{bad:?}");
        }
        let json = serde_json::to_string(&ContactId([1; 16])).unwrap();
        assert_eq!(json, format!("\"{}\"", "01".repeat(16)));
        assert_eq!(
            serde_json::from_str::<ContactId>(&json).unwrap(),
            ContactId([1; 16])
        );
        assert!(serde_json::from_str::<ContactId>("\"01\"").is_err());
    }

    #[test]
    fn lower_hex_refuses_upper_case() {
        assert_eq!(from_lower_hex::<2>("0aff"), Some([0x0a, 0xff]));
        assert_eq!(from_lower_hex::<2>("0AFF"), None);
        assert_eq!(from_hex_vec("0aFF"), Some(vec![0x0a, 0xff]));
        assert_eq!(from_hex_vec("0af"), None);
    }
}
