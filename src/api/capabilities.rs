//! What a backend can do, declared by its dialect, so the UI never guesses: a column
//! the backend cannot sort has no sort button, a count it does not give shows as
//! unknown (with a tooltip), and "Select all N matching" says what it costs or that it
//! is not there.

use crate::model::SortFields;
use crate::model::search::SearchRule;

/// Where a group's member count comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MemberCount {
    /// Every group read, listed or single, carries it.
    Everywhere,
    /// Reading one group fetches it (one extra request); lists show it as unknown.
    SingleGroup,
    /// The backend never gives it.
    Never,
}

/// How "Select all N matching" is carried out at Save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SelectAllMatching {
    /// The backend takes the search itself; no limit.
    Native,
    /// The dialect pages through the matching customers and sends them in chunks, up to
    /// `cap` customers per Save (the UI says so and refuses more).
    Paged {
        /// The most customers one Save adds this way.
        cap: u64,
    },
    /// Not available: the UI says so.
    Unsupported,
}

/// How a list of e-mail addresses or references is resolved to customers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lookup {
    /// Keys one request resolves.
    pub keys_per_request: usize,
    /// Requests sent at once.
    pub parallel: usize,
    /// Whether the answer says who is a member of the group being edited.
    pub knows_members: bool,
}

impl Lookup {
    /// Requests needed for `keys` keys.
    pub fn requests(&self, keys: usize) -> usize {
        keys.div_ceil(self.keys_per_request.max(1))
    }
}

/// The lists the app shows, for sortable columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grid {
    /// The customer groups list.
    Groups,
    /// A group's members (view page, Assigned customers).
    Members,
    /// Customers to pick.
    Customers,
}

/// A dialect's declaration of what its backend can do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Capabilities {
    /// Sortable columns of the groups list (first = default).
    pub group_sorts: SortFields,
    /// Sortable columns of members tables (first = default).
    pub member_sorts: SortFields,
    /// Sortable columns of customer tables (first = default).
    pub customer_sorts: SortFields,
    /// Member counts per group.
    pub member_count: MemberCount,
    /// Whether groups have a short number worth a **#** column (Spryker exposes only
    /// uuids).
    pub group_numbers: bool,
    /// Whether members come with their gender.
    pub member_gender: bool,
    /// Whether customers can be listed without the members of a group (the edit page's
    /// "customers to assign"); otherwise every customer is listed and the UI says so.
    pub lists_non_members: bool,
    /// "Select all N matching".
    pub select_all_matching: SelectAllMatching,
    /// Whether a stale write is refused (versions / ETags), so two admins cannot
    /// overwrite each other silently.
    pub conflict_detection: bool,
    /// How the backend matches a customer search.
    pub customer_search: SearchRule,
    /// Resolving pasted or uploaded lists.
    pub lookup: Lookup,
    /// Members per request when exporting a group.
    pub export_page: u32,
}

impl Capabilities {
    /// The sortable columns of `grid`.
    pub fn sorts(&self, grid: Grid) -> SortFields {
        match grid {
            Grid::Groups => self.group_sorts,
            Grid::Members => self.member_sorts,
            Grid::Customers => self.customer_sorts,
        }
    }
}
