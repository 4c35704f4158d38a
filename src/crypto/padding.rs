//! Length-hiding padding applied inside the plaintext before encryption.
//!
//! Layout: `u32 length (big-endian) || data || zeros`. The padded size is a *bucket*;
//! only the bucket is visible on disk, never the length inside it. No compression:
//! compressing before encryption leaks content through length.
//!
//! Two bucket schemes exist, named by the envelope's version byte:
//!
//! - [`Scheme::Pow2`] (envelope version 1, journals written before 2026-12): the next
//!   power of two (at least 512 bytes) up to 64 KiB, then the next multiple of 64 KiB.
//!   A 2 KiB record became a 2,109-byte row, so each one took a whole 4 KiB SQLite
//!   page: half the file was empty space. Still read; never written.
//! - [`Scheme::Paged`] (version 2, written now): buckets cut so that the sealed record
//!   *and* its SQLite row fill an exact share of a 16 KiB page (a 32nd, 16th, 8th,
//!   6th, quarter, half, whole), then whole overflow pages (2, 4, then multiples of 4).
//!   The sizes are in [`PAGED_BUCKETS`]; docs/security.md lists them.

use super::CryptoError;

/// Largest plaintext a record may hold (before padding).
pub const MAX_RECORD_PLAINTEXT: usize = 16 * 1024 * 1024;

/// How a padded size is chosen (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scheme {
    Pow2,
    Paged,
}

const POW2_MIN: usize = 512;
const POW2_LARGE_STEP: usize = 64 * 1024;

/// The SQLite page size new journals are created with (see `store::configure`).
pub const PAGE_SIZE: usize = 16384;
/// What a sealed record adds to its padded plaintext: version, salt, nonce, tag.
const ENVELOPE_OVERHEAD: usize = 1 + 32 + 12 + 16;
/// What one row adds to its envelope inside a b-tree leaf, at most: the cell pointer
/// (2), the cell's payload-length and rowid varints (3 + 4), the record header
/// (10: header length, seven serial types, the envelope's taking 3) and the other
/// columns' values (table 1, id 16, kind 1, revision 3, key id 1). Rows with larger
/// sequence numbers or revisions can be a few bytes bigger; a row is still far from
/// the next bucket's share of the page.
const ROW_OVERHEAD: usize = 2 + 3 + 4 + 10 + 1 + 16 + 1 + 3 + 1;
/// A b-tree leaf page's header.
const PAGE_HEADER: usize = 8;
/// SQLite's largest payload kept whole in a table leaf: usable size - 35.
const MAX_LOCAL: usize = PAGE_SIZE - 35;
/// Payload kept in the leaf when a row spills to overflow pages: ((U-12)*32/255)-23.
const MIN_LOCAL: usize = (PAGE_SIZE - 12) * 32 / 255 - 23;
/// Bytes of payload each overflow page carries.
const OVERFLOW_PAGE: usize = PAGE_SIZE - 4;

/// The 4 KiB pages of journals made before [`PAGE_SIZE`] grew.
const OLD_PAGE_SIZE: usize = 4096;

/// The padded size (length prefix included) for a record that takes `1/k` of a page.
/// Counted as if the page were four 4 KiB pages (four headers), so that a share small
/// enough also packs the old pages of older journals: an 8th of a new page is half an
/// old one.
const fn share_of_page(k: usize) -> usize {
    (PAGE_SIZE - PAGE_HEADER * (PAGE_SIZE / OLD_PAGE_SIZE)) / k - ROW_OVERHEAD - ENVELOPE_OVERHEAD
}

/// The padded size for a record whose row keeps the minimum in its leaf and fills `n`
/// overflow pages exactly.
const fn overflow_pages(n: usize) -> usize {
    MIN_LOCAL + n * OVERFLOW_PAGE - (ROW_OVERHEAD - 2 - 3 - 4) - ENVELOPE_OVERHEAD
}

