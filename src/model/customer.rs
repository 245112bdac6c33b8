//! Customers as the app reads them (it never edits them).

use super::ids::CustomerId;

/// A customer's gender as the backends report it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Gender {
    /// Male.
    Male,
    /// Female.
    Female,
    /// Not given.
    #[default]
    Unknown,
}

impl Gender {
    /// Reads a backend's spelling ("male", "Male", "female", …); anything else is unknown.
    pub fn parse(s: &str) -> Self {
        match s.to_ascii_lowercase().as_str() {
            "male" => Gender::Male,
            "female" => Gender::Female,
            _ => Gender::Unknown,
        }
    }
}

/// One customer row.
#[derive(Clone, Debug, PartialEq)]
pub struct Customer {
    /// The backend's id.
    pub id: CustomerId,
    /// The shop's customer reference (e.g. `DE--1`).
    pub reference: String,
    /// E-mail address.
    pub email: String,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// Gender.
    pub gender: Gender,
}

impl Customer {
    /// "First Last", or the e-mail address when both names are empty.
    pub fn display_name(&self) -> String {
        let name = format!("{} {}", self.first_name, self.last_name);
        let name = name.trim();
        if name.is_empty() {
            self.email.clone()
        } else {
            name.to_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Backends differ in case; an unexpected value must not break the row.
    #[test]
    fn gender_parses_any_case_and_defaults_to_unknown() {
        assert_eq!(Gender::parse("Male"), Gender::Male);
        assert_eq!(Gender::parse("female"), Gender::Female);
        assert_eq!(Gender::parse("diverse"), Gender::Unknown);
    }

    // Screen-reader labels use the display name; a nameless customer still needs one.
    #[test]
    fn display_name_falls_back_to_email() {
        let mut c = Customer {
            id: "1".into(),
            reference: "DE--1".into(),
            email: "a@example.com".into(),
            first_name: "Anna".into(),
            last_name: "Meyer".into(),
            gender: Gender::Female,
        };
        assert_eq!(c.display_name(), "Anna Meyer");
        c.first_name.clear();
        c.last_name.clear();
        assert_eq!(c.display_name(), "a@example.com");
    }
}
