//! A list of customers as admins bring it: pasted, or a `.csv`/`.txt` file; one e-mail
//! address or customer reference per line, or a CSV with a header where a column holds
//! them. Read into distinct keys (with the duplicates counted) before anything is asked
//! of the backend, and matched against what the backend found.

use super::csv;
use super::customer::Customer;
use super::ids::CustomerId;
use std::collections::{BTreeMap, BTreeSet};

/// The largest file read, in bytes (5 MiB).
pub const MAX_BYTES: usize = 5 * 1024 * 1024;
/// The most lines read.
pub const MAX_LINES: usize = 50_000;

/// An e-mail address as a list writes it, compared without case: two addresses that
/// differ only in case are the same key. The written form is what a backend that
/// compares case (Spryker on PostgreSQL) is asked for first.
#[derive(Clone, Debug)]
pub struct Address {
    written: String,
    folded: String,
}

impl Address {
    /// The address as written (trimmed).
    pub fn written(&self) -> &str {
        &self.written
    }

    /// The address lowercased, the form it is compared in.
    pub fn folded(&self) -> &str {
        &self.folded
    }
}

impl From<&str> for Address {
    fn from(text: &str) -> Self {
        let written = text.trim().to_owned();
        let folded = cg_rules::lowercase(&written);
        Address { written, folded }
    }
}

impl PartialEq for Address {
    fn eq(&self, other: &Self) -> bool {
        self.folded == other.folded
    }
}

impl Eq for Address {}

impl std::hash::Hash for Address {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.folded.hash(state);
    }
}

impl PartialOrd for Address {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Address {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.folded.cmp(&other.folded)
    }
}

/// How a line names a customer.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CustomerKey {
    /// An e-mail address (compared without case).
    Email(Address),
    /// A customer reference, as written (trimmed).
    Reference(String),
}

impl CustomerKey {
    /// The key in a cell: an address when it has an `@`, else a reference; `None` for
    /// a blank cell.
    pub fn parse(cell: &str) -> Option<CustomerKey> {
        let t = cell.trim();
        if t.is_empty() {
            None
        } else if t.contains('@') {
            Some(CustomerKey::Email(Address::from(t)))
        } else {
            Some(CustomerKey::Reference(t.to_owned()))
        }
    }

    /// The key as written in lists and files.
    pub fn as_str(&self) -> &str {
        match self {
            CustomerKey::Email(a) => a.written(),
            CustomerKey::Reference(s) => s,
        }
    }

    /// The two keys that name `c`: its address and its reference.
    pub fn of(c: &Customer) -> [CustomerKey; 2] {
        [
            CustomerKey::Email(Address::from(c.email.as_str())),
            CustomerKey::Reference(c.reference.clone()),
        ]
    }

    /// Whether `c` is the customer this key names.
    pub fn names(&self, c: &Customer) -> bool {
        CustomerKey::of(c).contains(self)
    }
}

/// Why a list cannot be read (nothing is asked of the backend then).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListError {
    /// The file is over [`MAX_BYTES`].
    TooBig(usize),
    /// More than [`MAX_LINES`] lines.
    TooManyLines(usize),
    /// The file is not UTF-8 text.
    NotUtf8,
    /// No e-mail address or reference in it.
    Empty,
}

/// A list read into keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyList {
    /// The CSV header, when the first line is one (the admin may pick another column).
    pub header: Option<Vec<String>>,
    /// The column the keys were read from.
    pub column: usize,
    /// Distinct keys, in the order they first appear.
    pub keys: Vec<CustomerKey>,
    /// Lines that repeated a key already read.
    pub duplicates: usize,
}

/// A file's bytes as text: refused when too big or not UTF-8.
pub fn read_bytes(bytes: &[u8]) -> Result<String, ListError> {
    if bytes.len() > MAX_BYTES {
        return Err(ListError::TooBig(bytes.len()));
    }
    String::from_utf8(bytes.to_vec()).map_err(|_| ListError::NotUtf8)
}

/// A header cell's plain name: lowercase letters only (`E-Mail` → `email`).
fn plain(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase()
}

fn is_email_header(name: &str) -> bool {
    matches!(
        plain(name).as_str(),
        "email" | "mail" | "emailaddress" | "emailadresse" | "mailadresse"
    )
}

fn is_reference_header(name: &str) -> bool {
    matches!(
        plain(name).as_str(),
        "customerreference" | "reference" | "ref" | "customerref"
    )
}