/// The paged buckets up to 64 KiB of overflow; beyond, steps of 4 overflow pages.
pub(crate) const PAGED_BUCKETS: [usize; 9] = [
    share_of_page(32),
    share_of_page(16),
    share_of_page(8),
    share_of_page(6),
    share_of_page(4),
    share_of_page(2),
    // A whole page: the payload must stay in the leaf.
    MAX_LOCAL - (ROW_OVERHEAD - 2 - 3 - 4) - ENVELOPE_OVERHEAD,
    overflow_pages(2),
    overflow_pages(4),
];
const PAGED_LARGE_STEP: usize = 4 * OVERFLOW_PAGE;

impl Scheme {
    /// Size that `framed_len` bytes of framed data (length prefix included) pad to.
    pub(crate) fn padded_size(self, framed_len: usize) -> usize {
        match self {
            Scheme::Pow2 => {
                if framed_len <= POW2_MIN {
                    POW2_MIN
                } else if framed_len <= POW2_LARGE_STEP {
                    framed_len.next_power_of_two()
                } else {
                    framed_len.div_ceil(POW2_LARGE_STEP) * POW2_LARGE_STEP
                }
            }
            Scheme::Paged => {
                if let Some(b) = PAGED_BUCKETS.iter().find(|&&b| framed_len <= b) {
                    return *b;
                }
                let last = PAGED_BUCKETS[PAGED_BUCKETS.len() - 1];
                last + (framed_len - last).div_ceil(PAGED_LARGE_STEP) * PAGED_LARGE_STEP
            }
        }
    }
}

/// Frame and pad `data` to its bucket under `scheme`.
pub(crate) fn pad(scheme: Scheme, data: &[u8]) -> Result<Vec<u8>, CryptoError> {
    if data.len() > MAX_RECORD_PLAINTEXT {
        return Err(CryptoError::TooLarge);
    }
    let len = u32::try_from(data.len()).map_err(|_| CryptoError::TooLarge)?;
    let total = scheme.padded_size(4 + data.len());
    // Room for the AEAD tag, so sealing in place does not reallocate (and leave a copy).
    let mut out = Vec::with_capacity(total + 16);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(data);
    out.resize(total, 0);
    Ok(out)
}

