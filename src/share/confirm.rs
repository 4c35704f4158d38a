//! Signed session confirmations through the exchange.
//!
//! A supervisee asks their pinned supervisor to confirm a session they received: a
//! `confirm_request` packet carries the session's facts only (date, minutes, format;
//! never notes, names or reflections). The supervisor's Attune lists the request; the
//! supervisor confirms it or declines it with a reason, and a `confirm_answer` packet
//! carries the answer back. Each answer is signed on its own, apart from the packet's
//! signature, over a statement that names both parties' signing keys, the request, the
//! session and its facts, the decision and the reason:
//!
//! ```text
//! signature = Ed25519(supervisor, CONFIRM_CONTEXT || JSON(statement))
//! ```
//!
//! so the supervisee's journal keeps a confirmation that still verifies after the packet
//! is gone, and one that cannot be moved to another person's journal or session.
//!
//! Both packets carry the full current set (every open request; every answer given to
//! that person), like share packets, so refusing an older one loses nothing. The same
//! import rules apply as to every packet (pinned keys, strict parse, sequence newer
//! than the last confirmation packet seen from that key, nothing written on refusal).
//! Records live in [`Table::Confirmations`]: on the supervisee's side one per session
//! (filed under the session id), on the supervisor's one per supervisee and session.

use std::ops::{Deref, DerefMut};

use chrono::{DateTime, SubsecRound, Utc};
use serde::{Deserialize, Serialize};

use super::document::{
    ConfirmAnswerItem, ConfirmRequestItem, Decision, PacketContent, SessionFacts,
    MAX_DECLINE_REASON_CHARS,
};
use super::exchange::refused;
use super::identity::Me;
use super::packet::signing_key_hex;
use super::Exchange;
use crate::crypto::{random_id, sha256, verify_signature, SigningKey, SigningPublicKey};
use crate::ids::{from_lower_hex, to_hex, ContactId};
use crate::journal::{Journal, SessionId, SessionRole, SupervisionSession};
use crate::records::{self, Record, Sealed, Stored};
use crate::store::Table;
use crate::{Error, Result};

/// Domain separation for a confirmation's own signature: never a packet signature.
pub const CONFIRM_CONTEXT: &[u8] = b"attune/confirm/v1\0";

/// Which side of a confirmation this journal holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Side {
    /// I asked my supervisor to confirm one of my sessions.
    Asked,
    /// A supervisee asked me.
    ToAnswer,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ConfirmationStored {
    contact_id: ContactId,
    side: Side,
    request: ConfirmRequestItem,
    /// Asked: earlier requests for the same session, whose answers no longer apply.
    superseded: Vec<String>,
    /// Asked: when the request last left in a packet. To answer: when my answer did.
    sent_at: Option<DateTime<Utc>>,
    /// Asked: when the answer arrived. To answer: when the request did.
    received_at: Option<DateTime<Utc>>,
    answer: Option<ConfirmAnswerItem>,
    /// Asked: the signing key (hex) that signed the answer.
    signed_by: Option<String>,
}

impl Record for ConfirmationStored {
    const TABLE: Table = Table::Confirmations;
    const KIND: u8 = 1;
}

/// Where a session confirmation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ConfirmState {
    /// Asked; no answer yet.
    Waiting,
    Confirmed,
    Declined,
}

/// A confirmation I asked for, as the supervisee sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct SessionConfirmation {
    pub session_id: String,
    pub contact_id: String,
    pub contact_name: String,
    pub state: ConfirmState,
    /// The facts sent (and, once answered, the ones the supervisor answered about).
    pub facts: SessionFacts,
    pub asked_at: DateTime<Utc>,
    /// When the request left in a packet (none: the packet is still to be written).
    pub sent_at: Option<DateTime<Utc>>,
    pub answered_at: Option<DateTime<Utc>>,
    /// Why it was declined.
    pub reason: Option<String>,
    /// The session as it is now differs from the facts sent (edited since): the answer
    /// is about the facts sent, not the session as it reads now.
    pub session_changed: bool,
    /// The session is no longer in the journal.
    pub session_missing: bool,
    /// The supervisor's signing key and signature over the answer (hex), to check later.
    pub signed_by: Option<String>,
    pub signature: Option<String>,
}

