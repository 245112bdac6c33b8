//! The demo data, one home for every backend that shows it: `n` customers with plausible
//! international names, e-mail addresses and postal addresses, and the demo customer
//! groups with the share of customers each holds (one empty, one with ~15 %).
//!
//! A fixed-seed SplitMix64 generator drives everything, and each customer draws from its
//! own stream derived from its id, so the same `n` always gives the same data and the first
//! `k` customers are the same for every `n > k`. The reference server stores it in SQLite
//! (`cg-server --demo`); `cargo xtask` writes the same people into a real Medusa's
//! PostgreSQL. No dependencies: the xtask and the server both build it in a second.

use std::collections::HashSet;

/// The seed of the demo data generator.
pub const SEED: u64 = 0x00C0_FFEE_5EED_2026;

/// The first name of the last customer of a demo of at least [`FORMULA_NAME_FROM`]
/// customers: what a CSV export must neutralise (`'=HYPERLINK(""x"")` in the file).
pub const FORMULA_FIRST_NAME: &str = "=HYPERLINK(\"x\")";

/// The smallest demo whose last customer is named [`FORMULA_FIRST_NAME`].
pub const FORMULA_NAME_FROM: usize = 10_000;

/// A tiny, fast, deterministic pseudo-random generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator starting from `seed`.
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`; the modulo bias is irrelevant for demo data).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    /// A random element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const FEMALE_NAMES: &[&str] = &[
    "Anna",
    "Sofia",
    "Emma",
    "Mia",
    "Lena",
    "Hannah",
    "Olivia",
    "Chloé",
    "Camille",
    "Giulia",
    "Chiara",
    "Lucía",
    "María",
    "Carmen",
    "Ingrid",
    "Astrid",
    "Freya",
    "Zoë",
    "Aisha",
    "Fatima",
    "Yuki",
    "Mei",
    "Priya",
    "Ananya",
    "Olga",
    "Natalia",
    "Agnieszka",
    "Zofia",
    "Eva",
    "Sarah",
    "Laura",
    "Julia",
    "Amélie",
    "Inès",
    "Leonor",
    "Beatriz",
    "Ayşe",
    "Elif",
    "Noa",
    "Maja",
    "Charlotte",
    "Emily",
    "Siobhán",
    "Katarzyna",
    "Ewa",
    "Lea",
    "Marta",
    "Nora",
    "Sakura",
    "Amara",
];

const MALE_NAMES: &[&str] = &[
    "Lukas",
    "Jonas",
    "Leon",
    "Felix",
    "Maximilian",
    "Paul",
    "Noah",
    "Liam",
    "Lucas",
    "Hugo",
    "Louis",
    "Matteo",
    "Lorenzo",
    "Alessandro",
    "Mateo",
    "Pablo",
    "Javier",
    "Diego",
    "Erik",
    "Lars",
    "Oskar",
    "Mohammed",
    "Omar",
    "Yusuf",
    "Kenji",
    "Haruto",
    "Wei",
    "Arjun",
    "Rahul",
    "Ivan",
    "Dmitri",
    "Jakub",
    "Piotr",
    "Tomasz",
    "João",
    "Miguel",
    "Mehmet",
    "Emre",
    "David",
    "Daniel",
    "James",
    "Oliver",
    "Seán",
    "Björn",
    "Mikkel",
    "Kwame",
    "Tariq",
    "Andrés",
    "Élias",
    "Niklas",
];

const LAST_NAMES: &[&str] = &[
    "Meyer",
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Wagner",
    "Becker",
    "Hoffmann",
    "Schäfer",
    "Koch",
    "Richter",
    "Klein",
    "Wolf",
    "Neumann",
    "Martin",
    "Bernard",
    "Dubois",
    "Durand",
    "Lefèvre",
    "Moreau",
    "Rossi",
    "Russo",
    "Ferrari",
    "Esposito",
    "Bianchi",
    "García",
    "Fernández",
    "González",
    "Rodríguez",
    "López",
    "Martínez",
    "Silva",
    "Santos",
    "Pereira",
    "Costa",
    "Jansen",
    "de Vries",
    "van den Berg",
    "Bakker",
    "Andersson",
    "Johansson",
    "Nielsen",
    "Hansen",
    "Larsen",
    "Nowak",
    "Kowalski",
    "Wiśniewski",
    "Novák",
    "Horváth",
    "Nagy",
    "Smith",
    "Jones",
    "Brown",
    "Taylor",
    "Wilson",
    "O'Connor",
    "Murphy",
    "Kelly",
    "Yılmaz",
    "Kaya",
    "Demir",
    "Sato",
    "Suzuki",
    "Tanaka",
    "Wang",
    "Li",
    "Zhang",
    "Chen",
    "Kim",
    "Park",
    "Nguyen",
    "Tran",
    "Patel",
    "Sharma",
    "Singh",
    "Khan",
    "Haddad",
    "Cohen",
    "Papadopoulos",
    "Mensah",
    "Okafor",
    "Eriksen",
    "Virtanen",
    "Ó Briain",
];

const DOMAINS: &[&str] = &[
    "example.com",
    "example.com",
    "example.com",
    "example.com",
    "example.org",
    "example.net",
];

/// A demo group: name, description, created/updated times and the share of customers
/// (per mille) that are members.
pub struct DemoGroup {
    /// The group's name.
    pub name: &'static str,
    /// Its description (empty for one group).
    pub description: &'static str,
    /// When it was created (RFC 3339, UTC).
    pub created_at: &'static str,
    /// When it was last changed (RFC 3339, UTC).
    pub updated_at: &'static str,
    /// The share of customers (per mille) that are members.
    pub per_mille: u64,
}

/// The demo groups, in the order they are created.
pub const GROUPS: &[DemoGroup] = &[
    DemoGroup {
        name: "VIP Customers",
        description: "Top spenders: free express shipping, priority support and early access to sales.",
        created_at: "2023-03-14T09:26:00Z",
        updated_at: "2026-02-03T16:40:12Z",
        per_mille: 30,
    },
    DemoGroup {
        name: "Wholesale",
        description: "Resellers buying in bulk at wholesale prices; minimum order value 500 EUR.",
        created_at: "2023-01-09T11:05:00Z",
        updated_at: "2025-09-18T08:12:45Z",
        per_mille: 60,
    },
    DemoGroup {
        name: "Newsletter Subscribers",
        description: "Customers who opted in to the weekly newsletter.",
        created_at: "2024-05-21T07:45:30Z",
        updated_at: "2026-10-30T12:00:00Z",
        per_mille: 150,
    },
    DemoGroup {
        name: "Employees",
        description: "Staff accounts eligible for the 20% employee discount.",
        created_at: "2022-11-02T13:30:00Z",
        updated_at: "2025-12-01T09:15:00Z",
        per_mille: 10,
    },
    DemoGroup {
        name: "B2B Partners",
        description: "Business partners with net-30 payment terms and a dedicated account manager.",
        created_at: "2024-09-30T15:00:00Z",
        updated_at: "2024-09-30T15:00:00Z",
        per_mille: 20,
    },
    DemoGroup {
        name: "Loyalty Gold",
        description: "Gold tier of the loyalty programme: more than 2,000 points in the last 12 months.",
        created_at: "2025-04-01T08:00:00Z",
        updated_at: "2026-07-14T18:22:05Z",
        per_mille: 45,
    },
    DemoGroup {
        name: "Students",
        description: "",
        created_at: "2025-08-15T10:20:00Z",
        updated_at: "2025-08-15T10:20:00Z",
        per_mille: 25,
    },
    DemoGroup {
        name: "Beta Testers",
        description: "Invite-only testers of new shop features; nobody has been invited yet.",
        created_at: "2026-01-12T14:55:00Z",
        updated_at: "2026-01-12T14:55:00Z",
        per_mille: 0,
    },
];

/// Number of demo groups.
pub const GROUP_COUNT: usize = GROUPS.len();

/// Transliterates a name to the lowercase ASCII letters of an email address
/// ("Müller" → "mueller", "Wiśniewski" → "wisniewski", "O'Connor" → "oconnor").
pub fn email_part(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for ch in name.chars().flat_map(char::to_lowercase) {
        let s: &str = match ch {
            'a'..='z' | '0'..='9' => {
                out.push(ch);
                continue;
            }
            'ä' | 'æ' => "ae",
            'ö' | 'ø' => "oe",
            'ü' => "ue",
            'ß' => "ss",
            'à' | 'á' | 'â' | 'ã' | 'å' | 'ą' => "a",
            'è' | 'é' | 'ê' | 'ë' | 'ę' => "e",
            'ì' | 'í' | 'î' | 'ï' | 'ı' => "i",
            'ò' | 'ó' | 'ô' | 'õ' => "o",
            'ù' | 'ú' | 'û' => "u",
            'ç' | 'ć' | 'č' => "c",
            'ñ' | 'ń' => "n",
            'ł' => "l",
            'ś' | 'ş' | 'š' => "s",
            'ź' | 'ż' | 'ž' => "z",
            'ğ' => "g",
            'ř' => "r",
            'ý' => "y",
            _ => "",
        };
        out.push_str(s);
    }
    out
}

/// The uuid of the demo group at `index` (0-based): version 4 layout, lowercase
/// 8-4-4-4-12 hex, from a generator stream of its own.
pub fn demo_group_uuid(index: usize) -> String {
    let mut rng =
        SplitMix64::new(SEED ^ 0x6A09_E667_F3BC_C908 ^ (index as u64).wrapping_mul(0x9E37_79B9));
    let hi = (rng.next_u64() & !0xF000) | 0x4000;
    let lo = (rng.next_u64() & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000;
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        hi >> 32,
        (hi >> 16) & 0xFFFF,
        hi & 0xFFFF,
        lo >> 48,
        lo & 0xFFFF_FFFF_FFFF
    )
}

/// One demo customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoCustomer {
    /// Its number, from 1.
    pub id: i64,
    /// The unique customer reference, e.g. `DE--17`.
    pub customer_reference: String,
    /// The e-mail address (unique in the demo, lowercase ASCII).
    pub email: String,
    /// The first name.
    pub first_name: String,
    /// The last name.
    pub last_name: String,
    /// `male`, `female` or `unknown`.
    pub gender: &'static str,
    /// The indexes into [`GROUPS`] of the groups it is a member of.
    pub groups: Vec<usize>,
}

/// Generates customer `id` of the demo data; `used_emails` keeps emails unique.
fn customer(id: i64, used_emails: &mut HashSet<String>) -> DemoCustomer {
    let mut rng = SplitMix64::new(SEED ^ (id as u64).wrapping_mul(0xD1B5_4A32_D192_ED03));
    let roll = rng.below(100);
    let (gender, first) = if roll < 47 {
        ("female", *rng.pick(FEMALE_NAMES))
    } else if roll < 94 {
        ("male", *rng.pick(MALE_NAMES))
    } else if rng.below(2) == 0 {
        ("unknown", *rng.pick(FEMALE_NAMES))
    } else {
        ("unknown", *rng.pick(MALE_NAMES))
    };
    let last = *rng.pick(LAST_NAMES);
    let domain = *rng.pick(DOMAINS);
    let local = format!("{}.{}", email_part(first), email_part(last));
    let mut email = if rng.below(10) < 3 {
        format!("{local}@{domain}")
    } else {
        format!("{local}{}@{domain}", rng.below(99) + 1)
    };
    let mut tries = 0;
    while used_emails.contains(&email) {
        email = if tries < 5 {
            format!("{local}{}@{domain}", rng.below(9999) + 1)
        } else {
            format!("{local}.{id}@{domain}")
        };
        tries += 1;
    }
    used_emails.insert(email.clone());
    let groups = (0..GROUPS.len())
        .filter(|&g| rng.below(1000) < GROUPS[g].per_mille)
        .collect();
    DemoCustomer {
        id,
        customer_reference: format!("DE--{id}"),
        email,
        first_name: first.to_string(),
        last_name: last.to_string(),
        gender,
        groups,
    }
}

/// The demo's customers 1..=`n`, in order. A demo of at least [`FORMULA_NAME_FROM`]
/// customers names its last one [`FORMULA_FIRST_NAME`].
pub fn customers(n: usize) -> impl Iterator<Item = DemoCustomer> {
    let mut used_emails = HashSet::with_capacity(n);
    (1..=n as i64).map(move |id| {
        let mut c = customer(id, &mut used_emails);
        if n >= FORMULA_NAME_FROM && id == n as i64 {
            c.first_name = FORMULA_FIRST_NAME.to_owned();
        }
        c
    })
}

/// A postal address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    /// Street and house number, as the country writes them.
    pub street: String,
    /// The postal code.
    pub postal_code: String,
    /// The city.
    pub city: String,
    /// ISO 3166-1 alpha-2, lowercase (as Medusa stores it).
    pub country_code: &'static str,
}

/// Cities with their country, a postal-code pattern (`#` a digit) and whether the house
/// number comes before the street (as in English and French addresses).
const CITIES: &[(&str, &str, &str, bool)] = &[
    ("Berlin", "de", "1####", false),
    ("Hamburg", "de", "2####", false),
    ("München", "de", "8####", false),
    ("Köln", "de", "5####", false),
    ("Wien", "at", "1###", false),
    ("Zürich", "ch", "8###", false),
    ("Amsterdam", "nl", "10## AB", false),
    ("Paris", "fr", "750##", true),
    ("Lyon", "fr", "690##", true),
    ("Madrid", "es", "280##", false),
    ("Milano", "it", "201##", false),
    ("Kraków", "pl", "30-###", false),
    ("Stockholm", "se", "1## ##", false),
    ("Dublin", "ie", "D0# X###", true),
    ("London", "gb", "SW1A #AA", true),
    ("Manchester", "gb", "M# #AB", true),
];

