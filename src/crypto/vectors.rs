//! Known-answer vectors, read from committed files.
//!
//! `tests/vectors/primitives.json` holds published vectors for the primitives we wrap
//! (RFC 8439, RFC 5869, RFC 9106); `tests/vectors/envelope.json` holds fixed-input
//! vectors for our own stored formats, including envelopes that must be refused. A
//! failure here means a stored format drifted and existing journals would stop opening.

use argon2::{Algorithm, Argon2, AssociatedData, ParamsBuilder, Version};
use serde::Deserialize;
use zeroize::Zeroizing;

use super::envelope::{aead_open, aead_seal, hkdf_sha256, seal_with};
use super::{
    open_record, CryptoError, DataKey, KdfParams, Passphrase, ProtectorKind, RecordAad,
    RecoveryKey, WrappedKey,
};

const PRIMITIVES: &str = include_str!("../../tests/vectors/primitives.json");
const ENVELOPES: &str = include_str!("../../tests/vectors/envelope.json");

// ---- File layout ----

#[derive(Deserialize)]
struct Primitives {
    chacha20_poly1305: Vec<AeadVector>,
    hkdf_sha256: Vec<HkdfVector>,
    argon2id: Vec<Argon2Vector>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AeadVector {
    source: String,
    key: String,
    nonce: String,
    aad: String,
    plaintext: String,
    ciphertext: String,
    tag: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HkdfVector {
    source: String,
    ikm: String,
    salt: String,
    info: String,
    okm_first_32: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Argon2Vector {
    source: String,
    memory_kib: u32,
    iterations: u32,
    lanes: u32,
    password: String,
    salt: String,
    secret: String,
    associated_data: String,
    tag: String,
}

fn first_version() -> u8 {
    1
}

#[derive(Deserialize)]
struct Envelopes {
    records: Vec<RecordVector>,
    must_fail: Vec<MustFail>,
    passphrase_protectors: Vec<ProtectorVector>,
    recovery_keys: Vec<RecoveryKeyVector>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RecordVector {
    name: String,
    /// The envelope version (the padding scheme); 1 when not given.
    #[serde(default = "first_version")]
    version: u8,
    data_key: String,
    aad: AadSpec,
    plaintext: PlaintextSpec,
    salt: String,
    nonce: String,
    envelope: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AadSpec {
    journal_id: String,
    table: u8,
    record_id: String,
    kind: u8,
    revision: u64,
}

/// Plaintexts are spelled out or generated, so large ones stay readable.
#[derive(Deserialize)]
#[serde(untagged)]
enum PlaintextSpec {
    Hex {
        hex: String,
    },
    Utf8 {
        utf8: String,
    },
    /// `repeat` (hex) repeated and cut to `len` bytes.
    Repeat {
        repeat: String,
        len: usize,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MustFail {
    name: String,
    /// Name of the valid record vector this one changes.
    record: String,
    change: Change,
}

/// Exactly one change to a valid envelope, or to what it is opened with.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum Change {
    /// Offsets below zero count from the end (-1 is the last byte).
    FlipBit {
        offset: i64,
        bit: u8,
    },
    SetByte {
        offset: i64,
        value: u8,
    },
    TruncateBy(usize),
    TruncateTo(usize),
    Append(String),
    Aad(AadOverride),
    DataKey(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AadOverride {
    journal_id: Option<String>,
    table: Option<u8>,
    record_id: Option<String>,
    kind: Option<u8>,
    revision: Option<u64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProtectorVector {
    name: String,
    journal_id: String,
    protector_id: String,
    kind: u8,
    passphrase: String,
    params: ParamsSpec,
    params_encoded: String,
    salt: String,
    nonce: String,
    data_key: String,
    wrapped: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ParamsSpec {
    memory_kib: u32,
    iterations: u32,
    lanes: u32,
    test_only: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RecoveryKeyVector {
    name: String,
    key: String,
    display: String,
    accepted: Vec<String>,
    rejected: Vec<Rejected>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Rejected {
    typed: String,
    /// The `RecoveryKeyError` in `Debug` form, e.g. `WrongLength(31)`.
    error: String,
}

// ---- Helpers ----

fn primitives() -> Primitives {
    serde_json::from_str(PRIMITIVES)
        .unwrap_or_else(|e| panic!("tests/vectors/primitives.json does not parse: {e}"))
}

fn envelopes() -> Envelopes {
    serde_json::from_str(ENVELOPES)
        .unwrap_or_else(|e| panic!("tests/vectors/envelope.json does not parse: {e}"))
}

/// Lowercase or uppercase hex to bytes; `what` names the field in the panic message.
fn hex(text: &str, what: &str) -> Vec<u8> {
    crate::ids::from_hex_vec(text)
        .unwrap_or_else(|| panic!("{what}: {text:?} is not an even number of hex digits"))
}

fn hex_array<const N: usize>(text: &str, what: &str) -> [u8; N] {
    hex(text, what)
        .try_into()
        .unwrap_or_else(|v: Vec<u8>| panic!("{what}: expected {N} bytes, found {}", v.len()))
}

/// Equal bytes, or a panic naming the vector and the first byte that differs.
fn assert_bytes(got: &[u8], want: &[u8], what: &str) {
    if got == want {
        return;
    }
    let at = got
        .iter()
        .zip(want)
        .position(|(g, w)| g != w)
        .unwrap_or(got.len().min(want.len()));
    let window = |b: &[u8]| crate::ids::to_hex(&b[at.min(b.len())..(at + 16).min(b.len())]);
    panic!(
        "{what}: bytes differ from the vector at offset {at} (got {} bytes, expected {}): \
         got {}…, expected {}…",
        got.len(),
        want.len(),
        window(got),
        window(want)
    );
}

fn data_key(text: &str, what: &str) -> DataKey {
    DataKey::from_bytes(Zeroizing::new(hex_array(text, what)))
}

fn record_aad(spec: &AadSpec, what: &str) -> RecordAad {
    RecordAad {
        journal_id: hex_array(&spec.journal_id, &format!("{what}: journal_id")),
        table: spec.table,
        record_id: hex_array(&spec.record_id, &format!("{what}: record_id")),
        kind: spec.kind,
        revision: spec.revision,
    }
}

fn plaintext(spec: &PlaintextSpec, what: &str) -> Vec<u8> {
    match spec {
        PlaintextSpec::Hex { hex: text } => hex(text, what),
        PlaintextSpec::Utf8 { utf8 } => utf8.as_bytes().to_vec(),
        PlaintextSpec::Repeat { repeat, len } => {
            let pattern = hex(repeat, what);
            assert!(!pattern.is_empty(), "{what}: empty repeat pattern");
            pattern.iter().copied().cycle().take(*len).collect()
        }
    }
}

/// Resolve an offset that may count from the end.
fn index(len: usize, offset: i64, what: &str) -> usize {
    let resolved = if offset < 0 {
        len.checked_sub(offset.unsigned_abs() as usize)
    } else {
        Some(offset as usize)
    };
    match resolved {
        Some(i) if i < len => i,
        _ => panic!("{what}: offset {offset} is outside a {len}-byte envelope"),
    }
}

// ---- Primitives ----

#[test]
fn chacha20_poly1305_matches_rfc_8439() {
    let vectors = primitives().chacha20_poly1305;
    assert!(!vectors.is_empty(), "no ChaCha20-Poly1305 vectors");
    for v in vectors {
        let what = format!("ChaCha20-Poly1305 vector {:?}", v.source);
        let key: [u8; 32] = hex_array(&v.key, &format!("{what}: key"));
        let nonce = hex_array(&v.nonce, &format!("{what}: nonce"));
        let aad = hex(&v.aad, &what);
        let plain = hex(&v.plaintext, &what);
        let mut expected = hex(&v.ciphertext, &what);
        expected.extend(hex(&v.tag, &what));

        let sealed = aead_seal(&key, &nonce, &aad, &plain)
            .unwrap_or_else(|e| panic!("{what}: seal failed: {e}"));
        assert_bytes(&sealed, &expected, &format!("{what}: ciphertext || tag"));
        let opened = aead_open(&key, &nonce, &aad, &expected)
            .unwrap_or_else(|e| panic!("{what}: open failed: {e}"));
        assert_bytes(&opened, &plain, &format!("{what}: opened plaintext"));
    }
}

#[test]
fn hkdf_sha256_matches_rfc_5869() {
    let vectors = primitives().hkdf_sha256;
    assert!(!vectors.is_empty(), "no HKDF-SHA256 vectors");
    for v in vectors {
        let what = format!("HKDF-SHA256 vector {:?}", v.source);
        let okm = hkdf_sha256(
            &hex(&v.ikm, &what),
            &hex(&v.salt, &what),
            &hex(&v.info, &what),
        )
        .unwrap_or_else(|e| panic!("{what}: derivation failed: {e}"));
        assert_bytes(okm.as_ref(), &hex(&v.okm_first_32, &what), &what);
    }
}

#[test]
fn argon2id_matches_rfc_9106() {
    let vectors = primitives().argon2id;
    assert!(!vectors.is_empty(), "no Argon2id vectors");
    for v in vectors {
        let what = format!("Argon2id vector {:?}", v.source);
        let secret = hex(&v.secret, &what);
        let associated = hex(&v.associated_data, &what);
        let expected = hex(&v.tag, &what);
        let params = ParamsBuilder::new()
            .m_cost(v.memory_kib)
            .t_cost(v.iterations)
            .p_cost(v.lanes)
            .output_len(expected.len())
            .data(
                AssociatedData::new(&associated)
                    .unwrap_or_else(|e| panic!("{what}: associated data: {e}")),
            )
            .build()
            .unwrap_or_else(|e| panic!("{what}: parameters: {e}"));
        let argon = Argon2::new_with_secret(&secret, Algorithm::Argon2id, Version::V0x13, params)
            .unwrap_or_else(|e| panic!("{what}: secret: {e}"));
        let mut tag = vec![0u8; expected.len()];
        argon
            .hash_password_into(&hex(&v.password, &what), &hex(&v.salt, &what), &mut tag)
            .unwrap_or_else(|e| panic!("{what}: derivation failed: {e}"));
        assert_bytes(&tag, &expected, &what);
    }
}

// ---- Our formats ----

#[test]
fn record_envelopes_match_their_frozen_bytes() {
    let vectors = envelopes().records;
    assert!(!vectors.is_empty(), "no record vectors");
    for v in vectors {
        let what = format!("record vector {:?}", v.name);
        let key = data_key(&v.data_key, &format!("{what}: data_key"));
        let aad = record_aad(&v.aad, &what);
        let plain = plaintext(&v.plaintext, &format!("{what}: plaintext"));
        let expected = hex(&v.envelope, &format!("{what}: envelope"));

        let sealed = seal_with(
            v.version,
            &key,
            &aad,
            &plain,
            &hex_array(&v.salt, &format!("{what}: salt")),
            &hex_array(&v.nonce, &format!("{what}: nonce")),
        )
        .unwrap_or_else(|e| panic!("{what}: seal failed: {e}"));
        assert_bytes(&sealed, &expected, &format!("{what}: sealed envelope"));

        let opened = open_record(&key, &aad, &expected)
            .unwrap_or_else(|e| panic!("{what}: the frozen envelope does not open: {e}"));
        assert_bytes(&opened, &plain, &format!("{what}: opened plaintext"));
    }
}

#[test]
fn must_fail_envelopes_are_refused() {
    let file = envelopes();
    assert!(!file.must_fail.is_empty(), "no must_fail vectors");
    for v in &file.must_fail {
        let what = format!("must_fail vector {:?}", v.name);
        let base = file
            .records
            .iter()
            .find(|r| r.name == v.record)
            .unwrap_or_else(|| panic!("{what}: no record vector named {:?}", v.record));
        let mut key = data_key(&base.data_key, &what);
        let mut aad = record_aad(&base.aad, &what);
        let original = hex(&base.envelope, &what);
        let mut envelope = original.clone();

        match &v.change {
            Change::FlipBit { offset, bit } => {
                assert!(*bit < 8, "{what}: bit {bit} is not in a byte");
                let i = index(envelope.len(), *offset, &what);
                envelope[i] ^= 1 << bit;
            }
            Change::SetByte { offset, value } => {
                let i = index(envelope.len(), *offset, &what);
                envelope[i] = *value;
            }
            Change::TruncateBy(n) => {
                let len = envelope.len().checked_sub(*n).unwrap_or_else(|| {
                    panic!("{what}: cannot drop {n} bytes from {}", envelope.len())
                });
                envelope.truncate(len);
            }
            Change::TruncateTo(n) => {
                assert!(*n < envelope.len(), "{what}: {n} bytes is not a truncation");
                envelope.truncate(*n);
            }
            Change::Append(extra) => envelope.extend(hex(extra, &what)),
            Change::Aad(o) => {
                if let Some(id) = &o.journal_id {
                    aad.journal_id = hex_array(id, &what);
                }
                if let Some(table) = o.table {
                    aad.table = table;
                }
                if let Some(id) = &o.record_id {
                    aad.record_id = hex_array(id, &what);
                }
                if let Some(kind) = o.kind {
                    aad.kind = kind;
                }
                if let Some(revision) = o.revision {
                    aad.revision = revision;
                }
            }
            Change::DataKey(other) => key = data_key(other, &what),
        }

        // Guard the vector itself: it must really change something.
        let same_key = key.expose().as_slice() == hex(&base.data_key, &what);
        assert!(
            envelope != original || aad != record_aad(&base.aad, &what) || !same_key,
            "{what}: the change leaves everything as it was"
        );
        assert_eq!(
            open_record(&key, &aad, &envelope).err(),
            Some(CryptoError::Undecryptable),
            "{what}: open_record must refuse it with the one coarse error"
        );
    }
}

#[test]
fn passphrase_protectors_match_their_frozen_bytes() {
    let vectors = envelopes().passphrase_protectors;
    assert!(!vectors.is_empty(), "no passphrase protector vectors");
    for v in vectors {
        let what = format!("passphrase protector vector {:?}", v.name);
        let params = KdfParams {
            memory_kib: v.params.memory_kib,
            iterations: v.params.iterations,
            lanes: v.params.lanes,
            test_only: v.params.test_only,
        };
        let encoded = hex(&v.params_encoded, &format!("{what}: params_encoded"));
        assert_bytes(
            &params.encode(),
            &encoded,
            &format!("{what}: KdfParams encoding"),
        );
        assert_eq!(
            KdfParams::decode(&encoded),
            Ok(params),
            "{what}: KdfParams decoding"
        );
        assert_eq!(
            ProtectorKind::from_u8(v.kind),
            Some(ProtectorKind::Passphrase),
            "{what}: kind {} is not the passphrase kind",
            v.kind
        );

        let journal_id = hex_array(&v.journal_id, &format!("{what}: journal_id"));
        let id = hex_array(&v.protector_id, &format!("{what}: protector_id"));
        let salt = hex_array(&v.salt, &format!("{what}: salt"));
        let nonce = hex_array(&v.nonce, &format!("{what}: nonce"));
        let key_bytes: [u8; 32] = hex_array(&v.data_key, &format!("{what}: data_key"));
        let wrapped = hex(&v.wrapped, &format!("{what}: wrapped"));
        let passphrase = Passphrase::new(&v.passphrase);

        let sealed = WrappedKey::with_passphrase_fixed(
            &journal_id,
            &DataKey::from_bytes(Zeroizing::new(key_bytes)),
            &passphrase,
            params,
            salt,
            nonce,
            id,
        )
        .unwrap_or_else(|e| panic!("{what}: wrapping failed: {e}"));
        let stored = WrappedKey {
            id,
            kind: ProtectorKind::Passphrase,
            params: encoded,
            salt,
            nonce,
            wrapped,
        };
        assert_bytes(
            &sealed.wrapped,
            &stored.wrapped,
            &format!("{what}: wrapped key"),
        );
        assert_eq!(sealed, stored, "{what}: stored protector row");

        let opened = stored
            .open_with_passphrase(&journal_id, &passphrase)
            .unwrap_or_else(|e| panic!("{what}: the frozen protector does not open: {e}"));
        assert_bytes(
            opened.expose(),
            &key_bytes,
            &format!("{what}: unwrapped data key"),
        );
    }
}

#[test]
fn recovery_keys_display_and_parse_as_frozen() {
    let vectors = envelopes().recovery_keys;
    assert!(!vectors.is_empty(), "no recovery key vectors");
    for v in vectors {
        let what = format!("recovery key vector {:?}", v.name);
        let bytes: [u8; 16] = hex_array(&v.key, &format!("{what}: key"));
        let shown = RecoveryKey::from_bytes(bytes).to_display();
        assert_eq!(shown.as_str(), v.display, "{what}: shown form");

        for typed in std::iter::once(&v.display).chain(&v.accepted) {
            match RecoveryKey::parse(typed) {
                Ok(key) => assert_bytes(
                    key.expose(),
                    &bytes,
                    &format!("{what}: key parsed from {typed:?}"),
                ),
                Err(e) => panic!("{what}: {typed:?} must be accepted, got {e:?}"),
            }
        }
        for r in &v.rejected {
            match RecoveryKey::parse(&r.typed) {
                Ok(_) => panic!("{what}: {:?} must be refused with {}", r.typed, r.error),
                Err(e) => assert_eq!(
                    format!("{e:?}"),
                    r.error,
                    "{what}: wrong error for {:?}",
                    r.typed
                ),
            }
        }
    }
}