/// A request from a supervisee, as the supervisor sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ConfirmationRequest {
    pub request_id: String,
    pub contact_id: String,
    pub contact_name: String,
    pub facts: SessionFacts,
    pub received_at: Option<DateTime<Utc>>,
    pub state: ConfirmState,
    pub reason: Option<String>,
    pub answered_at: Option<DateTime<Utc>>,
    /// When my answer left in a packet (none: still to be sent).
    pub sent_at: Option<DateTime<Utc>>,
}

/// What a supervisor signs for one answer. Field order is fixed by this struct, and
/// every value is re-serialised from parsed fields, so both sides make the same bytes.
#[derive(Serialize)]
struct Statement<'a> {
    supervisee: &'a str,
    supervisor: &'a str,
    request_id: &'a str,
    session_id: &'a str,
    facts: &'a SessionFacts,
    decision: Decision,
    reason: &'a str,
    answered_at: DateTime<Utc>,
}

fn statement_message(supervisee: &str, supervisor: &str, a: &ConfirmAnswerItem) -> Result<Vec<u8>> {
    let statement = Statement {
        supervisee,
        supervisor,
        request_id: &a.request_id,
        session_id: &a.session_id,
        facts: &a.facts,
        decision: a.decision,
        reason: &a.reason,
        answered_at: a.answered_at,
    };
    let mut message = CONFIRM_CONTEXT.to_vec();
    serde_json::to_writer(&mut message, &statement)
        .map_err(|_| Error::internal("The confirmation could not be written."))?;
    Ok(message)
}

/// Sign an answer as the supervisor `signer`, for the supervisee with `supervisee` as
/// signing key (hex).
pub fn sign_answer(
    signer: &SigningKey,
    supervisee: &str,
    answer: &mut ConfirmAnswerItem,
) -> Result<()> {
    let supervisor = signing_key_hex(&signer.public_key());
    let message = statement_message(supervisee, &supervisor, answer)?;
    answer.signature = to_hex(&signer.sign(&message));
    Ok(())
}

/// Does `answer` carry `supervisor`'s signature, made for the supervisee `supervisee`
/// (signing key, hex)? Anyone holding the answer can check it again later.
pub fn answer_is_signed(
    supervisor: &SigningPublicKey,
    supervisee: &str,
    answer: &ConfirmAnswerItem,
) -> bool {
    let Some(signature) = from_lower_hex::<64>(&answer.signature) else {
        return false;
    };
    statement_message(supervisee, &signing_key_hex(supervisor), answer)
        .is_ok_and(|m| verify_signature(supervisor, &m, &signature).is_ok())
}

/// The facts of a session that a confirmation carries: nothing else leaves.
pub fn facts_of(session: &SupervisionSession) -> SessionFacts {
    SessionFacts {
        date: session.date,
        minutes: session.minutes,
        format: session.format,
    }
}

fn to_answer_record_id(contact: &ContactId, session_id: &str) -> [u8; 16] {
    let mut input = b"attune/confirm-request/v1\0".to_vec();
    input.extend_from_slice(&contact.0);
    input.extend_from_slice(session_id.as_bytes());
    let digest = sha256(&input);
    let mut id = [0u8; 16];
    id.copy_from_slice(&digest[..16]);
    id
}

fn state_of(answer: Option<&ConfirmAnswerItem>) -> ConfirmState {
    match answer.map(|a| a.decision) {
        None => ConfirmState::Waiting,
        Some(Decision::Confirmed) => ConfirmState::Confirmed,
        Some(Decision::Declined) => ConfirmState::Declined,
    }
}

impl<J: Deref<Target = Journal>> Exchange<J> {
    fn confirmation_records(&self) -> Result<Vec<Stored<ConfirmationStored>>> {
        Ok(records::load_all(self.vault())?.records)
    }

