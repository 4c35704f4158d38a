//! Share and feedback packets on the wire: they open for the people they were sealed to,
//! and every forged, misdirected, damaged, malformed or future packet is refused with its
//! own message, never a panic.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::hostile::stanza_stuffed;
use crate::support::packets::*;
use attune::crypto::{age_open, sha256, SigningKey};
use attune::share::document::{PacketContent, MAX_PACKET_ENTRIES, MAX_PACKET_RESPONSES};
use attune::share::{
    encode_frame, open_packet, open_plaintext, parse_frame, seal_packet, signing_key_hex,
    OpenedPacket, MAX_DOCUMENT_BYTES, MAX_PACKET_BYTES, PACKET_MAGIC,
};
use attune::{ErrorCode, Result};

/// Distinctive text, to check no refusal ever quotes a packet.
const MARKER: &str = "PacketMarker Überraschung 🐤";

/// The message of a refusal; fails unless it is a packet refusal that quotes nothing.
fn refusal(result: Result<OpenedPacket>) -> String {
    match result {
        Ok(opened) => panic!("expected a refusal, the packet opened: {opened:?}"),
        Err(err) => {
            assert_eq!(err.code, ErrorCode::PacketRefused, "{}", err.message);
            assert!(!err.message.contains("PacketMarker"), "{}", err.message);
            err.message
        }
    }
}

const NOT_FOR_ME: &str = "This file was not sent to this journal.";
const UNKNOWN_SIGNER: &str = "This file is not signed by anyone you have confirmed as a contact.";
const DAMAGED: &str = "The file is damaged or was changed on the way.";
const NOT_A_PACKET: &str = "This file is not an Attune exchange file.";
const TOO_LARGE: &str = "too large to be an Attune exchange file";
const MALFORMED_FRAME: &str = "not laid out as Attune exchange files are";
const MALFORMED_DOCUMENT: &str = "its contents could not be read";
const NEWER: &str = "made by a newer Attune";
const ADDRESSED_ELSEWHERE: &str = "addressed to someone else";
const SENDER_MISMATCH: &str = "not the contact who signed it";

fn assert_refused(result: Result<OpenedPacket>, expected: &str) {
    let message = refusal(result);
    assert!(
        message.contains(expected),
        "expected {expected:?}, got {message:?}"
    );
}

struct Exchange {
    supervisee: Party,
    supervisor: Party,
    stranger: Party,
}

impl Exchange {
    fn new() -> Self {
        Self {
            supervisee: Party::new("Supervisee"),
            supervisor: Party::new("Supervisor"),
            stranger: Party::new("Stranger"),
        }
    }

    /// Both `age1…` recipients of a supervisee's share: the supervisor and the sender.
    fn share_recipients(&self) -> Vec<String> {
        vec![
            self.supervisor.age.recipient(),
            self.supervisee.age.recipient(),
        ]
    }

    /// A correct share packet, and its document as JSON.
    fn share(&self) -> (Vec<u8>, serde_json::Value) {
        let doc = share_document(
            &self.supervisee,
            &self.supervisor,
            vec![shared_entry(1, MARKER), shared_entry(2, "Second")],
        );
        let packet = seal_packet(&doc, &self.supervisee.signing, &self.share_recipients()).unwrap();
        (packet, serde_json::to_value(&doc).unwrap())
    }

    /// The supervisor imports, with the supervisee pinned.
    fn supervisor_opens(&self, packet: &[u8]) -> Result<OpenedPacket> {
        open_packet(packet, &self.supervisor.age, &[self.supervisee.public()])
    }

    /// A packet from the supervisee to the supervisor holding exactly `document`.
    fn raw_share(&self, document: &[u8]) -> Vec<u8> {
        seal_raw(document, &self.supervisee.signing, &self.share_recipients())
    }
}

