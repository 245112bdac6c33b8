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
    /// The input as it is sent: surrounding white space removed.
    pub fn trimmed(&self) -> GroupInput {
        GroupInput {
            name: self.name.trim().to_owned(),
            description: self.description.trim().to_owned(),
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
    }
}