    fn names(&self) -> Result<Vec<(ContactId, String)>> {
        Ok(self
            .stored_contacts()?
            .into_iter()
            .map(|c| (ContactId(c.id), c.value.name.clone()))
            .collect())
    }

    /// The confirmations I asked for, newest session first.
    pub fn session_confirmations(&self) -> Result<Vec<SessionConfirmation>> {
        let names = self.names()?;
        let mut out: Vec<SessionConfirmation> = self
            .confirmation_records()?
            .into_iter()
            .filter(|s| s.value.side == Side::Asked)
            .map(|s| {
                let v = &s.value;
                let session = SessionId::from_hex(&v.request.session_id)
                    .and_then(|id| self.journal.session(&id).ok());
                let facts = v.answer.as_ref().map_or(v.request.facts, |a| a.facts);
                SessionConfirmation {
                    session_id: v.request.session_id.clone(),
                    contact_id: v.contact_id.to_hex(),
                    contact_name: names
                        .iter()
                        .find(|(id, _)| *id == v.contact_id)
                        .map(|(_, n)| n.clone())
                        .unwrap_or_default(),
                    state: state_of(v.answer.as_ref()),
                    facts,
                    asked_at: v.request.asked_at,
                    sent_at: v.sent_at,
                    answered_at: v.answer.as_ref().map(|a| a.answered_at),
                    reason: v
                        .answer
                        .as_ref()
                        .filter(|a| a.decision == Decision::Declined)
                        .map(|a| a.reason.clone()),
                    session_changed: session.is_some_and(|s| facts_of(s) != facts),
                    session_missing: session.is_none(),
                    signed_by: v.signed_by.clone(),
                    signature: v.answer.as_ref().map(|a| a.signature.clone()),
                }
            })
            .collect();
        out.sort_by_key(|c| std::cmp::Reverse((c.facts.date, c.asked_at)));
        Ok(out)
    }

    /// Requests my supervisees sent me, waiting ones first, then newest session first.
    pub fn confirmation_requests(&self) -> Result<Vec<ConfirmationRequest>> {
        let names = self.names()?;
        let mut out: Vec<ConfirmationRequest> = self
            .confirmation_records()?
            .into_iter()
            .filter(|s| s.value.side == Side::ToAnswer)
            .map(|s| {
                let v = &s.value;
                ConfirmationRequest {
                    request_id: v.request.request_id.clone(),
                    contact_id: v.contact_id.to_hex(),
                    contact_name: names
                        .iter()
                        .find(|(id, _)| *id == v.contact_id)
                        .map(|(_, n)| n.clone())
                        .unwrap_or_default(),
                    facts: v.request.facts,
                    received_at: v.received_at,
                    state: state_of(v.answer.as_ref()),
                    reason: v
                        .answer
                        .as_ref()
                        .filter(|a| a.decision == Decision::Declined)
                        .map(|a| a.reason.clone()),
                    answered_at: v.answer.as_ref().map(|a| a.answered_at),
                    sent_at: v.sent_at,
                }
            })
            .collect();
        out.sort_by_key(|r| {
            (
                r.state != ConfirmState::Waiting,
                std::cmp::Reverse(r.facts.date),
            )
        });
        Ok(out)
    }

    /// A supervisee's request by its id (a unique prefix of 4 or more hex digits).
    fn request_record(&self, typed: &str) -> Result<Stored<ConfirmationStored>> {
        let typed = typed.trim().to_ascii_lowercase();
        let found: Vec<Stored<ConfirmationStored>> = self
            .confirmation_records()?
            .into_iter()
            .filter(|s| {
                s.value.side == Side::ToAnswer
                    && typed.len() >= 4
                    && s.value.request.request_id.starts_with(&typed)
            })
            .collect();
        match found.len() {
            1 => found
                .into_iter()
                .next()
                .ok_or_else(|| Error::not_found("request")),
            0 => Err(Error::not_found("confirmation request")),
            _ => Err(Error::invalid(
                "More than one request starts with that id; type a few more characters.",
            )),
        }
    }

