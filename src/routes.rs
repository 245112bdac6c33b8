//! The app's routes and typed links to them, all under the configured base path.
//!
//! Links are built only here, so an embedding host can move the app (e.g. to
//! `/admin/customer-groups`) without a change to any page.

use crate::model::GroupId;

/// Builds the app's own links.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paths {
    base: String,
}

impl Paths {
    /// Links under `base` (`""` or `/prefix`, no trailing slash).
    pub fn new(base: &str) -> Self {
        Paths {
            base: base.trim_end_matches('/').to_owned(),
        }
    }

    /// The groups list (the start page).
    pub fn list(&self) -> String {
        format!("{}/customer-groups", self.base)
    }

    /// The Add a Customer Group wizard.
    pub fn new_group(&self) -> String {
        format!("{}/customer-groups/new", self.base)
    }

    /// A group's view page.
    pub fn view(&self, id: &GroupId) -> String {
        format!("{}/customer-groups/{id}", self.base)
    }

    /// A group's edit page.
    pub fn edit(&self, id: &GroupId) -> String {
        format!("{}/customer-groups/{id}/edit", self.base)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Embedded under a prefix, every link keeps it.
    #[test]
    fn links_carry_the_base_path() {
        let p = Paths::new("/admin/cg/");
        assert_eq!(p.list(), "/admin/cg/customer-groups");
        assert_eq!(p.edit(&"5".into()), "/admin/cg/customer-groups/5/edit");
        assert_eq!(Paths::new("").view(&"5".into()), "/customer-groups/5");
    }
}
