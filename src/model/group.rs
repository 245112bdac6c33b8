//! Customer groups.

use super::ids::GroupId;

/// A customer group as listed and viewed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// The backend's id.
    pub id: GroupId,
    /// Unique name (1–70 characters, unique ignoring case).
    pub name: String,
    /// Description (0–255 characters, may be empty).
    pub description: String,
    /// Creation time as an RFC 3339 string.
    pub created_at: String,
    /// Number of members, when the backend knows it cheaply.
    pub customer_count: Option<u64>,
    /// The version every write to the group (membership included) changes, where the
    /// backend keeps one: writes send it back, so a stale page cannot overwrite a
    /// colleague's change.
    pub version: Option<Version>,
}

/// A group's version as the backend gives it (opaque: only compared and sent back).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Version(pub String);

/// What a Save of the General Information tab changes: only the fields the admin
/// changed, so a colleague's change to the other field survives.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GroupEdit {
    /// The new name (cleaned), if it changed.
    pub name: Option<String>,
    /// The new description (cleaned), if it changed.
    pub description: Option<String>,
}

impl GroupEdit {
    /// Whether nothing changes.
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.description.is_none()
    }
}

/// What the user edits on the General Information tab.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GroupInput {
    /// The name as typed.
    pub name: String,
    /// The description as typed.
    pub description: String,
}

impl GroupInput {
    /// The input as it is sent and stored: surrounding white space removed, Unicode
    /// NFC (the shared rule of `cg_rules`).
    pub fn trimmed(&self) -> GroupInput {
        GroupInput {
            name: cg_rules::nfc(self.name.trim()),
            description: cg_rules::nfc(self.description.trim()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The spec trims surrounding white space before saving.
    #[test]
    fn trimmed_strips_both_fields() {
        let i = GroupInput {
            name: "  VIP ".into(),
            description: "\tbest\n".into(),
        };
        assert_eq!(
            i.trimmed(),
            GroupInput {
                name: "VIP".into(),
                description: "best".into()
            }
        );
        let decomposed = GroupInput {
            name: " Cafe\u{301} ".into(),
            description: String::new(),
        };
        assert_eq!(decomposed.trimmed().name, "Caf\u{e9}");
    }
}
