//! Which built files carry a content hash: Trunk names them `name-<hex>.ext` (or
//! `name-<hex>_bg.wasm`), the hash in lowercase hex without leading zeros, so 13 to 16
//! digits. The server caches those for a year and the size budget counts them; both ask
//! here.

/// Whether the last path segment of `path` is a content-hashed build file.
pub fn is_hashed(path: &str) -> bool {
    without_hash(path).is_some()
}

/// The last path segment of a content-hashed build file with its hash taken out
/// (`app-0123456789abcdef_bg.wasm.br` → `app_bg.wasm.br`), so two builds' files can be
/// paired by name; `None` for a file that is not hashed.
pub fn without_hash(path: &str) -> Option<String> {
    let name = path.rsplit('/').next().unwrap_or_default();
    let (stem, ext) = name.split_once('.')?;
    let (stem, bg) = match stem.strip_suffix("_bg") {
        Some(s) => (s, "_bg"),
        None => (stem, ""),
    };
    let (base, hash) = stem.rsplit_once('-')?;
    let hex = hash
        .bytes()
        .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c));
    (!base.is_empty() && (13..=16).contains(&hash.len()) && hex)
        .then(|| format!("{base}{bg}.{ext}"))
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
}
