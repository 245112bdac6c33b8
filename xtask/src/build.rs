//! The release build of the app (Trunk, the wasm's paths remapped so every machine
//! builds the same bytes, wasm-opt -Oz, esbuild-minified JS, the wasm and JS named after
//! their final bytes, `.br` and `.gz` copies of the hashed assets for the server to send
//! as they are), the example host back office written beside it, and `dist`.

use crate::cmd::{command, root, run};
use crate::{remap, size, tools};
use std::path::{Path, PathBuf};

/// The example host back office's files (`examples/back-office/`), copied into `dist/`;
/// their names start with [`EXAMPLE_PREFIX`].
pub const EXAMPLE_DIR: &str = "examples/back-office";

/// How the example host's file names start (the size budget leaves them out: they are
/// not the app).
pub const EXAMPLE_PREFIX: &str = "embed-example";

/// The example host page: the file whose [`ASSETS_MARKER`] gets the app's assets.
pub const EXAMPLE_PAGE: &str = "embed-example.html";

/// The route prefix (the app's base path) under which the example host embeds the app;
/// the servers `cargo xtask` starts answer every path under it with [`EXAMPLE_PAGE`].
pub const EXAMPLE_BASE_PATH: &str = "/admin/customer-groups";

/// The comment in the example host page after which the app's assets are written.
const ASSETS_MARKER: &str = "<!-- customer-groups-admin assets";

/// Builds the release app into `dist/`, with `NAME.br` (brotli -q 11) and `NAME.gz`
/// (gzip -9) beside each hashed wasm, js and css file, as a CDN would serve them.
pub fn release() -> Result<PathBuf, String> {
    tools::ensure_build_tools()?;
    tools::ensure_brotli()?;
    run(command("cargo", &["fetch", "--quiet"]))?;
    // `--release` takes an optional value in Trunk 0.21: keep it last. The wasm is
    // built with the config's flags and the path remapping (remap.rs), and no others.
    let mut trunk = command("trunk", &["build", "--offline", "--release"]);
    trunk.envs(remap::release_env()?).env_remove("RUSTFLAGS");
    run(trunk)?;
    let dist = root().join("dist");
    minify_js(&dist)?;
    name_by_content(&dist)?;
    size::precompress(&dist)?;
    example_host(&dist)?;
    Ok(dist)
}

/// The tags of `index.html`'s head that load the app, one a line: the loader script with
/// the module's and the wasm's hashed names, the stylesheets (with
/// `crossorigin="anonymous"` added, so their Subresource Integrity also holds when a host
/// on another origin loads them), and the module and wasm preloads. Not the icon.
pub fn app_assets(index: &str) -> Result<Vec<String>, String> {
    let head_end = index
        .find("</head>")
        .ok_or("dist/index.html has no </head>")?;
    let head = &index[..head_end];
    let mut tags = Vec::new();
    let mut rest = head;
    while let Some(at) = rest.find('<') {
        rest = &rest[at..];
        let (tag, len) = if rest.starts_with("<script") {
            let end = rest
                .find("</script>")
                .ok_or("an unclosed <script> in index.html")?;
            (&rest[..end + "</script>".len()], end + "</script>".len())
        } else if rest.starts_with("<link") {
            let end = rest.find('>').ok_or("an unclosed <link> in index.html")?;
            (&rest[..=end], end + 1)
        } else {
            rest = &rest[1..];
            continue;
        };
        rest = &rest[len..];
        let has = |attr: &str| tag.contains(attr);
        if tag.starts_with("<script") && has("data-js=") && has("data-wasm=") {
            tags.push(tag.to_owned());
        } else if has("rel=\"stylesheet\"") {
            let tag = if has("crossorigin") {
                tag.to_owned()
            } else {
                tag.replacen("<link ", "<link crossorigin=\"anonymous\" ", 1)
            };
            tags.push(tag);
        } else if has("rel=\"modulepreload\"") || has("rel=\"preload\"") {
            tags.push(tag.to_owned());
        }
    }
    let scripts = tags.iter().filter(|t| t.starts_with("<script")).count();
    let sheets = tags.iter().filter(|t| t.contains("stylesheet")).count();
    if scripts != 1 || sheets == 0 {
        return Err(format!(
            "dist/index.html: expected the loader script and the stylesheets, found {scripts} \
             loader script(s) and {sheets} stylesheet(s)"
        ));
    }
    Ok(tags)
}