/// The data inside a padded buffer. Only ever called on authenticated plaintext, but
/// checked anyway: a bad frame is reported like any other undecryptable record.
pub(crate) fn unpad(scheme: Scheme, padded: &[u8]) -> Result<&[u8], CryptoError> {
    let prefix: [u8; 4] = padded
        .get(..4)
        .and_then(|p| p.try_into().ok())
        .ok_or(CryptoError::Undecryptable)?;
    let len = u32::from_be_bytes(prefix) as usize;
    let data = padded.get(4..4 + len).ok_or(CryptoError::Undecryptable)?;
    if padded.len() != scheme.padded_size(4 + len) || padded[4 + len..].iter().any(|&b| b != 0) {
        return Err(CryptoError::Undecryptable);
    }
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pow2_sizes_follow_the_buckets() {
        let p = |n| Scheme::Pow2.padded_size(n);
        assert_eq!(p(0), 512);
        assert_eq!(p(512), 512);
        assert_eq!(p(513), 1024);
        assert_eq!(p(40_000), 65_536);
        assert_eq!(p(65_536), 65_536);
        assert_eq!(p(65_537), 131_072);
        assert_eq!(p(200_000), 262_144);
    }

    #[test]
    fn paged_buckets_are_the_documented_ones() {
        // docs/security.md lists these sizes; change both together.
        assert_eq!(
            PAGED_BUCKETS,
            [409, 920, 1942, 2623, 3986, 8074, 16256, 34698, 67458]
        );
        let p = |n| Scheme::Paged.padded_size(n);
        assert_eq!(p(0), 409);
        assert_eq!(p(409), 409);
        assert_eq!(p(410), 920);
        assert_eq!(p(1_942), 1_942);
        assert_eq!(p(1_943), 2_623);
        assert_eq!(p(67_458), 67_458);
        assert_eq!(p(67_459), 67_458 + 4 * 16_380);
    }

    /// No bucket is more than 2.3 times the one below it: a bucket hides a length about
    /// as well as the powers of two did (where the steps are finer, between 1.9 and
    /// 4 KB, it says a little more; docs/security.md).
    #[test]
    fn paged_buckets_grow_like_powers_of_two() {
        for pair in PAGED_BUCKETS.windows(2) {
            assert!(pair[0] < pair[1]);
            assert!(pair[1] * 10 <= pair[0] * 23, "{pair:?}");
        }
    }

    /// A record in each bucket, with the most a row adds, fills its share of a page
    /// (or its overflow pages) without spilling: the arithmetic SQLite documents for
    /// table b-tree leaves (fileformat2.html, "B-tree Pages").
    #[test]
    fn paged_buckets_fill_their_share_of_a_page() {
        let payload = |b: usize| b + ENVELOPE_OVERHEAD + ROW_OVERHEAD - 2 - 3 - 4;
        for (i, k) in [32usize, 16, 8, 6, 4, 2].into_iter().enumerate() {
            let cell = payload(PAGED_BUCKETS[i]) + 3 + 4 + 2;
            assert!(cell * k <= PAGE_SIZE - PAGE_HEADER, "1/{k} of a page");
            // Full: what is left over is the three old pages' headers and rounding.
            assert!(
                PAGE_SIZE - PAGE_HEADER - cell * k < 3 * PAGE_HEADER + k,
                "1/{k} is full"
            );
            // The same record in an older journal's 4 KiB page.
            let old_k = k / 4;
            if old_k > 0 {
                assert!(
                    cell * old_k <= OLD_PAGE_SIZE - PAGE_HEADER,
                    "1/{old_k} of an old page"
                );
            }
        }
        assert!(payload(PAGED_BUCKETS[6]) <= MAX_LOCAL);
        assert!(payload(PAGED_BUCKETS[6]) + 3 + 4 + 2 <= PAGE_SIZE - PAGE_HEADER);
        for (i, n) in [(7usize, 2usize), (8, 4)] {
            let p = payload(PAGED_BUCKETS[i]);
            assert!(p > MAX_LOCAL);
            assert_eq!((p - MIN_LOCAL) % OVERFLOW_PAGE, 0);
            assert_eq!((p - MIN_LOCAL) / OVERFLOW_PAGE, n);
        }
    }

    #[test]
    fn pad_round_trips_and_hides_length() {
        for scheme in [Scheme::Pow2, Scheme::Paged] {
            for n in [0usize, 1, 100, 404, 405, 508, 509, 3000, 70_000, 200_000] {
                let data = vec![7u8; n];
                let padded = pad(scheme, &data).unwrap();
                assert_eq!(padded.len(), scheme.padded_size(n + 4));
                assert_eq!(unpad(scheme, &padded).unwrap(), &data[..]);
            }
            assert_eq!(
                pad(scheme, b"a").unwrap().len(),
                pad(scheme, &[1u8; 300]).unwrap().len()
            );
        }
    }

    #[test]
    fn bad_frames_are_refused() {
        for scheme in [Scheme::Pow2, Scheme::Paged] {
            let mut padded = pad(scheme, b"hello").unwrap();
            padded[0] = 0xff;
            assert!(unpad(scheme, &padded).is_err());
            let mut padded = pad(scheme, b"hello").unwrap();
            *padded.last_mut().unwrap() = 1;
            assert!(unpad(scheme, &padded).is_err());
            assert!(unpad(scheme, &[0, 0]).is_err());
            let padded = pad(scheme, b"hello").unwrap();
            assert!(unpad(scheme, &padded[..300]).is_err());
        }
        // A padded buffer of one scheme is not a valid frame of the other.
        let padded = pad(Scheme::Pow2, b"hello").unwrap();
        assert!(unpad(Scheme::Paged, &padded).is_err());
    }
}
