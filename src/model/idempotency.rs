//! The key that makes a Create safe to retry: sent as `Idempotency-Key`, the same for
//! every attempt of one Save (a retry after a timeout), new when the admin changes what
//! is being created, so the backend creates exactly one group.

/// An idempotency key: 32 lowercase hex digits.
#[derive(Clone, Debug, PartialEq, Eq)]
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

#[cfg(test)]
mod tests {
    use super::*;

    // Keys are fixed-width hex, so two sources of bits never collide by formatting.
    #[test]
    fn hex_of_the_bits() {
        let k = IdempotencyKey::from_random([1, 0xdead_beef, 0, u32::MAX]);
        assert_eq!(k.as_str(), "00000001deadbeef00000000ffffffff");
    }
}
