//! The recovery key: 128 random bits, written as Crockford base32 with a checksum.
//!
//! Shown form: 32 characters in eight groups of four, `XXXX-XXXX-…`. The 160 encoded
//! bits are the 128-bit key followed by the first 32 bits of
//! SHA-256("attune/recovery-key/v1" || key), so a mistyped character is reported as a
//! mistype instead of as a wrong key. Reading is case-insensitive, ignores spaces and
//! hyphens, and accepts the Crockford look-alikes (O for 0, I and L for 1).

use zeroize::Zeroizing;

use super::{fill_random, sha256, CryptoError};

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const KEY_LEN: usize = 16;
const CHECK_LEN: usize = 4;
const ENCODED_CHARS: usize = 32;
const CHECK_TAG: &[u8] = b"attune/recovery-key/v1";

/// A journal's recovery key. Zeroized on drop; never printed by `Debug`.
pub struct RecoveryKey(Zeroizing<[u8; KEY_LEN]>);

/// Why a typed recovery key was not accepted. None of these say anything about the key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecoveryKeyError {
    #[error("a recovery key has 32 letters and digits (eight groups of four); this one has {0}")]
    WrongLength(usize),
    #[error("a recovery key uses only digits and the letters A to Z without U; please check it")]
    BadCharacter,
    #[error("this recovery key has a typing mistake; please check each group against your copy")]
    Mistyped,
}

impl RecoveryKey {
    pub fn generate() -> Result<Self, CryptoError> {
        let mut bytes = Zeroizing::new([0u8; KEY_LEN]);
        fill_random(bytes.as_mut())?;
        Ok(Self(bytes))
    }

    /// A recovery key with the given bytes: for known-answer vectors only.
    #[cfg(test)]
    pub(crate) fn from_bytes(bytes: [u8; KEY_LEN]) -> Self {
        Self(Zeroizing::new(bytes))
    }

    pub(crate) fn expose(&self) -> &[u8; KEY_LEN] {
        &self.0
    }

    fn checksum(key: &[u8; KEY_LEN]) -> [u8; CHECK_LEN] {
        let mut input = Zeroizing::new(Vec::with_capacity(CHECK_TAG.len() + KEY_LEN));
        input.extend_from_slice(CHECK_TAG);
        input.extend_from_slice(key);
        let digest = sha256(&input);
        [digest[0], digest[1], digest[2], digest[3]]
    }

    /// The form shown to the person, once: `XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX`.
    pub fn to_display(&self) -> Zeroizing<String> {
        let mut raw = Zeroizing::new([0u8; KEY_LEN + CHECK_LEN]);
        raw[..KEY_LEN].copy_from_slice(self.expose());
        raw[KEY_LEN..].copy_from_slice(&Self::checksum(self.expose()));
        let mut out = Zeroizing::new(String::with_capacity(ENCODED_CHARS + 7));
        // 160 bits = 32 groups of 5 bits, most significant first.
        for i in 0..ENCODED_CHARS {
            let bit = i * 5;
            let mut value = 0u16;
            for b in bit..bit + 5 {
                value = (value << 1) | u16::from((raw[b / 8] >> (7 - b % 8)) & 1);
            }
            if i > 0 && i % 4 == 0 {
                out.push('-');
            }
            out.push(char::from(ALPHABET[usize::from(value)]));
        }
        out
    }

    /// Read a typed recovery key.
    pub fn parse(typed: &str) -> Result<Self, RecoveryKeyError> {
        let mut values = Zeroizing::new(Vec::with_capacity(ENCODED_CHARS));
        for c in typed.chars() {
            if c == '-' || c.is_whitespace() {
                continue;
            }
            let c = match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                other => other,
            };
            match ALPHABET.iter().position(|&a| char::from(a) == c) {
                Some(v) => values.push(v as u8),
                None => return Err(RecoveryKeyError::BadCharacter),
            }
        }
        if values.len() != ENCODED_CHARS {
            return Err(RecoveryKeyError::WrongLength(values.len()));
        }
        let mut raw = Zeroizing::new([0u8; KEY_LEN + CHECK_LEN]);
        for (i, v) in values.iter().enumerate() {
            for j in 0..5 {
                let bit = i * 5 + j;
                if (v >> (4 - j)) & 1 == 1 {
                    raw[bit / 8] |= 1 << (7 - bit % 8);
                }
            }
        }
        let mut key = Zeroizing::new([0u8; KEY_LEN]);
        key.copy_from_slice(&raw[..KEY_LEN]);
        if raw[KEY_LEN..] != Self::checksum(&key) {
            return Err(RecoveryKeyError::Mistyped);
        }
        Ok(Self(key))
    }
}

impl std::fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecoveryKey([REDACTED])")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_is_eight_groups_of_four_and_parses_back() {
        let key = RecoveryKey::generate().unwrap();
        let shown = key.to_display();
        let groups: Vec<&str> = shown.split('-').collect();
        assert_eq!(groups.len(), 8);
        assert!(groups.iter().all(|g| g.len() == 4));
        let back = RecoveryKey::parse(&shown).unwrap();
        assert_eq!(back.expose(), key.expose());
        // Case, spacing and look-alike letters do not matter.
        let relaxed = shown
            .to_lowercase()
            .replace('-', " ")
            .replace('0', "o")
            .replace('1', "l");
        assert_eq!(RecoveryKey::parse(&relaxed).unwrap().expose(), key.expose());
    }

    #[test]
    fn every_single_character_mistype_is_reported_as_a_mistype() {
        let key = RecoveryKey::generate().unwrap();
        let shown: String = key.to_display().replace('-', "");
        for i in 0..shown.len() {
            for &replacement in ALPHABET.iter() {
                let mut typed = shown.clone().into_bytes();
                if typed[i] == replacement {
                    continue;
                }
                typed[i] = replacement;
                let typed = String::from_utf8(typed).unwrap();
                assert_eq!(
                    RecoveryKey::parse(&typed).err(),
                    Some(RecoveryKeyError::Mistyped)
                );
            }
        }
    }

    #[test]
    fn wrong_length_and_bad_characters_are_named() {
        assert_eq!(
            RecoveryKey::parse("ABCD-EFGH").err(),
            Some(RecoveryKeyError::WrongLength(8))
        );
        let with_u = "UUUU-0000-0000-0000-0000-0000-0000-0000";
        assert_eq!(
            RecoveryKey::parse(with_u).err(),
            Some(RecoveryKeyError::BadCharacter)
        );
    }

    #[test]
    fn known_key_has_a_fixed_display() {
        // Format drift check: all-zero key bytes encode to a fixed string.
        let key = RecoveryKey(Zeroizing::new([0u8; KEY_LEN]));
        let shown = key.to_display();
        assert!(shown.starts_with("0000-0000-0000-0000-0000-00"));
        assert_eq!(
            RecoveryKey::parse(&shown).unwrap().expose(),
            &[0u8; KEY_LEN]
        );
    }
}