#[test]
fn a_share_packet_opens_for_the_supervisor_with_the_pinned_key() {
    let ex = Exchange::new();
    let (packet, _) = ex.share();
    assert!(packet.starts_with(b"age-encryption.org/v1\n"));
    let opened = ex.supervisor_opens(&packet).unwrap();
    assert_eq!(opened.signer, ex.supervisee.public());
    let PacketContent::Share { entries, withdrawn } = &opened.document.content else {
        panic!("a share packet opened as {:?}", opened.document.content);
    };
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0].body, MARKER);
    assert_eq!(withdrawn.len(), 1);
    assert_eq!(opened.document.sender, ex.supervisee.keys());
    assert_eq!(opened.document.recipient, ex.supervisor.keys());

    // Among several pinned contacts, the right one is found.
    let again = open_packet(
        &packet,
        &ex.supervisor.age,
        &[ex.stranger.public(), ex.supervisee.public()],
    )
    .unwrap();
    assert_eq!(again.signer, ex.supervisee.public());
    // The digest names the document, whichever way it was opened.
    assert_eq!(again.document_bytes_sha256, opened.document_bytes_sha256);
    // A second seal of the same document is a different file with the same digest.
    let doc = opened.document.clone();
    let resealed = seal_packet(&doc, &ex.supervisee.signing, &ex.share_recipients()).unwrap();
    assert_ne!(resealed, packet);
    assert_eq!(
        ex.supervisor_opens(&resealed)
            .unwrap()
            .document_bytes_sha256,
        opened.document_bytes_sha256
    );
}

#[test]
fn the_sender_can_read_its_own_copy_but_not_import_it() {
    let ex = Exchange::new();
    let (packet, doc) = ex.share();
    let plaintext = age_open(&ex.supervisee.age, &packet, MAX_PACKET_BYTES).unwrap();
    let (document, _) = parse_frame(&plaintext).unwrap();
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(document).unwrap(),
        doc
    );
    let copy = open_plaintext(
        &plaintext,
        &ex.supervisor.age.recipient(),
        &[ex.supervisee.public()],
    )
    .unwrap();
    assert_eq!(copy.document.recipient, ex.supervisor.keys());
    assert_eq!(copy.document_bytes_sha256, sha256(document));
    // Importing one's own packet is refused: it names the supervisor as recipient.
    assert_refused(
        open_packet(&packet, &ex.supervisee.age, &[ex.supervisee.public()]),
        ADDRESSED_ELSEWHERE,
    );
}

#[test]
fn a_feedback_packet_round_trips_back_to_the_supervisee() {
    let ex = Exchange::new();
    let doc = feedback_document(&ex.supervisor, &ex.supervisee, MARKER);
    let packet = seal_packet(
        &doc,
        &ex.supervisor.signing,
        &[ex.supervisee.age.recipient(), ex.supervisor.age.recipient()],
    )
    .unwrap();
    let opened = open_packet(&packet, &ex.supervisee.age, &[ex.supervisor.public()]).unwrap();
    assert_eq!(opened.document, doc);
    assert_eq!(opened.signer, ex.supervisor.public());
}

#[test]
fn a_packet_for_someone_else_is_not_opened() {
    let ex = Exchange::new();
    let (packet, _) = ex.share();
    assert_refused(
        open_packet(&packet, &ex.stranger.age, &[ex.supervisee.public()]),
        NOT_FOR_ME,
    );
}

#[test]
fn a_packet_from_someone_not_confirmed_is_refused() {
    let ex = Exchange::new();
    let (packet, _) = ex.share();
    assert_refused(
        open_packet(&packet, &ex.supervisor.age, &[]),
        UNKNOWN_SIGNER,
    );
    assert_refused(
        open_packet(&packet, &ex.supervisor.age, &[ex.stranger.public()]),
        UNKNOWN_SIGNER,
    );
    // The stranger writes a correct packet of their own to the supervisor.
    let doc = share_document(&ex.stranger, &ex.supervisor, vec![shared_entry(1, "Hi")]);
    let packet = seal_packet(&doc, &ex.stranger.signing, &[ex.supervisor.age.recipient()]).unwrap();
    assert_refused(ex.supervisor_opens(&packet), UNKNOWN_SIGNER);
}

#[test]
fn a_packet_claiming_a_pinned_sender_but_signed_by_another_key_is_refused() {
    let ex = Exchange::new();
    let (_, doc) = ex.share();
    // Names the supervisee as sender, signed by the stranger.
    let document = serde_json::to_vec(&doc).unwrap();
    let forged = seal_raw(&document, &ex.stranger.signing, &ex.share_recipients());
    assert_refused(ex.supervisor_opens(&forged), DAMAGED);

    // A right signature under the pinned key, with one signature byte changed.
    let mut frame = encode_frame(&document, &ex.supervisee.signing).unwrap();
    let last = frame.len() - 1;
    frame[last] ^= 0x40;
    assert_refused(
        ex.supervisor_opens(&seal_frame(&frame, &ex.share_recipients())),
        DAMAGED,
    );

    // The document changed after signing (a digit of the sequence number).
    let mut frame = encode_frame(&document, &ex.supervisee.signing).unwrap();
    let at = PACKET_MAGIC.len() + 4 + find(&document, b"\"sequence\":1") + 11;
    frame[at] = b'2';
    assert_refused(
        ex.supervisor_opens(&seal_frame(&frame, &ex.share_recipients())),
        DAMAGED,
    );
}

