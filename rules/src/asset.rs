//! Which built files carry a content hash: Trunk names them `name-<hex>.ext` (or
//! `name-<hex>_bg.wasm`), the hash in lowercase hex without leading zeros, so 13 to 16
//! digits. The server caches those for a year and the size budget counts them; both ask
//! here.

/// Whether the last path segment of `path` is a content-hashed build file.
pub fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let Some((stem, _ext)) = name.split_once('.') else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let Some((base, hash)) = stem.rsplit_once('-') else {
        return false;
    };
    !base.is_empty()
        && (13..=16).contains(&hash.len())
        && hash
            .bytes()
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
}
