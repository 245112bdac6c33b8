//! Which built files carry a content hash, and how such a name is written: Trunk names
//! them `name-<hex>.ext` (or `name-<hex>_bg.wasm`), the hash in lowercase hex without
//! leading zeros, so 13 to 16 digits; the release build renames the wasm and its JS after
//! their final bytes in the same shape ([`with_hash`]). The server caches those for a
//! year and the size budget counts them; all of them ask here.

/// Whether the last path segment of `path` is a content-hashed build file.
pub fn is_hashed(path: &str) -> bool {
    Hashed::parse(path).is_some()
}

/// The last path segment of a content-hashed build file with its hash taken out
/// (`app-0123456789abcdef_bg.wasm.br` → `app_bg.wasm.br`), so two builds' files can be
/// paired by name; `None` for a file that is not hashed.
pub fn without_hash(path: &str) -> Option<String> {
    Hashed::parse(path).map(|h| h.written(""))
}

/// The last path segment of the content-hashed build file `path` with its hash replaced
/// by the first 16 hex digits of `digest` (`app-0123456789abcdef_bg.wasm`, `fedcba…` →
/// `app-fedcba9876543210_bg.wasm`); `None` when `path` is not hashed or `digest` has
/// fewer than 16 lowercase hex digits.
pub fn with_hash(path: &str, digest: &str) -> Option<String> {
    let hash = digest.get(..16).filter(|h| is_hex(h))?;
    Hashed::parse(path).map(|h| h.written(&format!("-{hash}")))
}

/// A hashed name taken apart: `base-<hash>[_bg].ext`.
struct Hashed<'a> {
    base: &'a str,
    bg: &'a str,
    ext: &'a str,
}

impl<'a> Hashed<'a> {
    /// The last path segment of `path`, if it is a hashed name.
    fn parse(path: &'a str) -> Option<Self> {
        let name = path.rsplit('/').next().unwrap_or_default();
        let (stem, ext) = name.split_once('.')?;
        let (stem, bg) = match stem.strip_suffix("_bg") {
            Some(s) => (s, "_bg"),
            None => (stem, ""),
        };
        let (base, hash) = stem.rsplit_once('-')?;
        (!base.is_empty() && (13..=16).contains(&hash.len()) && is_hex(hash)).then_some(Hashed {
            base,
            bg,
            ext,
        })
    }

    /// The name with `hash` (`""` or `-<hex>`) where the hash was.
    fn written(&self, hash: &str) -> String {
        format!("{}{hash}{}.{}", self.base, self.bg, self.ext)
    }
}

/// Whether `s` is all lowercase hex digits.
fn is_hex(s: &str) -> bool {
    s.bytes()
        .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Trunk's names are hashed (also with a short hash: no leading zeros); loader.js,
    // index.html, snippet files and look-alikes are not.
    #[test]
    fn hashed_names() {
        for hashed in [
            "/base-d18303d0a379a2ba.css",
            "/customer-groups-admin-423ac90161b27ffe.js",
            "/customer-groups-admin-423ac90161b27ffe_bg.wasm",
            "/customer-groups-admin-dab15393244b562.js",
            "/favicon-c5ac9159777cf72f.svg",
            "/a/b/app-0123456789abcdef.js",
        ] {
            assert!(is_hashed(hashed), "{hashed}");
        }
        for plain in [
            "/",
            "/index.html",
            "/loader.js",
            "/snippets/customer-groups-admin-f45bcb735729403d/inline0.js",
            "/app-0123456789ABCDEF.js",
            "/app-0123456789ab.js",
            "/app-0123456789abcdef0.js",
            "/-0123456789abcdef.js",
            "/customer-groups/0123456789abcdef",
        ] {
            assert!(!is_hashed(plain), "{plain}");
        }
    }

    // The hash comes out, the rest of the name stays; unhashed names give nothing.
    #[test]
    fn names_without_their_hash() {
        assert_eq!(
            without_hash("/customer-groups-admin-423ac90161b27ffe_bg.wasm.br").as_deref(),
            Some("customer-groups-admin_bg.wasm.br")
        );
        assert_eq!(
            without_hash("base-d18303d0a379a2ba.css").as_deref(),
            Some("base.css")
        );
        assert_eq!(without_hash("index.html"), None);
        assert_eq!(without_hash("loader.js"), None);
    }

    // A new hash goes where the old one was, in the shape the rule above recognises.
    #[test]
    fn names_with_a_new_hash() {
        let digest = "fedcba9876543210ffff";
        let renamed = with_hash("/app-0123456789abcdef_bg.wasm", digest);
        assert_eq!(renamed.as_deref(), Some("app-fedcba9876543210_bg.wasm"));
        assert!(is_hashed(&renamed.unwrap_or_default()));
        assert_eq!(
            with_hash("customer-groups-admin-dab15393244b562.js", digest).as_deref(),
            Some("customer-groups-admin-fedcba9876543210.js")
        );
        assert_eq!(with_hash("loader.js", digest), None);
        assert_eq!(with_hash("app-0123456789abcdef.js", "fedcba"), None);
        assert_eq!(
            with_hash("app-0123456789abcdef.js", "FEDCBA9876543210"),
            None
        );
    }
}