fn find(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .position(|w| w == needle)
        .unwrap()
}

/// Where the age header ends and the payload (nonce, then chunks) begins.
fn payload_start(packet: &[u8]) -> usize {
    let mac_line = find(packet, b"\n--- ") + 1;
    mac_line + find(&packet[mac_line..], b"\n") + 1
}

#[test]
fn a_changed_byte_anywhere_in_the_file_stops_the_import() {
    let ex = Exchange::new();
    let (packet, _) = ex.share();
    let payload = payload_start(&packet);
    assert!(payload > 100 && payload + 100 < packet.len());
    for at in 0..packet.len() {
        for flip in [0x01u8, 0x80] {
            let mut tampered = packet.clone();
            tampered[at] ^= flip;
            let message = refusal(ex.supervisor_opens(&tampered));
            if at >= payload {
                // The payload: its nonce and its chunks.
                assert!(message.starts_with(DAMAGED), "byte {at}: {message}");
            } else {
                // In the header, age tells a damaged header from a stanza that is not
                // ours (X25519 stanzas carry no tag) or from no age file at all.
                assert!(
                    [DAMAGED, NOT_FOR_ME, NOT_A_PACKET]
                        .iter()
                        .any(|m| message.starts_with(m)),
                    "byte {at}: {message}"
                );
            }
        }
    }
    // The header's own MAC, its first character.
    let mut tampered = packet.clone();
    let mac = find(&packet, b"\n--- ") + 5;
    tampered[mac] = if tampered[mac] == b'A' { b'B' } else { b'A' };
    assert_refused(ex.supervisor_opens(&tampered), DAMAGED);
}

#[test]
fn a_cut_short_or_lengthened_file_is_refused() {
    let ex = Exchange::new();
    let (packet, _) = ex.share();
    let payload = payload_start(&packet);
    for keep in [
        packet.len() - 1,
        packet.len() - 17,
        payload + 20,
        payload + 16,
        payload,
    ] {
        assert_refused(ex.supervisor_opens(&packet[..keep]), DAMAGED);
    }
    for keep in [payload - 10, 30, 1] {
        refusal(ex.supervisor_opens(&packet[..keep]));
    }
    assert_refused(ex.supervisor_opens(&[]), NOT_A_PACKET);
    let mut longer = packet.clone();
    longer.extend_from_slice(b"more");
    assert_refused(ex.supervisor_opens(&longer), DAMAGED);
}

#[test]
fn an_oversized_file_is_refused_before_decryption() {
    let ex = Exchange::new();
    let (packet, _) = ex.share();
    // A real packet padded past the cap: refused for its size alone.
    let mut big = packet.clone();
    big.resize(MAX_PACKET_BYTES + 1, 0);
    assert_refused(ex.supervisor_opens(&big), TOO_LARGE);
    assert_refused(
        ex.supervisor_opens(&vec![b'a'; MAX_PACKET_BYTES + 1]),
        TOO_LARGE,
    );
    // Exactly at the cap, the size is no reason (the padding is).
    big.truncate(MAX_PACKET_BYTES);
    assert_refused(ex.supervisor_opens(&big), DAMAGED);
}

#[test]
fn a_document_too_large_to_send_is_refused_when_sealing() {
    let ex = Exchange::new();
    let doc = share_document(
        &ex.supervisee,
        &ex.supervisor,
        vec![shared_entry(1, &"x".repeat(MAX_DOCUMENT_BYTES))],
    );
    let err = seal_packet(&doc, &ex.supervisee.signing, &ex.share_recipients()).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
    assert!(err.message.contains("16 MB"), "{}", err.message);
}