/// Whether the first row names columns rather than customers.
fn is_header(rows: &[Vec<String>]) -> bool {
    let Some(first) = rows.first() else {
        return false;
    };
    // Known column names, or a first row without addresses above rows with them.
    first
        .iter()
        .any(|c| is_email_header(c) || is_reference_header(c))
        || (first.len() > 1
            && !first.iter().any(|c| c.contains('@'))
            && rows[1..].iter().any(|r| r.iter().any(|c| c.contains('@'))))
}

/// The column to read when the admin did not pick one: the e-mail column, else the
/// reference column, else the first holding an address, else the first.
fn default_column(header: Option<&Vec<String>>, rows: &[Vec<String>]) -> usize {
    if let Some(h) = header {
        if let Some(i) = h.iter().position(|c| is_email_header(c)) {
            return i;
        }
        if let Some(i) = h.iter().position(|c| is_reference_header(c)) {
            return i;
        }
    }
    rows.iter()
        .find_map(|r| r.iter().position(|c| c.contains('@')))
        .unwrap_or(0)
}

/// Reads a pasted text or file into keys; `column` is the admin's pick of a CSV column.
pub fn parse_list(text: &str, column: Option<usize>) -> Result<KeyList, ListError> {
    let text = text.strip_prefix(csv::BOM).unwrap_or(text);
    let lines = text.lines().count();
    if lines > MAX_LINES {
        return Err(ListError::TooManyLines(lines));
    }
    let mut rows = csv::parse(text, csv::detect_delimiter(text));
    let header = is_header(&rows).then(|| rows.remove(0));
    let column = column.unwrap_or_else(|| default_column(header.as_ref(), &rows));
    let mut seen = BTreeSet::new();
    let mut keys = Vec::new();
    let mut duplicates = 0;
    for key in rows
        .iter()
        .filter_map(|r| r.get(column).and_then(|c| CustomerKey::parse(c)))
    {
        if seen.insert(key.clone()) {
            keys.push(key);
        } else {
            duplicates += 1;
        }
    }
    if keys.is_empty() {
        return Err(ListError::Empty);
    }
    Ok(KeyList {
        header,
        column,
        keys,
        duplicates,
    })
}

/// A customer the backend found for a list.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// The customer.
    pub customer: Customer,
    /// Whether they are a member of the group being edited (`None`: the backend does
    /// not say).
    pub member: Option<bool>,
}

/// What a list came to, shown before anything is selected.
#[derive(Clone, Debug, PartialEq)]
pub struct ListSummary {
    /// Distinct customers found who are not members yet (to add to the selection).
    pub to_add: Vec<Customer>,
    /// Found customers who are members already.
    pub already_members: usize,
    /// Keys that named nobody.
    pub not_found: Vec<CustomerKey>,
    /// Lines that named a customer already named (the same key, or the same customer by
    /// address and by reference).
    pub duplicates: usize,
}

impl ListSummary {
    /// Matches the list's keys with what the backend found.
    pub fn new(list: &KeyList, found: &[Found]) -> ListSummary {
        // Looked up by key, not searched: 50,000 keys against 50,000 customers.
        let mut by_key: BTreeMap<CustomerKey, &Found> = BTreeMap::new();
        for f in found {
            for key in CustomerKey::of(&f.customer) {
                by_key.insert(key, f);
            }
        }
        let mut ids: BTreeSet<CustomerId> = BTreeSet::new();
        let mut summary = ListSummary {
            to_add: Vec::new(),
            already_members: 0,
            not_found: Vec::new(),
            duplicates: list.duplicates,
        };
        for key in &list.keys {
            match by_key.get(key) {
                None => summary.not_found.push(key.clone()),
                Some(f) if !ids.insert(f.customer.id.clone()) => summary.duplicates += 1,
                Some(f) if f.member == Some(true) => summary.already_members += 1,
                Some(f) => summary.to_add.push(f.customer.clone()),
            }
        }
        summary
    }