/// `template` with `assets` written, one a line, after the [`ASSETS_MARKER`] comment
/// (at its indentation).
pub fn fill_template(template: &str, assets: &[String]) -> Result<String, String> {
    let at = template
        .find(ASSETS_MARKER)
        .ok_or_else(|| format!("{EXAMPLE_PAGE}: no `{ASSETS_MARKER} … -->` comment"))?;
    let line_start = template[..at].rfind('\n').map_or(0, |i| i + 1);
    let indent = &template[line_start..at];
    let comment_end = template[at..]
        .find("-->")
        .map(|i| at + i + "-->".len())
        .ok_or_else(|| format!("{EXAMPLE_PAGE}: the assets comment is not closed"))?;
    let mut out = template[..comment_end].to_owned();
    for tag in assets {
        out.push('\n');
        out.push_str(indent);
        out.push_str(tag);
    }
    out.push_str(&template[comment_end..]);
    Ok(out)
}

/// Writes the example host back office into `dist`: the files of [`EXAMPLE_DIR`] as they
/// are, and [`EXAMPLE_PAGE`] with the app's assets of `dist/index.html` (hashed names,
/// integrity) filled in. `cargo xtask serve` and the e2e servers answer every path under
/// [`EXAMPLE_BASE_PATH`] with that page.
pub fn example_host(dist: &Path) -> Result<(), String> {
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let assets = app_assets(&read(&dist.join("index.html"))?)?;
    let src = root().join(EXAMPLE_DIR);
    let entries = std::fs::read_dir(&src).map_err(|e| format!("{}: {e}", src.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with(EXAMPLE_PREFIX) {
            continue;
        }
        let mut text = read(&path)?;
        if name == EXAMPLE_PAGE {
            text = fill_template(&text, &assets)?;
        }
        let out = dist.join(&name);
        std::fs::write(&out, text).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    println!("example host written: dist/{EXAMPLE_PAGE} (the app under {EXAMPLE_BASE_PATH})");
    Ok(())
}

/// `cargo xtask host-example`: writes the example host into the current `dist/` without
/// building (after a build by other means).
pub fn host_example() -> Result<(), String> {
    example_host(&root().join("dist"))
}

/// The `algorithm` digest of a file in `encoding` (`hex`, `base64`), by Node's crypto.
fn digest(path: &str, algorithm: &str, encoding: &str) -> Result<String, String> {
    let script = "const [a, e, p] = process.argv.slice(1); process.stdout.write(require('crypto').createHash(a).update(require('fs').readFileSync(p)).digest(e))";
    crate::cmd::output("node", &["-e", script, algorithm, encoding, path])
        .ok_or_else(|| format!("hashing {path} failed"))
}

/// The base64 SHA-384 digest of a file, as Subresource Integrity writes it.
fn sri_digest(path: &str) -> Result<String, String> {
    digest(path, "sha384", "base64")
}

/// Renames the hashed wasm and JS of `dist` after a SHA-256 of their final bytes and
/// writes the new names into `index.html`. Trunk 0.21 names them after cargo's output,
/// before wasm-opt and esbuild: two builds with the same final bytes then got different
/// names (cargo's output still holds what wasm-opt strips), and a change to wasm-opt's
/// flags alone kept the old name under the server's year-long immutable caching.
fn name_by_content(dist: &Path) -> Result<(), String> {
    let index_path = dist.join("index.html");
    let mut index = std::fs::read_to_string(&index_path)
        .map_err(|e| format!("{}: {e}", index_path.display()))?;
    let names: Vec<String> = std::fs::read_dir(dist)
        .map_err(|e| format!("{}: {e}", dist.display()))?
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    for name in names {
        let path = dist.join(&name);
        if !(name.ends_with(".js") || name.ends_with(".wasm")) {
            continue;
        }
        let Some(plain) = cg_rules::asset::without_hash(&name) else {
            continue;
        };
        let hex = digest(&path.display().to_string(), "sha256", "hex")?;
        let new = cg_rules::asset::with_hash(&name, &hex)
            .ok_or_else(|| format!("{name}: no name for the digest {hex}"))?;
        let quoted = |n: &str| format!("\"/{n}\"");
        if !index.contains(&quoted(&name)) {
            return Err(format!("dist/index.html does not name {name} ({plain})"));
        }
        index = index.replace(&quoted(&name), &quoted(&new));
        let to = dist.join(&new);
        std::fs::rename(&path, &to).map_err(|e| format!("{}: {e}", to.display()))?;
    }
    std::fs::write(&index_path, index).map_err(|e| format!("{}: {e}", index_path.display()))
}

/// Minifies wasm-bindgen's JS glue in place (Trunk 0.21 does not) and updates its
/// Subresource Integrity digest in `index.html`, so the browser still accepts it.
fn minify_js(dist: &Path) -> Result<(), String> {
    let index_path = dist.join("index.html");
    let mut index = std::fs::read_to_string(&index_path)
        .map_err(|e| format!("{}: {e}", index_path.display()))?;
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        if name.ends_with(".js") && name != "loader.js" {
            let p = path.display().to_string();
            let before = sri_digest(&p)?;
            run(command(
                "esbuild",
                &[
                    &p,
                    "--minify",
                    "--format=esm",
                    "--log-level=warning",
                    "--allow-overwrite",
                    &format!("--outfile={p}"),
                ],
            ))?;
            let after = sri_digest(&p)?;
            index = index.replace(&format!("sha384-{before}"), &format!("sha384-{after}"));
        }
    }
    std::fs::write(&index_path, index).map_err(|e| format!("{}: {e}", index_path.display()))
}

/// `cargo xtask dist`: release build plus size report: per asset, against the budget
/// (`size-budget.toml`), and the 20 biggest items of the wasm (twiggy).
/// `XTASK_SET_BUDGET=1` writes the current size as the budget.
pub fn dist() -> Result<(), String> {
    let dist = release()?;
    let mut report = size::report(&dist)?;
    match size::twiggy_top() {
        Ok(top) => report = format!("{report}\n{top}"),
        Err(e) => report = format!("{report}\n(no twiggy report: {e})\n"),
    }
    println!("{report}");
    let out = root().join("target/size-report.txt");
    std::fs::write(&out, &report).map_err(|e| format!("{}: {e}", out.display()))?;
    println!("(written to {})", out.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Customer Groups · Back Office</title>
  <script type="module" src="/loader.js" data-js="/app-0123456789abcdef.js" data-wasm="/app-0123456789abcdef_bg.wasm"></script>
  <link rel="stylesheet" href="/tokens-0123456789abcdef.css" integrity="sha384-a"/>
  <link rel="icon" href="/favicon-0123456789abcdef.svg" integrity="sha384-b"/>
<link rel="modulepreload" href="/app-0123456789abcdef.js" crossorigin="anonymous" integrity="sha384-c"><link rel="preload" href="/app-0123456789abcdef_bg.wasm" crossorigin="anonymous" integrity="sha384-d" as="fetch" type="application/wasm"></head>
<body><div id="cg-app"><script>not this</script></div></body>
</html>
"#;

    // The loader, the stylesheets (made CORS requests, so SRI holds cross-origin) and the
    // preloads are taken from index.html's head, the icon and the body are not.
    #[test]
    fn takes_the_app_assets_from_index_html() {
        let tags = app_assets(INDEX).unwrap();
        assert_eq!(
            tags,
            [
                r#"<script type="module" src="/loader.js" data-js="/app-0123456789abcdef.js" data-wasm="/app-0123456789abcdef_bg.wasm"></script>"#,
                r#"<link crossorigin="anonymous" rel="stylesheet" href="/tokens-0123456789abcdef.css" integrity="sha384-a"/>"#,
                r#"<link rel="modulepreload" href="/app-0123456789abcdef.js" crossorigin="anonymous" integrity="sha384-c">"#,
                r#"<link rel="preload" href="/app-0123456789abcdef_bg.wasm" crossorigin="anonymous" integrity="sha384-d" as="fetch" type="application/wasm">"#,
            ]
        );
        assert!(app_assets("<head><title>x</title></head>").is_err());
    }

    // The assets go after the marker comment, at its indentation; no marker is an error.
    #[test]
    fn fills_the_template() {
        let template = "<head>\n  <link rel=\"stylesheet\" href=\"/host.css\">\n  \
                        <!-- customer-groups-admin assets: written\n       here -->\n</head>\n";
        let out = fill_template(template, &["<a>".into(), "<b>".into()]).unwrap();
        assert_eq!(
            out,
            "<head>\n  <link rel=\"stylesheet\" href=\"/host.css\">\n  \
             <!-- customer-groups-admin assets: written\n       here -->\n  <a>\n  <b>\n</head>\n"
        );
        assert!(fill_template("<head></head>", &[]).is_err());
    }

    // The example in the repository has the marker and loads nothing inline.
    #[test]
    fn the_example_host_page_is_a_template() {
        let dir = root().join(EXAMPLE_DIR);
        let page = std::fs::read_to_string(dir.join(EXAMPLE_PAGE)).unwrap();
        let filled = fill_template(
            &page,
            &["<script type=\"module\" src=\"/loader.js\"></script>".into()],
        )
        .unwrap();
        assert!(filled.contains("<customer-groups-admin base-path=\"/admin/customer-groups\""));
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            assert!(name.starts_with(EXAMPLE_PREFIX), "{name}");
            if name.ends_with(".html") {
                let html = std::fs::read_to_string(entry.path()).unwrap();
                assert!(
                    !html.contains("<script>")
                        && !html.contains("<style")
                        && !html.contains(" style="),
                    "{name}: inline script or style"
                );
                assert!(
                    !html.contains("<script type=\"module\">"),
                    "{name}: inline module script"
                );
            }
        }
    }
}