#[test]
fn sealing_needs_the_senders_own_key_and_well_formed_recipients() {
    let ex = Exchange::new();
    let doc = share_document(&ex.supervisee, &ex.supervisor, vec![shared_entry(1, "Hi")]);
    let refused = |signer: &SigningKey, recipients: &[String]| {
        seal_packet(&doc, signer, recipients).unwrap_err().code
    };
    let to = ex.share_recipients();
    assert_eq!(refused(&ex.stranger.signing, &to), ErrorCode::InvalidInput);
    assert_eq!(
        refused(&ex.supervisee.signing, &[]),
        ErrorCode::InvalidInput
    );
    assert_eq!(
        refused(&ex.supervisee.signing, &["age1notakey".to_string()]),
        ErrorCode::InvalidInput
    );
    let mut future = doc.clone();
    future.format += 1;
    assert_eq!(
        seal_packet(&future, &ex.supervisee.signing, &to)
            .unwrap_err()
            .code,
        ErrorCode::InvalidInput
    );
}

#[test]
fn a_frame_that_is_not_laid_out_right_is_refused() {
    let ex = Exchange::new();
    let (_, doc) = ex.share();
    let document = serde_json::to_vec(&doc).unwrap();
    let good = encode_frame(&document, &ex.supervisee.signing)
        .unwrap()
        .to_vec();
    let open = |frame: &[u8]| ex.supervisor_opens(&seal_frame(frame, &ex.share_recipients()));
    // The good frame opens (else the cases below prove nothing).
    open(&good).unwrap();

    let mut wrong_magic = good.clone();
    wrong_magic[..8].copy_from_slice(b"ATTUNEP2");
    let length_at = PACKET_MAGIC.len();
    let with_length = |length: u32| {
        let mut frame = good.clone();
        frame[length_at..length_at + 4].copy_from_slice(&length.to_be_bytes());
        frame
    };
    let real = u32::try_from(document.len()).unwrap();
    let mut trailing = good.clone();
    trailing.push(0);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("wrong magic", wrong_magic),
        ("length past the end", with_length(real + 1)),
        ("length far past the end", with_length(u32::MAX)),
        ("length short of the end", with_length(real - 1)),
        ("trailing bytes", trailing),
        ("signature cut short", good[..good.len() - 1].to_vec()),
        ("magic only", PACKET_MAGIC.to_vec()),
        ("empty", Vec::new()),
    ];
    for (name, frame) in cases {
        let message = refusal(open(&frame));
        assert!(message.contains(MALFORMED_FRAME), "{name}: {message}");
    }
}

#[test]
fn a_signed_document_that_is_not_json_or_has_unknown_fields_is_refused() {
    let ex = Exchange::new();
    let (_, doc) = ex.share();
    let with = |change: &dyn Fn(&mut serde_json::Value)| {
        let mut value = doc.clone();
        change(&mut value);
        ex.raw_share(&serde_json::to_vec(&value).unwrap())
    };
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("not JSON", ex.raw_share(b"{not json")),
        ("empty", ex.raw_share(b"")),
        ("a JSON list", ex.raw_share(b"[1, 2]")),
        (
            "JSON then more",
            ex.raw_share(&[serde_json::to_vec(&doc).unwrap(), b"{}".to_vec()].concat()),
        ),
        ("unknown top-level field", with(&|v| v["extra"] = 1.into())),
        (
            "unknown field in an entry",
            with(&|v| v["content"]["entries"][0]["mood"] = "x".into()),
        ),
        (
            "unknown kind",
            with(&|v| v["content"]["kind"] = "gossip".into()),
        ),
        (
            "missing sender",
            with(&|v| {
                v.as_object_mut().unwrap().remove("sender");
            }),
        ),
        ("format as text", with(&|v| v["format"] = "1".into())),
        ("format zero", with(&|v| v["format"] = 0.into())),
        (
            "a rating out of its range",
            with(&|v| v["content"]["entries"][0]["carrying"] = 400.into()),
        ),
    ];
    for (name, packet) in cases {
        let message = refusal(ex.supervisor_opens(&packet));
        assert!(message.contains(MALFORMED_DOCUMENT), "{name}: {message}");
    }
}

#[test]
fn a_document_from_a_newer_attune_is_refused_as_such() {
    let ex = Exchange::new();
    let (_, mut doc) = ex.share();
    doc["format"] = 2.into();
    assert_refused(
        ex.supervisor_opens(&ex.raw_share(&serde_json::to_vec(&doc).unwrap())),
        NEWER,
    );
    // A newer format may have fields this one does not know: still "newer".
    doc["format"] = 7.into();
    doc["attachments"] = serde_json::json!([]);
    assert_refused(
        ex.supervisor_opens(&ex.raw_share(&serde_json::to_vec(&doc).unwrap())),
        NEWER,
    );
}