    /// The supervisor's answers in a packet from them, checked one by one before
    /// anything is written: each must answer a request this journal made of them (an
    /// answer to an earlier request for a session asked about again is passed over),
    /// about the facts asked, signed by them for me.
    pub(crate) fn take_confirm_answers(
        &self,
        contact: &ContactId,
        signer: &SigningPublicKey,
        me: &Me,
        answers: &[ConfirmAnswerItem],
        now: DateTime<Utc>,
    ) -> Result<(Vec<Sealed>, usize)> {
        let mine = signing_key_hex(&me.signing.public_key());
        let mut sealed = Vec::new();
        for a in answers {
            let record = SessionId::from_hex(&a.session_id)
                .map(|id| records::load_one::<ConfirmationStored>(self.vault(), &id.0))
                .transpose()?
                .flatten()
                .filter(|s| s.value.side == Side::Asked);
            let Some(record) = record else {
                return Err(refused(
                    "This file answers a session this journal did not ask about; it may be meant for someone else. Nothing was changed.",
                ));
            };
            let v = &record.value;
            if v.superseded.contains(&a.request_id) {
                continue;
            }
            if v.request.request_id != a.request_id || v.contact_id != *contact {
                return Err(refused(
                    "This file answers a request this journal did not make of this supervisor. Nothing was changed.",
                ));
            }
            if a.facts != v.request.facts {
                return Err(refused(
                    "This file answers about other session facts than the ones you sent. Nothing was changed.",
                ));
            }
            if !answer_is_signed(signer, &mine, a) {
                return Err(refused(
                    "A confirmation in this file is not signed by your supervisor for you. Nothing was changed.",
                ));
            }
            if v.answer.as_ref() == Some(a) {
                continue;
            }
            let mut next = v.clone();
            next.answer = Some(a.clone());
            next.received_at = Some(now);
            next.signed_by = Some(signing_key_hex(signer));
            sealed.push(records::seal_next(
                self.vault(),
                record.id,
                Some(record.revision),
                &next,
            )?);
        }
        let n = sealed.len();
        Ok((sealed, n))
    }

    /// A supervisee's open requests in a packet from them: new ones added, ones asked
    /// again (a new request for the same session) replace the earlier one and its answer.
    pub(crate) fn take_confirm_requests(
        &self,
        contact: &ContactId,
        requests: &[ConfirmRequestItem],
        now: DateTime<Utc>,
    ) -> Result<(Vec<Sealed>, usize)> {
        let mut sealed = Vec::new();
        for r in requests {
            let id = to_answer_record_id(contact, &r.session_id);
            let existing = records::load_one::<ConfirmationStored>(self.vault(), &id)?;
            if let Some(e) = &existing {
                if e.value.request.request_id == r.request_id {
                    if e.value.request != *r {
                        return Err(refused(
                            "This file changes a request already received under the same id. Nothing was changed.",
                        ));
                    }
                    continue;
                }
            }
            let record = ConfirmationStored {
                contact_id: *contact,
                side: Side::ToAnswer,
                request: r.clone(),
                superseded: Vec::new(),
                sent_at: None,
                received_at: Some(now),
                answer: None,
                signed_by: None,
            };
            sealed.push(records::seal_next(
                self.vault(),
                id,
                existing.map(|e| e.revision),
                &record,
            )?);
        }
        let n = sealed.len();
        Ok((sealed, n))
    }
}

