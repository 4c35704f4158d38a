//! Length-hiding padding applied inside the plaintext before encryption.
//!
//! Layout: `u32 length (big-endian) || data || zeros`. The padded size is the next
//! power of two (at least 512 bytes) up to 64 KiB, then the next multiple of 64 KiB.
//! No compression: compressing before encryption leaks content through length.

use super::CryptoError;

const MIN_BUCKET: usize = 512;
const LARGE_STEP: usize = 64 * 1024;
/// Largest plaintext a record may hold (before padding).
pub const MAX_RECORD_PLAINTEXT: usize = 16 * 1024 * 1024;

/// Size that `len` bytes of framed data (length prefix included) pad to.
pub(crate) fn padded_size(framed_len: usize) -> usize {
    if framed_len <= MIN_BUCKET {
        MIN_BUCKET
    } else if framed_len <= LARGE_STEP {
        framed_len.next_power_of_two()
    } else {
        framed_len.div_ceil(LARGE_STEP) * LARGE_STEP
    }
}

/// Frame and pad `data`.
pub(crate) fn pad(data: &[u8]) -> Result<Vec<u8>, CryptoError> {
    if data.len() > MAX_RECORD_PLAINTEXT {
        return Err(CryptoError::TooLarge);
    }
    let len = u32::try_from(data.len()).map_err(|_| CryptoError::TooLarge)?;
    let total = padded_size(4 + data.len());
    // Room for the AEAD tag, so sealing in place does not reallocate (and leave a copy).
    let mut out = Vec::with_capacity(total + 16);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(data);
    out.resize(total, 0);
    Ok(out)
}

/// The data inside a padded buffer. Only ever called on authenticated plaintext, but
/// checked anyway: a bad frame is reported like any other undecryptable record.
pub(crate) fn unpad(padded: &[u8]) -> Result<&[u8], CryptoError> {
    let prefix: [u8; 4] = padded
        .get(..4)
        .and_then(|p| p.try_into().ok())
        .ok_or(CryptoError::Undecryptable)?;
    let len = u32::from_be_bytes(prefix) as usize;
    let data = padded.get(4..4 + len).ok_or(CryptoError::Undecryptable)?;
    if padded.len() != padded_size(4 + len) || padded[4 + len..].iter().any(|&b| b != 0) {
        return Err(CryptoError::Undecryptable);
    }
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_follow_the_buckets() {
        assert_eq!(padded_size(0), 512);
        assert_eq!(padded_size(512), 512);
        assert_eq!(padded_size(513), 1024);
        assert_eq!(padded_size(40_000), 65_536);
        assert_eq!(padded_size(65_536), 65_536);
        assert_eq!(padded_size(65_537), 131_072);
        assert_eq!(padded_size(200_000), 262_144);
    }

    #[test]
    fn pad_round_trips_and_hides_length() {
        for n in [0usize, 1, 100, 508, 509, 3000, 70_000] {
            let data = vec![7u8; n];
            let padded = pad(&data).unwrap();
            assert_eq!(padded.len(), padded_size(n + 4));
            assert_eq!(unpad(&padded).unwrap(), &data[..]);
        }
        assert_eq!(pad(b"a").unwrap().len(), pad(&[1u8; 300]).unwrap().len());
    }

    #[test]
    fn bad_frames_are_refused() {
        let mut padded = pad(b"hello").unwrap();
        padded[0] = 0xff;
        assert!(unpad(&padded).is_err());
        let mut padded = pad(b"hello").unwrap();
        *padded.last_mut().unwrap() = 1;
        assert!(unpad(&padded).is_err());
        assert!(unpad(&[0, 0]).is_err());
        let padded = pad(b"hello").unwrap();
        assert!(unpad(&padded[..300]).is_err());
    }
}