#[test]
fn a_document_naming_another_recipient_is_refused() {
    let ex = Exchange::new();
    // Encrypted to the supervisor, but the signed document names the stranger.
    let doc = share_document(&ex.supervisee, &ex.stranger, vec![shared_entry(1, "Hi")]);
    let packet = seal_packet(&doc, &ex.supervisee.signing, &ex.share_recipients()).unwrap();
    assert_refused(ex.supervisor_opens(&packet), ADDRESSED_ELSEWHERE);
}

#[test]
fn a_document_naming_another_sender_than_its_signer_is_refused() {
    let ex = Exchange::new();
    // Signed by the supervisee (pinned), but naming the stranger as sender.
    let mut doc = share_document(&ex.stranger, &ex.supervisor, vec![shared_entry(1, "Hi")]);
    let document = serde_json::to_vec(&doc).unwrap();
    let packet = ex.raw_share(&document);
    assert_refused(ex.supervisor_opens(&packet), SENDER_MISMATCH);
    // Even when both are pinned.
    assert_refused(
        open_packet(
            &packet,
            &ex.supervisor.age,
            &[ex.stranger.public(), ex.supervisee.public()],
        ),
        SENDER_MISMATCH,
    );
    // The supervisee's key in upper case is not the same text either.
    doc.sender = ex.supervisee.keys();
    doc.sender.signing_key = signing_key_hex(&ex.supervisee.public()).to_uppercase();
    assert_ne!(
        doc.sender.signing_key,
        signing_key_hex(&ex.supervisee.public())
    );
    let packet = ex.raw_share(&serde_json::to_vec(&doc).unwrap());
    assert_refused(ex.supervisor_opens(&packet), SENDER_MISMATCH);
}

/// A small deterministic generator (xorshift64*), so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Up to `max` random bytes.
    fn bytes(&mut self, max: usize) -> Vec<u8> {
        let len = self.below(max + 1);
        (0..len).map(|_| self.next() as u8).collect()
    }

    /// `input` with a few random flips, insertions, deletions, cuts or repeats.
    fn mutate(&mut self, input: &[u8]) -> Vec<u8> {
        let mut out = input.to_vec();
        for _ in 0..1 + self.below(4) {
            let at = if out.is_empty() {
                0
            } else {
                self.below(out.len())
            };
            match self.below(6) {
                0 if !out.is_empty() => out[at] ^= 1 << self.below(8),
                1 if !out.is_empty() => out[at] = self.next() as u8,
                2 => out.insert(at, self.next() as u8),
                3 if !out.is_empty() => {
                    out.remove(at);
                }
                4 => out.truncate(at),
                _ => {
                    let end = (at + 1 + self.below(16)).min(out.len());
                    let piece = out[at..end].to_vec();
                    out.splice(at..at, piece);
                }
            }
        }
        out
    }
}

#[test]
fn random_and_mutated_input_never_panics_and_never_opens_a_changed_packet() {
    let ex = Exchange::new();
    let (packet, doc) = ex.share();
    let document = serde_json::to_vec(&doc).unwrap();
    let frame = encode_frame(&document, &ex.supervisee.signing)
        .unwrap()
        .to_vec();
    let candidates = [ex.supervisee.public()];
    let me = ex.supervisor.age.recipient();
    let mut rng = Rng(0x5eed_f00d_a77e);

    // Random files, some dressed as age files.
    for i in 0..2000 {
        let mut input = rng.bytes(600);
        if i % 2 == 0 {
            input.splice(0..0, b"age-encryption.org/v1\n-> X25519 ".iter().copied());
        }
        refusal(ex.supervisor_opens(&input));
    }
    // Changed packets: never opened, whatever changed.
    for _ in 0..300 {
        let changed = rng.mutate(&packet);
        if changed != packet {
            refusal(ex.supervisor_opens(&changed));
        }
    }
    // Changed frames after decryption: the signature covers every byte that matters.
    for _ in 0..3000 {
        let changed = rng.mutate(&frame);
        if changed != frame {
            refusal(open_plaintext(&changed, &me, &candidates));
        }
        refusal(open_plaintext(&rng.bytes(200), &me, &candidates));
    }
    // Changed documents, validly signed: the strict parser refuses or reads them, no panic.
    let (mut opened, mut refused) = (0, 0);
    for _ in 0..1500 {
        let changed = rng.mutate(&document);
        let signed = encode_frame(&changed, &ex.supervisee.signing).unwrap();
        match open_plaintext(&signed, &me, &candidates) {
            Ok(_) => opened += 1,
            Err(err) => {
                assert_eq!(err.code, ErrorCode::PacketRefused);
                refused += 1;
            }
        }
    }
    // Both ways out of the parser were reached (a change inside a text field still parses).
    assert!(
        opened > 0 && refused > 0,
        "{opened} opened, {refused} refused"
    );
}