impl<J: DerefMut<Target = Journal>> Exchange<J> {
    /// Ask my supervisor to confirm a session I received. Asking again after the session
    /// changed (or of another supervisor) makes a new request; the earlier answer no
    /// longer applies. The packet is written separately, with every open request.
    pub fn ask_confirmation(
        &mut self,
        contact: &ContactId,
        session: &SessionId,
    ) -> Result<SessionConfirmation> {
        self.my_supervisor(contact)?;
        let s = self.journal.session(session)?;
        if s.role != SessionRole::Receiving {
            return Err(Error::invalid(
                "Only sessions you received can be confirmed by your supervisor.",
            ));
        }
        let facts = facts_of(s);
        let existing = records::load_one::<ConfirmationStored>(self.vault(), &session.0)?;
        let unchanged = existing.as_ref().is_some_and(|e| {
            e.value.contact_id == *contact
                && e.value.request.facts == facts
                && e.value.answer.is_none()
        });
        if !unchanged {
            let mut superseded = existing
                .as_ref()
                .map(|e| e.value.superseded.clone())
                .unwrap_or_default();
            if let Some(e) = &existing {
                superseded.push(e.value.request.request_id.clone());
            }
            let record = ConfirmationStored {
                contact_id: *contact,
                side: Side::Asked,
                request: ConfirmRequestItem {
                    request_id: to_hex(&random_id::<16>()?),
                    session_id: session.to_hex(),
                    facts,
                    asked_at: Utc::now(),
                },
                superseded,
                sent_at: None,
                received_at: None,
                answer: None,
                signed_by: None,
            };
            let sealed = records::seal_next(
                self.vault(),
                session.0,
                existing.map(|e| e.revision),
                &record,
            )?;
            self.commit(&[sealed])?;
        }
        self.session_confirmations()?
            .into_iter()
            .find(|c| c.session_id == session.to_hex())
            .ok_or_else(|| Error::internal("The request was not kept."))
    }

    /// The request packet for this supervisor: every confirmation asked of them and not
    /// answered yet, facts only. Records when each left.
    pub fn write_confirm_request_packet(&mut self, contact: &ContactId) -> Result<Vec<u8>> {
        let c = self.my_supervisor(contact)?;
        let open: Vec<Stored<ConfirmationStored>> = self
            .confirmation_records()?
            .into_iter()
            .filter(|s| {
                s.value.side == Side::Asked
                    && s.value.contact_id == *contact
                    && s.value.answer.is_none()
            })
            .collect();
        if open.is_empty() {
            return Err(Error::invalid(format!(
                "Nothing is waiting for {} to confirm. Ask for a session's confirmation first.",
                c.value.name
            )));
        }
        let requests = open.iter().map(|s| s.value.request.clone()).collect();
        self.send_packet(
            &c,
            PacketContent::ConfirmRequest { requests },
            &open,
            |r, now| r.sent_at = Some(now),
        )
    }

    /// Confirm a supervisee's request, or decline it with a reason. The answer is
    /// signed now and sent with the next answer packet.
    pub fn answer_confirmation(
        &mut self,
        request_id: &str,
        decision: Decision,
        reason: &str,
    ) -> Result<ConfirmationRequest> {
        let record = self.request_record(request_id)?;
        let c = self.my_supervisee(&record.value.contact_id)?;
        let reason = reason.trim();
        match decision {
            Decision::Confirmed if !reason.is_empty() => {
                return Err(Error::invalid("A reason goes with declining only."));
            }
            Decision::Declined if reason.is_empty() => {
                return Err(Error::invalid(
                    "Say briefly why you are declining, so they can put it right.",
                ));
            }
            _ => {}
        }
        if reason.chars().count() > MAX_DECLINE_REASON_CHARS {
            return Err(Error::invalid(format!(
                "A reason can be up to {MAX_DECLINE_REASON_CHARS} characters."
            )));
        }
        if reason.chars().any(|ch| ch.is_control() && ch != '\n') {
            return Err(Error::invalid("Write the reason as plain text."));
        }
        let me = self.me_or_create()?;
        let mut answer = ConfirmAnswerItem {
            request_id: record.value.request.request_id.clone(),
            session_id: record.value.request.session_id.clone(),
            facts: record.value.request.facts,
            decision,
            reason: reason.to_string(),
            answered_at: Utc::now().trunc_subsecs(0),
            signature: String::new(),
        };
        sign_answer(&me.signing, &c.value.keys.signing_key, &mut answer)?;
        let mut next = record.value.clone();
        next.answer = Some(answer);
        next.sent_at = None;
        let sealed = records::seal_next(self.vault(), record.id, Some(record.revision), &next)?;
        self.commit(&[sealed])?;
        self.confirmation_requests()?
            .into_iter()
            .find(|r| r.request_id == next.request.request_id)
            .ok_or_else(|| Error::internal("The answer was not kept."))
    }

