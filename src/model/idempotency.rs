//! The key that makes a Create safe to retry: sent as `Idempotency-Key`, the same for
//! every attempt of one Save (a retry after a timeout, also after a reload: Add's draft
//! keeps it), new when the admin changes what is being created, so the backend creates
//! exactly one group.

use super::group::GroupInput;
use super::selection::Selection;
use serde::{Deserialize, Serialize};

/// An idempotency key: 32 lowercase hex digits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    /// A key from 128 random bits (the caller's source of randomness).
    pub fn from_random(words: [u32; 4]) -> Self {
        IdempotencyKey(words.iter().map(|w| format!("{w:08x}")).collect())
    }

    /// The key as sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The key of the last Save of Add and what it was sent for (a fingerprint of name,
/// description and selection). Kept in Add's draft: a Save that sends the same again,
/// also after a reload, reuses the key, so a create whose answer was lost is answered
/// with its group instead of "name taken"; anything else gets a new key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentCreate {
    /// The key sent.
    pub key: IdempotencyKey,
    /// The fingerprint of what was sent with it.
    pub of: u64,
}

impl SentCreate {
    /// `key` as sent for `input` and `picked`.
    pub fn new(input: &GroupInput, picked: &Selection, key: IdempotencyKey) -> Self {
        SentCreate {
            key,
            of: fingerprint(input, picked),
        }
    }

    /// This key, when `input` and `picked` are what it was sent for.
    pub fn key_for(&self, input: &GroupInput, picked: &Selection) -> Option<IdempotencyKey> {
        (self.of == fingerprint(input, picked)).then(|| self.key.clone())
    }
}

/// FNV-1a over name, description and the selection as stored (its maps are ordered, so
/// the same selection always gives the same bytes).
fn fingerprint(input: &GroupInput, picked: &Selection) -> u64 {
    let picked = serde_json::to_string(picked).unwrap_or_default();
    let parts = [
        input.name.as_bytes(),
        input.description.as_bytes(),
        picked.as_bytes(),
    ];
    parts.iter().fold(0xcbf2_9ce4_8422_2325, |h, part| {
        part.iter()
            .chain(&[0xff])
            .fold(h, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Customer, CustomerId, Gender};

    // Keys are fixed-width hex, so two sources of bits never collide by formatting.
    #[test]
    fn hex_of_the_bits() {
        let k = IdempotencyKey::from_random([1, 0xdead_beef, 0, u32::MAX]);
        assert_eq!(k.as_str(), "00000001deadbeef00000000ffffffff");
    }

    fn input(name: &str, description: &str) -> GroupInput {
        GroupInput {
            name: name.into(),
            description: description.into(),
        }
    }

    fn picked(ids: &[&str]) -> Selection {
        let mut s = Selection::default();
        for id in ids {
            let c = Customer {
                id: CustomerId::from(*id),
                reference: String::new(),
                email: format!("{id}@example.com"),
                first_name: "A".into(),
                last_name: "B".into(),
                gender: Gender::Female,
            };
            s.set(&c, true);
        }
        s
    }

    // The same name, description and customers (picked in any order, also after a trip
    // through the draft's JSON) keep the key; any change to one of them drops it.
    #[test]
    fn a_key_holds_for_what_it_was_sent_for() {
        let key = IdempotencyKey::from_random([1, 2, 3, 4]);
        let sent = SentCreate::new(&input("VIP", "x"), &picked(&["1", "2"]), key.clone());
        let back: SentCreate =
            serde_json::from_str(&serde_json::to_string(&sent).unwrap()).unwrap();
        assert_eq!(
            back.key_for(&input("VIP", "x"), &picked(&["2", "1"])),
            Some(key)
        );
        assert_eq!(
            back.key_for(&input("VIP 2", "x"), &picked(&["1", "2"])),
            None
        );
        assert_eq!(back.key_for(&input("VIP", "y"), &picked(&["1", "2"])), None);
        assert_eq!(back.key_for(&input("VIP", "x"), &picked(&["1"])), None);
        // Parts do not run into each other.
        let a = SentCreate::new(&input("ab", "c"), &picked(&[]), back.key.clone());
        assert_eq!(a.key_for(&input("a", "bc"), &picked(&[])), None);
    }
}
