//! This journal's identity for the exchange: an Ed25519 signing key and an age X25519
//! identity, made at first need and kept as one encrypted record in
//! [`Table::Identity`]. The secret halves are loaded as handles for one operation and
//! dropped (zeroized) right after; nothing is cached past a lock.

use std::ops::{Deref, DerefMut};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, ZeroizeOnDrop};

use super::document::PartyKeys;
use super::packet::signing_key_hex;
use super::Exchange;
use crate::crypto::{random_id, AgeIdentity, SigningKey};
use crate::ids::{from_hex_vec, to_hex};
use crate::journal::Journal;
use crate::records::{self, Record, Stored};
use crate::store::Table;
use crate::{Error, Result};

/// What the journal stores (encrypted): the secret keys and the name on my card.
#[derive(Serialize, Deserialize, Zeroize, ZeroizeOnDrop)]
#[serde(deny_unknown_fields)]
pub(crate) struct StoredIdentity {
    /// PKCS#8, hex.
    signing_pkcs8: String,
    /// `AGE-SECRET-KEY-1…`.
    age_secret: String,
    /// The name last put on my contact card.
    display_name: Option<String>,
    #[zeroize(skip)]
    created_at: DateTime<Utc>,
}

impl Record for StoredIdentity {
    const TABLE: Table = Table::Identity;
    const KIND: u8 = 1;
}

/// My keys as handles, for one operation.
pub(crate) struct Me {
    pub signing: SigningKey,
    pub age: AgeIdentity,
    pub display_name: Option<String>,
}

impl Me {
    pub fn keys(&self) -> PartyKeys {
        PartyKeys {
            signing_key: signing_key_hex(&self.signing.public_key()),
            age_recipient: self.age.recipient(),
        }
    }
}

/// My public identity, to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct IdentityInfo {
    /// The name on my contact card, once I have made one.
    pub display_name: Option<String>,
    /// Ed25519 public key, 64 hex digits.
    pub signing_key: String,
    /// age recipient, `age1…`.
    pub age_recipient: String,
    pub created_at: DateTime<Utc>,
}

fn damaged_identity() -> Error {
    Error::internal("This journal's sharing keys could not be read.")
}

impl<J: Deref<Target = Journal>> Exchange<J> {
    fn stored_identity(&self) -> Result<Option<(Stored<StoredIdentity>, Me)>> {
        let Some(stored) = records::load_all::<StoredIdentity>(self.vault())?
            .records
            .into_iter()
            .max_by_key(|s| s.revision)
        else {
            return Ok(None);
        };
        let pkcs8 = zeroize::Zeroizing::new(
            from_hex_vec(&stored.value.signing_pkcs8).ok_or_else(damaged_identity)?,
        );
        let me = Me {
            signing: SigningKey::from_pkcs8(&pkcs8).map_err(|_| damaged_identity())?,
            age: AgeIdentity::parse(&stored.value.age_secret).map_err(|_| damaged_identity())?,
            display_name: stored.value.display_name.clone(),
        };
        Ok(Some((stored, me)))
    }

    /// My keys, if this journal has made them yet.
    pub(crate) fn me(&self) -> Result<Option<Me>> {
        Ok(self.stored_identity()?.map(|(_, me)| me))
    }
}

impl<J: DerefMut<Target = Journal>> Exchange<J> {
    /// My keys, made now if this is the first time they are needed.
    pub(crate) fn me_or_create(&mut self) -> Result<Me> {
        if let Some(me) = self.me()? {
            return Ok(me);
        }
        let signing = SigningKey::generate()?;
        let age = AgeIdentity::generate();
        let stored = StoredIdentity {
            signing_pkcs8: to_hex(signing.pkcs8()),
            age_secret: age.to_secret_string().to_string(),
            display_name: None,
            created_at: Utc::now(),
        };
        let sealed = records::seal_next(self.vault(), random_id()?, None, &stored)?;
        self.commit(&[sealed])?;
        Ok(Me {
            signing,
            age,
            display_name: None,
        })
    }

    /// My public identity (made at first need).
    pub fn identity_show(&mut self) -> Result<IdentityInfo> {
        let me = self.me_or_create()?;
        let created_at = self
            .stored_identity()?
            .map_or_else(Utc::now, |(s, _)| s.value.created_at);
        let keys = me.keys();
        Ok(IdentityInfo {
            display_name: me.display_name.clone(),
            signing_key: keys.signing_key,
            age_recipient: keys.age_recipient,
            created_at,
        })
    }

    /// Remember the name I put on my card.
    pub(crate) fn set_display_name(&mut self, name: &str) -> Result<()> {
        self.me_or_create()?;
        let Some((stored, _)) = self.stored_identity()? else {
            return Err(damaged_identity());
        };
        if stored.value.display_name.as_deref() == Some(name) {
            return Ok(());
        }
        let next = StoredIdentity {
            signing_pkcs8: stored.value.signing_pkcs8.clone(),
            age_secret: stored.value.age_secret.clone(),
            display_name: Some(name.to_string()),
            created_at: stored.value.created_at,
        };
        let sealed = records::seal_next(self.vault(), stored.id, Some(stored.revision), &next)?;
        self.commit(&[sealed])
    }
}