    /// The answer packet for this supervisee: every answer I gave them. Records when
    /// each left.
    pub fn write_confirm_answer_packet(&mut self, contact: &ContactId) -> Result<Vec<u8>> {
        let c = self.my_supervisee(contact)?;
        let answered: Vec<Stored<ConfirmationStored>> = self
            .confirmation_records()?
            .into_iter()
            .filter(|s| {
                s.value.side == Side::ToAnswer
                    && s.value.contact_id == *contact
                    && s.value.answer.is_some()
            })
            .collect();
        if answered.is_empty() {
            return Err(Error::invalid(format!(
                "You have not answered a request from {} yet.",
                c.value.name
            )));
        }
        let answers = answered
            .iter()
            .filter_map(|s| s.value.answer.clone())
            .collect();
        self.send_packet(
            &c,
            PacketContent::ConfirmAnswer { answers },
            &answered,
            |r, now| r.sent_at = Some(now),
        )
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::journal::SessionFormat;
    use chrono::NaiveDate;

    fn answer() -> ConfirmAnswerItem {
        ConfirmAnswerItem {
            request_id: "11".repeat(16),
            session_id: "22".repeat(16),
            facts: SessionFacts {
                date: NaiveDate::from_ymd_opt(2026, 3, 4).unwrap(),
                minutes: 60,
                format: SessionFormat::Individual,
            },
            decision: Decision::Confirmed,
            reason: String::new(),
            answered_at: Utc::now().trunc_subsecs(0),
            signature: String::new(),
        }
    }

    #[test]
    fn a_signed_answer_verifies_and_any_changed_fact_or_party_does_not() {
        let supervisor = SigningKey::generate().unwrap();
        let supervisee = signing_key_hex(&SigningKey::generate().unwrap().public_key());
        let other = signing_key_hex(&SigningKey::generate().unwrap().public_key());
        let mut a = answer();
        sign_answer(&supervisor, &supervisee, &mut a).unwrap();
        let key = supervisor.public_key();
        assert!(answer_is_signed(&key, &supervisee, &a));
        assert!(!answer_is_signed(&key, &other, &a), "made for someone else");
        let stranger = SigningKey::generate().unwrap().public_key();
        assert!(!answer_is_signed(&stranger, &supervisee, &a));

        let mut changed = a.clone();
        changed.facts.minutes = 90;
        assert!(!answer_is_signed(&key, &supervisee, &changed));
        let mut changed = a.clone();
        changed.session_id = "33".repeat(16);
        assert!(!answer_is_signed(&key, &supervisee, &changed));
        let mut changed = a.clone();
        changed.decision = Decision::Declined;
        changed.reason = "not ours".into();
        assert!(!answer_is_signed(&key, &supervisee, &changed));

        // The packet context never verifies a confirmation, nor the other way round.
        let message = statement_message(&supervisee, &signing_key_hex(&key), &a).unwrap();
        let bare = &message[CONFIRM_CONTEXT.len()..];
        let signature = from_lower_hex::<64>(&a.signature).unwrap();
        let mut as_packet = crate::share::SIGNATURE_CONTEXT.to_vec();
        as_packet.extend_from_slice(bare);
        assert!(verify_signature(&key, &as_packet, &signature).is_err());
    }

    #[test]
    fn the_facts_sent_hold_the_date_minutes_and_format_only() {
        let facts = SessionFacts {
            date: NaiveDate::from_ymd_opt(2026, 3, 4).unwrap(),
            minutes: 45,
            format: SessionFormat::Group,
        };
        let json = serde_json::to_value(facts).unwrap();
        let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["date", "format", "minutes"]);
    }
}
