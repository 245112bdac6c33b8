//! Typed sort keys: what a column sorts by, named once for the whole app. Each dialect
//! maps a key to its own parameter (or declares it unsortable); the app's URL uses
//! [`SortKey::url_key`], so a bookmark means the same thing on every backend.

/// Something a list can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortKey {
    /// The backend's id (groups: number; customers: id or customer reference).
    Id,
    /// Group name.
    Name,
    /// Creation time.
    CreatedAt,
    /// Customer e-mail address.
    Email,
    /// Customer first name.
    FirstName,
    /// Customer last name.
    LastName,
    /// Customer gender.
    Gender,
}

impl SortKey {
    /// Every key, for parsing.
    pub const ALL: [SortKey; 7] = [
        SortKey::Id,
        SortKey::Name,
        SortKey::CreatedAt,
        SortKey::Email,
        SortKey::FirstName,
        SortKey::LastName,
        SortKey::Gender,
    ];

    /// The key's name in the app's URL (`?sort=-created_at`).
    pub fn url_key(self) -> &'static str {
        match self {
            SortKey::Id => "id",
            SortKey::Name => "name",
            SortKey::CreatedAt => "created_at",
            SortKey::Email => "email",
            SortKey::FirstName => "first_name",
            SortKey::LastName => "last_name",
            SortKey::Gender => "gender",
        }
    }

    /// The key for a URL name, if there is one.
    pub fn from_url_key(s: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.url_key() == s)
    }
}

/// The sortable keys of one grid on one backend; the first is the default. Comes from
/// the dialect's capabilities, so a column the backend cannot sort has no sort button
/// and a URL naming it falls back to the default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SortFields {
    /// Keys the grid can sort by; the first is the default.
    pub keys: &'static [SortKey],
}

impl SortFields {
    /// The default sort key.
    pub fn default_key(&self) -> SortKey {
        self.keys[0]
    }

    /// Whether the grid can sort by `key`.
    pub fn allows(&self, key: SortKey) -> bool {
        self.keys.contains(&key)
    }

    /// The sortable key with URL name `s`, if the grid knows it.
    pub fn find(&self, s: &str) -> Option<SortKey> {
        SortKey::from_url_key(s).filter(|k| self.allows(*k))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Every key survives the round trip through its URL name.
    #[test]
    fn url_keys_round_trip() {
        for k in SortKey::ALL {
            assert_eq!(SortKey::from_url_key(k.url_key()), Some(k));
        }
        assert_eq!(SortKey::from_url_key("password"), None);
    }

    // A key the backend cannot sort by is not found, even if the app knows it.
    #[test]
    fn find_only_allows_the_grids_keys() {
        let f = SortFields {
            keys: &[SortKey::CreatedAt, SortKey::Name],
        };
        assert_eq!(f.default_key(), SortKey::CreatedAt);
        assert_eq!(f.find("name"), Some(SortKey::Name));
        assert_eq!(f.find("id"), None);
    }
}
