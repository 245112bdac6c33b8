//! A group's members as a CSV file: ID (the backend's id, which is the customer
//! reference on Spryker), Email, First Name, Last Name, Gender; the header row in the
//! app's language; written by [`super::csv`] (UTF-8 with BOM, RFC 4180, formula-safe).

use super::csv;
use super::customer::{Customer, Gender};

/// The CSV of `members`: a BOM, the `header` row, then one row per member.
pub fn members_csv(
    members: &[Customer],
    header: [&str; 5],
    gender: impl Fn(Gender) -> &'static str,
) -> String {
    let mut out = String::with_capacity(members.len() * 64 + 64);
    out.push(csv::BOM);
    out.push_str(&csv::line(&header));
    for c in members {
        out.push_str(&csv::line(&[
            c.id.as_str(),
            &c.email,
            &c.first_name,
            &c.last_name,
            gender(c.gender),
        ]));
    }
    out
}

/// A file name for a group's export: `customer-group-vip-customers.csv`.
pub fn file_name(group_name: &str) -> String {
    let slug: String = group_name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let slug = slug
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!("customer-group-{slug}.csv")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CustomerId;

    // Header, one line per member, and a formula neutralised.
    #[test]
    fn writes_members() {
        let m = Customer {
            id: CustomerId::from("7"),
            reference: "DE--7".into(),
            email: "a@x.de".into(),
            first_name: "=HYPERLINK(\"x\")".into(),
            last_name: "Meyer".into(),
            gender: Gender::Female,
        };
        let out = members_csv(
            &[m],
            ["ID", "Email", "First Name", "Last Name", "Gender"],
            |_| "Female",
        );
        assert_eq!(
            out,
            "\u{feff}ID,Email,First Name,Last Name,Gender\r\n7,a@x.de,\"'=HYPERLINK(\"\"x\"\")\",Meyer,Female\r\n"
        );
    }

    // File names are safe on every system.
    #[test]
    fn file_names() {
        assert_eq!(
            file_name("VIP Customers / 2026"),
            "customer-group-vip-customers-2026.csv"
        );
    }
}
