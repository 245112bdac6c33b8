//! The app's routes and typed links to them. The base path is the app's root: the list
//! is the base path itself, Add is `BASE/new`, a group `BASE/ID` and its edit page
//! `BASE/ID/edit` (an app embedded at `/admin/customer-groups` lives there, not under
//! `/admin/customer-groups/customer-groups`). The app's own page sets its base path to
//! `/customer-groups`, so its addresses (and old bookmarks) stay as they were.
//!
//! Links are built only here, so an embedding host can move the app without a change to
//! any page.

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

    /// The groups list (the start page): the base path itself.
    pub fn list(&self) -> String {
        if self.base.is_empty() {
            "/".to_owned()
        } else {
            self.base.clone()
        }
    }

    /// The Add a Customer Group wizard.
    pub fn new_group(&self) -> String {
        format!("{}/new", self.base)
    }

    /// A group's view page.
    pub fn view(&self, id: &GroupId) -> String {
        format!("{}/{id}", self.base)
    }

    /// A group's edit page.
    pub fn edit(&self, id: &GroupId) -> String {
        format!("{}/{id}/edit", self.base)
    }

    /// Where the app's own page opens when it is loaded at `pathname` outside its base
    /// path: the site's root (`/`, `/index.html`) opens the list; any other path is left
    /// to the router (which tells it is not found).
    pub fn entry(&self, pathname: &str) -> Option<String> {
        let root = matches!(pathname, "" | "/" | "/index.html");
        (root && !self.base.is_empty()).then(|| self.list())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The base path is the app's root: every link is under it, none doubles it.
    #[test]
    fn links_are_under_the_base_path() {
        let p = Paths::new("/admin/cg/");
        assert_eq!(p.list(), "/admin/cg");
        assert_eq!(p.new_group(), "/admin/cg/new");
        assert_eq!(p.view(&"5".into()), "/admin/cg/5");
        assert_eq!(p.edit(&"5".into()), "/admin/cg/5/edit");
        let own = Paths::new("/customer-groups");
        assert_eq!(own.edit(&"5".into()), "/customer-groups/5/edit");
        let root = Paths::new("");
        assert_eq!(root.list(), "/");
        assert_eq!(root.view(&"5".into()), "/5");
    }

    // The app's own page at the site's root opens the list; paths under the base path,
    // other paths and an app at the root are left alone.
    #[test]
    fn the_site_root_opens_the_list() {
        let own = Paths::new("/customer-groups");
        assert_eq!(own.entry("/").as_deref(), Some("/customer-groups"));
        assert_eq!(
            own.entry("/index.html").as_deref(),
            Some("/customer-groups")
        );
        assert_eq!(own.entry("/customer-groups/5"), None);
        assert_eq!(own.entry("/elsewhere"), None);
        assert_eq!(Paths::new("").entry("/"), None);
    }
}
