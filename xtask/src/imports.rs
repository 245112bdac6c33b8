//! No import circles: in the app (`src/`) and in the server (`server/src/`), no two
//! modules depend on each other, directly or around a longer circle, so each file can be
//! read (and tested) after the ones it uses. A module depends on another when its code
//! (comments and its `#[cfg(test)] mod tests` left out) names `crate::other…`; a module
//! naming its own ancestors (a dialect's file using its `mod.rs`) is not counted, as the
//! ancestor declares it.
//!
//! Checked by `cargo test -p xtask` (so by `cargo xtask test`'s native tests); a finding
//! names the modules of the circle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A module path: `["spryker", "groups"]` for `spryker/groups.rs`, `[]` for the root.
type Module = Vec<String>;

/// The module of a source file relative to its crate's `src/`.
fn module_of(relative: &str) -> Module {
    let mut parts: Module = relative
        .trim_end_matches(".rs")
        .split('/')
        .map(str::to_owned)
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    if parts.len() == 1 && (parts[0] == "lib" || parts[0] == "main") {
        parts.clear();
    }
    parts
}

/// The code of a file that counts: without comment lines and without its test module.
fn code_of(text: &str) -> String {
    let text = text
        .find("#[cfg(test)]\nmod tests")
        .map_or(text, |i| &text[..i]);
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The modules `code` (of module `me`) names through `crate::…`, each the longest
/// prefix of the path that is a module of `modules`.
fn uses(me: &Module, code: &str, modules: &BTreeSet<Module>) -> BTreeSet<Module> {
    let mut out = BTreeSet::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        let path: Vec<String> = rest
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
            .next()
            .unwrap_or("")
            .split("::")
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
        let Some(target) = (1..=path.len())
            .rev()
            .map(|k| path[..k].to_vec())
            .find(|p| modules.contains(p))
        else {
            continue;
        };
        if &target != me && !me.starts_with(&target) {
            out.insert(target);
        }
    }
    out
}

/// Every module of the crate at `src` and the modules each one uses.
fn graph(src: &Path) -> BTreeMap<Module, BTreeSet<Module>> {
    let mut files = Vec::new();
    let mut dirs = vec![src.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix(src).unwrap().display().to_string();
                files.push((
                    module_of(&relative),
                    std::fs::read_to_string(&path).unwrap(),
                ));
            }
        }
    }
    let modules: BTreeSet<Module> = files.iter().map(|(m, _)| m.clone()).collect();
    files
        .iter()
        .map(|(m, text)| (m.clone(), uses(m, &code_of(text), &modules)))
        .collect()
}

/// The circles of `graph`: its strongly connected parts of more than one module
/// (Tarjan's algorithm), each sorted.
fn circles(graph: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<Vec<Module>> {
    struct Walk<'a> {
        graph: &'a BTreeMap<Module, BTreeSet<Module>>,
        index: BTreeMap<Module, usize>,
        low: BTreeMap<Module, usize>,
        stack: Vec<Module>,
        found: Vec<Vec<Module>>,
    }
    impl Walk<'_> {
        fn visit(&mut self, v: &Module) {
            let n = self.index.len();
            self.index.insert(v.clone(), n);
            self.low.insert(v.clone(), n);
            self.stack.push(v.clone());
            for w in self.graph.get(v).into_iter().flatten() {
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let low = self.low[v].min(self.low[w]);
                    self.low.insert(v.clone(), low);
                } else if self.stack.contains(w) {
                    let low = self.low[v].min(self.index[w]);
                    self.low.insert(v.clone(), low);
                }
            }
            if self.low[v] == self.index[v] {
                let mut part = Vec::new();
                while let Some(w) = self.stack.pop() {
                    let done = &w == v;
                    part.push(w);
                    if done {
                        break;
                    }
                }
                if part.len() > 1 {
                    part.sort();
                    self.found.push(part);
                }
            }
        }
    }
    let mut walk = Walk {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !walk.index.contains_key(v) {
            walk.visit(v);
        }
    }
    walk.found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cmd::root;

    fn m(path: &str) -> Module {
        path.split("::").map(str::to_owned).collect()
    }

    // The checker itself: a circle of two and of three is found, a parent named by its
    // child is not one, and neither are comments or tests.
    #[test]
    fn finds_circles_and_only_circles() {
        let modules: BTreeSet<Module> = ["error", "model", "version", "spryker", "spryker::groups"]
            .map(m)
            .into();
        let graph: BTreeMap<Module, BTreeSet<Module>> = [
            ("error", "use crate::model::Group;"),
            (
                "model",
                "use crate::version::etag;\n// crate::error in a comment",
            ),
            (
                "version",
                "fn f(e: crate::error::ApiError) -> u16 { e.status }",
            ),
            ("spryker", "use crate::model::Group;"),
            (
                "spryker::groups",
                "use crate::spryker::run;\n#[cfg(test)]\nmod tests { use crate::error; }",
            ),
        ]
        .iter()
        .map(|(me, code)| (m(me), uses(&m(me), &code_of(code), &modules)))
        .collect();
        assert_eq!(
            circles(&graph),
            vec![vec![m("error"), m("model"), m("version")]]
        );
        assert!(graph[&m("spryker::groups")].is_empty());
        assert_eq!(module_of("spryker/mod.rs"), m("spryker"));
        assert_eq!(module_of("lib.rs"), Module::new());
    }

    // The app and the server import without circles.
    #[test]
    fn app_and_server_import_without_circles() {
        for src in ["src", "server/src"] {
            let found = circles(&graph(&root().join(src)));
            let named: Vec<String> = found
                .iter()
                .map(|c| {
                    c.iter()
                        .map(|m| m.join("::"))
                        .collect::<Vec<_>>()
                        .join(" ↔ ")
                })
                .collect();
            assert!(named.is_empty(), "{src}: import circles: {named:?}");
        }
    }
}