#[test]
fn a_header_stuffed_with_stanzas_is_refused_before_age_parses_it() {
    let ex = Exchange::new();
    // 16 MiB is over the packet cap; just under it goes as far as the header check.
    for size in [20 * 1024, MAX_PACKET_BYTES] {
        assert_refused(ex.supervisor_opens(&stanza_stuffed(size)), NOT_A_PACKET);
    }
    // A real packet still opens: its header is well inside the limits.
    let (packet, _) = ex.share();
    assert!(ex.supervisor_opens(&packet).is_ok());
}

const OUT_OF_BOUNDS: &str = "holds something Attune does not accept";

#[test]
fn a_signed_packet_breaking_the_senders_own_rules_is_refused() {
    let ex = Exchange::new();
    let seal = |doc: &attune::share::document::PacketDocument| {
        ex.raw_share(&serde_json::to_vec(doc).unwrap())
    };
    let entry = || shared_entry(1, "Fine");
    let with = |e: attune::share::document::SharedEntry| {
        share_document(&ex.supervisee, &ex.supervisor, vec![e])
    };
    let changed = |change: &dyn Fn(&mut attune::share::document::SharedEntry)| {
        let mut e = entry();
        change(&mut e);
        with(e)
    };
    let mut bad = Vec::new();
    bad.push(changed(&|e| e.carrying = Some(255)));
    let mut scale = entry();
    scale.answers[0].value = attune::journal::AnswerValue::Scale(255);
    bad.push(with(scale));
    bad.push(changed(&|e| e.tags = vec!["sleep".into(), "Sleep".into()]));
    bad.push(changed(&|e| e.tags = vec!["a,b".into()]));
    bad.push(changed(&|e| e.tags = vec!["line\nbreak".into()]));
    let mut long_prompt = entry();
    long_prompt.answers[0].prompt = "p".repeat(5_000);
    bad.push(with(long_prompt));
    // The same entry twice.
    bad.push(share_document(
        &ex.supervisee,
        &ex.supervisor,
        vec![entry(), entry()],
    ));
    // More entries than one packet may carry.
    bad.push(share_document(
        &ex.supervisee,
        &ex.supervisor,
        (0..=MAX_PACKET_ENTRIES as u64)
            .map(|n| shared_entry(n + 1, "x"))
            .collect(),
    ));
    for doc in &bad {
        assert_refused(ex.supervisor_opens(&seal(doc)), OUT_OF_BOUNDS);
    }
    // More responses than one feedback packet may carry.
    let mut flood = feedback_document(&ex.supervisor, &ex.supervisee, "heard");
    if let PacketContent::Feedback { responses, .. } = &mut flood.content {
        let one = responses[0].clone();
        *responses = (0..=MAX_PACKET_RESPONSES)
            .map(|n| {
                let mut response = one.clone();
                response.response_id = format!("{n:032x}");
                response
            })
            .collect();
    }
    let packet = seal_raw(
        &serde_json::to_vec(&flood).unwrap(),
        &ex.supervisor.signing,
        &[ex.supervisee.age.recipient(), ex.supervisor.age.recipient()],
    );
    assert_refused(
        open_packet(&packet, &ex.supervisee.age, &[ex.supervisor.public()]),
        OUT_OF_BOUNDS,
    );
    // The well-formed packet still opens.
    assert!(ex.supervisor_opens(&seal(&with(entry()))).is_ok());
}

#[test]
fn an_empty_noticed_part_is_left_out_so_older_attune_still_reads_the_response() {
    let ex = Exchange::new();
    let mut doc = feedback_document(&ex.supervisor, &ex.supervisee, "heard");
    let json = serde_json::to_string(&doc).unwrap();
    assert!(!json.contains("noticed"), "{json}");
    if let PacketContent::Feedback { responses, .. } = &mut doc.content {
        responses[0].noticed = "How you waited for the baby.".into();
    }
    let json = serde_json::to_string(&doc).unwrap();
    assert!(json.contains("\"noticed\":\"How you waited for the baby.\""));
}