    /// The keys nobody matched, as a file to download (one per line, CSV-safe).
    pub fn not_found_file(&self) -> String {
        let mut out = String::from(csv::BOM);
        for k in &self.not_found {
            out.push_str(&csv::line(&[k.as_str()]));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Gender;

    fn customer(i: u32) -> Customer {
        Customer {
            id: CustomerId(i.to_string()),
            reference: format!("DE--{i}"),
            email: format!("Anna{i}@Example.com"),
            first_name: "Anna".into(),
            last_name: "Meyer".into(),
            gender: Gender::Unknown,
        }
    }

    // One address per line, with what hand-made lists bring: BOM, CRLF, blank lines,
    // spaces, case differences and repeats.
    #[test]
    fn plain_lists() {
        let l = parse_list(
            "\u{feff}anna1@example.com\r\n\r\n  ANNA1@example.com \r\nDE--7\r\n",
            None,
        )
        .unwrap();
        assert_eq!(l.header, None);
        assert_eq!(
            l.keys,
            [
                CustomerKey::Email("anna1@example.com".into()),
                CustomerKey::Reference("DE--7".into())
            ]
        );
        assert_eq!(l.duplicates, 1);
    }

    // An address keeps the case it was written in (a backend that compares case is asked
    // for it as written) and is still the same key in any case.
    #[test]
    fn addresses_keep_their_case() {
        let l = parse_list("Anna.Berg@Example.com\nanna.berg@example.com\n", None).unwrap();
        assert_eq!(l.keys.len(), 1);
        assert_eq!(l.keys[0].as_str(), "Anna.Berg@Example.com");
        let CustomerKey::Email(a) = &l.keys[0] else {
            panic!("not an address: {:?}", l.keys[0]);
        };
        assert_eq!(a.folded(), "anna.berg@example.com");
        assert_eq!(l.duplicates, 1);
    }

    // A CSV with a header: the e-mail column is found by its name; the admin can pick
    // another; quoted fields hold commas.
    #[test]
    fn csv_with_header() {
        let text = "Name,E-Mail,Customer Reference\n\"Meyer, Anna\",anna1@example.com,DE--1\nBen,ben@x.de,DE--2\n";
        let l = parse_list(text, None).unwrap();
        assert_eq!(l.column, 1);
        assert_eq!(l.keys.len(), 2);
        assert_eq!(l.header.as_ref().unwrap()[2], "Customer Reference");
        let refs = parse_list(text, Some(2)).unwrap();
        assert_eq!(refs.keys[0], CustomerKey::Reference("DE--1".into()));
    }

    // Two columns without addresses are data, not a header; a German header is one.
    #[test]
    fn headers_are_not_guessed_from_data() {
        let l = parse_list("DE--1;Anna\nDE--2;Ben\n", None).unwrap();
        assert_eq!(l.header, None);
        assert_eq!(l.keys.len(), 2);
        let de = parse_list("E-Mail-Adresse\nanna1@example.com\n", None).unwrap();
        assert!(de.header.is_some());
        assert_eq!(de.keys.len(), 1);
    }

    // Limits are checked before anything is sent.
    #[test]
    fn limits() {
        assert_eq!(read_bytes(&[0xff, 0xfe, 0x00]), Err(ListError::NotUtf8));
        assert_eq!(
            read_bytes(&vec![b'a'; MAX_BYTES + 1]),
            Err(ListError::TooBig(MAX_BYTES + 1))
        );
        let many = "a@b.c\n".repeat(MAX_LINES + 1);
        assert_eq!(
            parse_list(&many, None),
            Err(ListError::TooManyLines(MAX_LINES + 1))
        );
        assert_eq!(parse_list(" \n\n", None), Err(ListError::Empty));
    }

    // Found, members, unknown, and the same customer named twice by address and
    // reference.
    #[test]
    fn summary_counts() {
        let l = parse_list(
            "anna1@example.com\nDE--1\nDE--2\nDE--3\nnobody@x.de\nDE--2\n",
            None,
        )
        .unwrap();
        let found = [
            Found {
                customer: customer(1),
                member: Some(false),
            },
            Found {
                customer: customer(2),
                member: Some(true),
            },
            Found {
                customer: customer(3),
                member: None,
            },
        ];
        let s = ListSummary::new(&l, &found);
        assert_eq!(s.to_add.len(), 2, "1 and 3");
        assert_eq!(s.already_members, 1);
        assert_eq!(s.not_found, [CustomerKey::Email("nobody@x.de".into())]);
        assert_eq!(
            s.duplicates, 2,
            "DE--2 twice; customer 1 by address and reference"
        );
        assert_eq!(s.not_found_file(), "\u{feff}nobody@x.de\r\n");
    }
}