/// Street names as each country's addresses have them.
fn streets(country_code: &str) -> &'static [&'static str] {
    match country_code {
        "de" | "at" | "ch" => &[
            "Hauptstraße",
            "Bahnhofstraße",
            "Gartenweg",
            "Lindenallee",
            "Schillerstraße",
        ],
        "fr" => &[
            "rue de la Paix",
            "avenue Victor Hugo",
            "boulevard Voltaire",
            "rue Pasteur",
        ],
        "es" => &["Calle Mayor", "Calle de Alcalá", "Avenida de América"],
        "it" => &["Via Roma", "Via Garibaldi", "Corso Venezia"],
        "nl" => &["Kerkstraat", "Prinsengracht", "Dorpsstraat"],
        "pl" => &["ul. Długa", "ul. Floriańska", "ul. Szewska"],
        "se" => &["Storgatan", "Drottninggatan", "Kungsgatan"],
        _ => &[
            "Long Street",
            "Market Street",
            "Church Road",
            "Station Road",
        ],
    }
}

/// Customer `id`'s address: from a generator stream of its own, so it changes nothing
/// else of the demo.
pub fn address(id: i64) -> Address {
    let mut rng =
        SplitMix64::new(SEED ^ 0x243F_6A88_85A3_08D3 ^ (id as u64).wrapping_mul(0x9E37_79B9));
    let (city, country_code, pattern, number_first) = *rng.pick(CITIES);
    let street = *rng.pick(streets(country_code));
    let number = rng.below(180) + 1;
    let postal_code = pattern
        .chars()
        .map(|c| {
            if c == '#' {
                char::from(b'0' + rng.below(10) as u8)
            } else {
                c
            }
        })
        .collect();
    Address {
        street: if number_first {
            format!("{number} {street}")
        } else {
            format!("{street} {number}")
        },
        postal_code,
        city: city.to_owned(),
        country_code,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Email addresses must be plain ASCII whatever the name's script.
    #[test]
    fn email_parts_are_ascii() {
        assert_eq!(email_part("Müller"), "mueller");
        assert_eq!(email_part("Wiśniewski"), "wisniewski");
        assert_eq!(email_part("O'Connor"), "oconnor");
        assert_eq!(email_part("van den Berg"), "vandenberg");
        assert_eq!(email_part("Yılmaz"), "yilmaz");
        for n in FEMALE_NAMES.iter().chain(MALE_NAMES).chain(LAST_NAMES) {
            let e = email_part(n);
            assert!(
                !e.is_empty() && e.bytes().all(|b| b.is_ascii_lowercase()),
                "{n} → {e}"
            );
        }
    }

    // The generator must be stable across releases: demo screenshots and tests rely on it.
    #[test]
    fn generator_is_fixed() {
        let mut a = SplitMix64::new(1);
        let mut b = SplitMix64::new(1);
        let xs: Vec<u64> = (0..4).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..4).map(|_| b.next_u64()).collect();
        assert_eq!(xs, ys);
        assert_eq!(SplitMix64::new(0).next_u64(), 0xE220_A839_7B1D_CDAF);
    }

    // Emails are unique, and the first customers are the same in any size of demo.
    #[test]
    fn customers_are_stable_and_unique() {
        let small: Vec<DemoCustomer> = customers(50).collect();
        let big: Vec<DemoCustomer> = customers(FORMULA_NAME_FROM).collect();
        assert_eq!(small[..], big[..50]);
        let emails: HashSet<&str> = big.iter().map(|c| c.email.as_str()).collect();
        assert_eq!(emails.len(), big.len());
        assert_eq!(big.last().unwrap().first_name, FORMULA_FIRST_NAME);
        assert_ne!(small.last().unwrap().first_name, FORMULA_FIRST_NAME);
    }

    // Addresses are fixed per customer and filled in.
    #[test]
    fn addresses_are_fixed() {
        assert_eq!(address(7), address(7));
        let a = address(7);
        assert!(!a.street.is_empty() && !a.city.is_empty());
        assert!(!a.postal_code.contains('#'), "{a:?}");
    }
}
