//! Deterministic demo data: `n` customers with plausible international names and a handful
//! of customer groups with varied member counts (one empty, one with ~15% of customers).
//!
//! A fixed-seed SplitMix64 generator drives everything, and each customer draws from its
//! own stream derived from its id, so the same `n` always gives the same data and the first
//! `k` customers are the same for every `n > k`. One exception, for the export tests at
//! scale: a demo of at least [`FORMULA_NAME_FROM`] customers gives its last customer the
//! first name [`FORMULA_FIRST_NAME`], a cell a spreadsheet would run as a formula (smaller
//! demos are unchanged). Everything is inserted in one transaction
//! with prepared statements (100,000 customers take about 3 s even in a debug build).
//! The demo groups' uuids are deterministic too ([`demo_group_uuid`]), drawn from streams of
//! their own so that they change nothing else, which keeps the Spryker-dialect URLs of the
//! demo data stable.

use std::collections::HashSet;

use rusqlite::{Connection, params};

use crate::db::{self, NewCustomer};
use crate::keys::group_key;

/// The seed of the demo data generator.
pub const SEED: u64 = 0x00C0_FFEE_5EED_2026;

/// Default number of demo customers.
pub const DEFAULT_CUSTOMERS: usize = 1000;

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
struct DemoGroup {
    name: &'static str,
    description: &'static str,
    created_at: &'static str,
    updated_at: &'static str,
    per_mille: u64,
}

const GROUPS: &[DemoGroup] = &[
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

/// What a seeding run inserted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeedSummary {
    /// Customers inserted.
    pub customers: usize,
    /// Groups inserted.
    pub groups: usize,
    /// Memberships inserted.
    pub memberships: usize,
}

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

/// Generates customer `id` of the demo data; `used_emails` keeps emails unique.
fn demo_customer(id: i64, used_emails: &mut HashSet<String>) -> (NewCustomer, SplitMix64) {
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
    let customer = NewCustomer {
        id: Some(id),
        customer_reference: format!("DE--{id}"),
        email,
        first_name: first.to_string(),
        last_name: last.to_string(),
        gender: gender.to_string(),
    };
    (customer, rng)
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

/// Inserts the demo data (`customers` customers, [`GROUP_COUNT`] groups) into a database
/// that has none yet, in one transaction, then refreshes the query planner statistics.
pub fn seed(conn: &mut Connection, customers: usize) -> rusqlite::Result<SeedSummary> {
    let tx = conn.transaction()?;
    let mut group_ids = Vec::with_capacity(GROUPS.len());
    {
        let mut stmt = tx.prepare(
            "INSERT INTO customer_group (name, name_key, description, description_key, created_at, updated_at, uuid)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for (index, g) in GROUPS.iter().enumerate() {
            stmt.execute(params![
                g.name,
                group_key(g.name),
                g.description,
                group_key(g.description),
                g.created_at,
                g.updated_at,
                demo_group_uuid(index)
            ])?;
            group_ids.push(tx.last_insert_rowid());
        }
    }
    let mut memberships = 0;
    {
        let mut member = tx
            .prepare("INSERT INTO customer_group_member (group_id, customer_id) VALUES (?1, ?2)")?;
        let mut used_emails = HashSet::with_capacity(customers);
        for id in 1..=customers as i64 {
            let (mut customer, mut rng) = demo_customer(id, &mut used_emails);
            if customers >= FORMULA_NAME_FROM && id == customers as i64 {
                customer.first_name = FORMULA_FIRST_NAME.to_owned();
            }
            db::insert_customer(&tx, &customer)?;
            for (g, gid) in GROUPS.iter().zip(&group_ids) {
                if rng.below(1000) < g.per_mille {
                    member.execute([*gid, id])?;
                    memberships += 1;
                }
            }
        }
    }
    tx.commit()?;
    conn.execute_batch("ANALYZE")?;
    Ok(SeedSummary {
        customers,
        groups: GROUPS.len(),
        memberships,
    })
}

/// Seeds the demo data only when the database holds no customers and no groups; returns
/// what was inserted, or `None` when the database already had data.
pub fn seed_if_empty(
    conn: &mut Connection,
    customers: usize,
) -> rusqlite::Result<Option<SeedSummary>> {
    if !db::is_empty(conn)? {
        return Ok(None);
    }
    seed(conn, customers).map(Some)
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

    // Demo uuids are fixed, distinct and in the server's v4 form.
    #[test]
    fn demo_group_uuids_are_fixed() {
        let all: HashSet<String> = (0..GROUP_COUNT).map(demo_group_uuid).collect();
        assert_eq!(all.len(), GROUP_COUNT);
        for u in &all {
            assert!(db::is_uuid(u), "{u}");
            assert_eq!(&u[14..15], "4", "{u}");
            assert!("89ab".contains(&u[19..20]), "{u}");
        }
        assert_eq!(demo_group_uuid(0), demo_group_uuid(0));
    }

    fn seeded(customers: usize) -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        db::configure(&conn).unwrap();
        crate::migrations::migrate(&mut conn).unwrap();
        seed(&mut conn, customers).unwrap();
        conn
    }

    fn first_name(conn: &Connection, id: i64) -> String {
        conn.query_row("SELECT first_name FROM customer WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap()
    }

    // From 10,000 customers on, the last one has a first name that looks like a formula
    // (for the export tests); everyone before them, and smaller demos, are unchanged.
    #[test]
    fn last_of_a_big_demo_has_a_formula_name() {
        let names = FEMALE_NAMES.iter().chain(MALE_NAMES).collect::<Vec<_>>();
        let small = seeded(FORMULA_NAME_FROM - 1);
        let last = first_name(&small, FORMULA_NAME_FROM as i64 - 1);
        assert!(names.contains(&&last.as_str()), "{last}");
        let big = seeded(FORMULA_NAME_FROM);
        assert_eq!(
            first_name(&big, FORMULA_NAME_FROM as i64),
            "=HYPERLINK(\"x\")"
        );
        let formulas: i64 = big
            .query_row(
                "SELECT count(*) FROM customer WHERE first_name LIKE '=%'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(formulas, 1);
        let everyone_else = |c: &Connection| -> Vec<(i64, String, String, String, String)> {
            c.prepare(
                "SELECT id, email, first_name, last_name, gender FROM customer WHERE id < ?1 ORDER BY id",
            )
            .unwrap()
            .query_map([FORMULA_NAME_FROM as i64], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect()
        };
        assert_eq!(everyone_else(&small), everyone_else(&big));
    }

    // Seeding twice must be refused by seed_if_empty, keeping the first data.
    #[test]
    fn seeds_only_empty_databases() {
        let mut conn = Connection::open_in_memory().unwrap();
        db::configure(&conn).unwrap();
        crate::migrations::migrate(&mut conn).unwrap();
        let s = seed_if_empty(&mut conn, 200).unwrap().unwrap();
        assert_eq!((s.customers, s.groups), (200, GROUP_COUNT));
        assert!(seed_if_empty(&mut conn, 50).unwrap().is_none());
        let n: i64 = conn
            .query_row("SELECT count(*) FROM customer", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 200);
    }
}
