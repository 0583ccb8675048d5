//! The house rules of `src/`, read from its `use` lines and paths:
//!
//! - the crate's layers import only downward: `sim` (the model) → `live` (the live class's
//!   protocol) → `text` → `chart` → `ui`;
//! - the class server (`server`, native only) stands beside them: it reads `sim` and `live`
//!   only, and nothing in `src/` imports it (the `relsim` binary starts it);
//! - inside `ui`: `platform` → `app` → `compute` → `widgets` → `views` → `shell`, and a view
//!   (`ui/views/<view>/`) never imports another view;
//! - no import circle between files (outside `#[cfg(test)]` modules, which sit beside the code
//!   they test and may call the whole model), re-exports followed to the file that defines the
//!   item.
//!
//! The checker is tried on small made-up trees first, so that a rule that cannot fail is caught.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

// The patterns, each compiled once.
static TESTS_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"#\[cfg\(test\)\]\s*mod \w+\s*\{").unwrap());
static PUB_USE_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bpub(?:\([^)]*\))?\s+use\s+([^;]+);").unwrap());
static ALIAS_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bpub(?:\([^)]*\))?\s+use\s+([\w:]+)\s+as\s+(\w+);").unwrap());
static INLINE_RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\bmod (\w+)\s*\{").unwrap());
static USE_RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\buse\s+([^;]+);").unwrap());
static CODE_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^\w:])((?:\w+::)+\w+)").unwrap());

/// A module path inside the crate: `["ui", "views", "run", "editor"]`; `[]` is the crate root.
type ModPath = Vec<String>;

/// The files of a source tree, by module path.
struct Tree {
    /// Module path → (file name relative to src/, whether it is a `mod.rs`/`lib.rs`, its text
    /// without comments).
    files: BTreeMap<ModPath, (String, bool, String)>,
    /// Re-exports: module → name → absolute path it stands for.
    exports: BTreeMap<ModPath, BTreeMap<String, ModPath>>,
}

/// The crate's layers, bottom first.
const CRATE_LAYERS: [&str; 5] = ["sim", "live", "text", "chart", "ui"];
/// The class server: beside the layers, above the ones it reads.
const SERVER: &str = "server";
/// What the server may import.
const SERVER_READS: [&str; 2] = ["sim", "live"];
/// The layers of the web app, bottom first.
const UI_LAYERS: [&str; 6] = ["platform", "app", "compute", "widgets", "views", "shell"];

fn strip_comments(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Expands a use tree (`a::{b, c::{d, e as f}}`) into its paths, aliases dropped.
fn expand_use(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        let path = tree.split(" as ").next().unwrap_or(tree).trim();
        return vec![path.to_string()];
    };
    let close = tree.rfind('}').unwrap_or(tree.len());
    let prefix = &tree[..open];
    let (mut items, mut depth, mut current) = (Vec::new(), 0, String::new());
    for c in tree[open + 1..close].chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        if c == ',' && depth == 0 {
            items.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    items.push(current);
    items
        .iter()
        .filter(|i| !i.trim().is_empty())
        .flat_map(|i| expand_use(i))
        .map(|p| format!("{prefix}{p}"))
        .collect()
}

/// The text before the first `#[cfg(test)] mod … {`.
fn without_tests(text: &str) -> &str {
    TESTS_RE.find(text).map_or(text, |m| &text[..m.start()])
}

impl Tree {
    /// Builds the tree from `(file relative to src/, text)` pairs.
    fn new(sources: &[(String, String)]) -> Tree {
        let mut files = BTreeMap::new();
        for (rel, text) in sources {
            // The binaries are not part of the library's module tree.
            if rel == "main.rs" || rel == "worker.rs" || rel.starts_with("bin/") {
                continue;
            }
            let stem = rel.trim_end_matches(".rs");
            let mut path: ModPath = stem.split('/').map(String::from).collect();
            let dir = matches!(path.last().map(String::as_str), Some("mod" | "lib"));
            if dir {
                path.pop();
            }
            files.insert(path, (rel.clone(), dir, strip_comments(text)));
        }
        let mut tree = Tree {
            files,
            exports: BTreeMap::new(),
        };
        let mut exports: BTreeMap<ModPath, BTreeMap<String, ModPath>> = BTreeMap::new();
        for (module, (_, _, text)) in &tree.files {
            for cap in PUB_USE_RE.captures_iter(without_tests(text)) {
                for raw in expand_use(&cap[1]) {
                    let alias = raw.rsplit("::").next().unwrap_or("").to_string();
                    if let Some(abs) = tree.absolute(module, module, &raw) {
                        exports
                            .entry(module.clone())
                            .or_default()
                            .insert(alias, abs);
                    }
                }
            }
            // `pub use x as y` keeps its alias.
            for cap in ALIAS_RE.captures_iter(text) {
                if let Some(abs) = tree.absolute(module, module, &cap[1]) {
                    exports
                        .entry(module.clone())
                        .or_default()
                        .insert(cap[2].to_string(), abs);
                }
            }
        }
        tree.exports = exports;
        tree
    }

    /// Reads `src/`.
    fn read(src: &Path) -> Tree {
        fn walk(dir: &Path, src: &Path, out: &mut Vec<(String, String)>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let p = entry.unwrap().path();
                if p.is_dir() {
                    walk(&p, src, out);
                } else if p.extension().is_some_and(|e| e == "rs") {
                    let rel = p
                        .strip_prefix(src)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/");
                    out.push((rel, std::fs::read_to_string(&p).unwrap()));
                }
            }
        }
        let mut sources = Vec::new();
        walk(src, src, &mut sources);
        Tree::new(&sources)
    }

    /// `path` as written in `at` (the module whose text it is in; `file` is the file's module)
    /// made absolute, or `None` for a path outside the crate.
    fn absolute(&self, file: &ModPath, at: &ModPath, path: &str) -> Option<ModPath> {
        let segs: Vec<&str> = path
            .split("::")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        let first = *segs.first()?;
        let mut cur: ModPath = at.clone();
        let rest = match first {
            "crate" => {
                cur.clear();
                &segs[1..]
            }
            "self" => &segs[1..],
            "super" => {
                let n = segs.iter().take_while(|s| **s == "super").count();
                for _ in 0..n {
                    cur.pop();
                }
                &segs[n..]
            }
            child => {
                // A child module of the file's own module (`use play::Player;`).
                let mut candidate = file.clone();
                candidate.push(child.to_string());
                if !self.files.contains_key(&candidate) {
                    return None;
                }
                cur = file.clone();
                &segs[..]
            }
        };
        cur.extend(rest.iter().filter(|s| **s != "self").map(|s| s.to_string()));
        Some(cur)
    }

    /// The file that defines what `full` names: the longest module prefix, followed through
    /// re-exports.
    fn resolve(&self, full: &ModPath, depth: u32) -> Option<ModPath> {
        for k in (0..=full.len()).rev() {
            let prefix = &full[..k];
            if self.files.contains_key(prefix) {
                if let (Some(next), true) = (full.get(k), depth < 10) {
                    if let Some(target) = self.exports.get(prefix).and_then(|m| m.get(next)) {
                        let mut t = target.clone();
                        t.extend(full[k + 1..].iter().cloned());
                        return self.resolve(&t, depth + 1);
                    }
                }
                return Some(prefix.to_vec());
            }
        }
        None
    }

    /// The files `module` refers to, with the path as written; `tests` says whether its test
    /// module counts.
    fn refs(&self, module: &ModPath, tests: bool) -> BTreeSet<(ModPath, String)> {
        let text = &self.files[module].2;
        let text = if tests {
            text.as_str()
        } else {
            without_tests(text)
        };
        let mut out = BTreeSet::new();
        match INLINE_RE.captures(text) {
            Some(cap) => {
                let start = cap.get(0).unwrap().start();
                let mut inner = module.clone();
                inner.push(cap[1].to_string());
                self.refs_in(module, &inner, &text[start..], &mut out);
                self.refs_in(module, module, &text[..start], &mut out);
            }
            None => self.refs_in(module, module, text, &mut out),
        }
        out.retain(|(m, _)| m != module);
        out
    }

    fn refs_in(
        &self,
        file: &ModPath,
        at: &ModPath,
        text: &str,
        out: &mut BTreeSet<(ModPath, String)>,
    ) {
        let mut paths = Vec::new();
        for cap in USE_RE.captures_iter(text) {
            paths.extend(expand_use(&cap[1]));
        }
        // Paths in code: `crate::ui::platform::address::is_embed()`, `super::x`, `child::y`.
        for cap in CODE_RE.captures_iter(text) {
            let m = cap.get(1).unwrap();
            // A path that goes on into a `{` group is read from its use line.
            if text[m.end()..].starts_with("::") {
                continue;
            }
            paths.push(m.as_str().to_string());
        }
        for p in paths {
            if let Some(abs) = self.absolute(file, at, &p) {
                if let Some(target) = self.resolve(&abs, 0) {
                    out.insert((target, p));
                }
            }
        }
    }

    /// Every import that breaks a layer rule, in words.
    fn layer_faults(&self) -> Vec<String> {
        let rank = |m: &ModPath, layers: &[&str], from: usize| -> Option<usize> {
            layers
                .iter()
                .position(|l| m.get(from).map(String::as_str) == Some(*l))
        };
        let mut faults = Vec::new();
        for (module, (file, _, _)) in &self.files {
            // The roots only declare their children.
            if module.is_empty() || module == &["ui".to_string()] {
                continue;
            }
            for (target, written) in self.refs(module, true) {
                let (from, to) = (
                    module.first().map_or("", String::as_str),
                    target.first().map_or("", String::as_str),
                );
                if to == SERVER && from != SERVER {
                    faults.push(format!(
                        "src/{file} imports `{written}`: nothing in src/ imports the class server (only the relsim binary starts it)"
                    ));
                    continue;
                }
                if from == SERVER && to != SERVER && !SERVER_READS.contains(&to) {
                    faults.push(format!(
                        "src/{file} imports `{written}`: the class server reads only {}",
                        SERVER_READS.join(" and ")
                    ));
                    continue;
                }
                let (a, b) = (
                    rank(module, &CRATE_LAYERS, 0),
                    rank(&target, &CRATE_LAYERS, 0),
                );
                if let (Some(a), Some(b)) = (a, b) {
                    if b > a {
                        faults.push(format!(
                            "src/{file} imports `{written}`: `{}` is above `{}` (layers, bottom first: {})",
                            CRATE_LAYERS[b],
                            CRATE_LAYERS[a],
                            CRATE_LAYERS.join(" → ")
                        ));
                        continue;
                    }
                }
                if module.first().map(String::as_str) != Some("ui")
                    || target.first().map(String::as_str) != Some("ui")
                {
                    continue;
                }
                if let (Some(a), Some(b)) =
                    (rank(module, &UI_LAYERS, 1), rank(&target, &UI_LAYERS, 1))
                {
                    if b > a {
                        faults.push(format!(
                            "src/{file} imports `{written}`: ui/{} is above ui/{} (layers, bottom first: {})",
                            UI_LAYERS[b],
                            UI_LAYERS[a],
                            UI_LAYERS.join(" → ")
                        ));
                    } else if a == b && UI_LAYERS[a] == "views" {
                        if let (Some(va), Some(vb)) = (module.get(2), target.get(2)) {
                            if va != vb {
                                faults.push(format!(
                                    "src/{file} imports `{written}`: the view `{va}` must not import the view `{vb}` (share it through a layer below)"
                                ));
                            }
                        }
                    }
                }
            }
        }
        faults
    }

    /// The import circles between files (outside test modules), each as its files.
    fn circles(&self) -> Vec<Vec<String>> {
        let names: Vec<&ModPath> = self.files.keys().collect();
        let index: BTreeMap<&ModPath, usize> =
            names.iter().enumerate().map(|(i, m)| (*m, i)).collect();
        let edges: Vec<Vec<usize>> = names
            .iter()
            .map(|m| {
                self.refs(m, false)
                    .into_iter()
                    .filter_map(|(t, _)| index.get(&t).copied())
                    .collect()
            })
            .collect();
        strongly_connected(&edges)
            .into_iter()
            .filter(|c| c.len() > 1)
            .map(|c| {
                c.into_iter()
                    .map(|i| format!("src/{}", self.files[names[i]].0))
                    .collect()
            })
            .collect()
    }
}

/// Tarjan's strongly connected components.
fn strongly_connected(edges: &[Vec<usize>]) -> Vec<Vec<usize>> {
    struct S<'a> {
        edges: &'a [Vec<usize>],
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        stack: Vec<usize>,
        on: Vec<bool>,
        next: usize,
        out: Vec<Vec<usize>>,
    }
    fn visit(s: &mut S, v: usize) {
        s.index[v] = Some(s.next);
        s.low[v] = s.next;
        s.next += 1;
        s.stack.push(v);
        s.on[v] = true;
        for &w in &s.edges[v] {
            match s.index[w] {
                None => {
                    visit(s, w);
                    s.low[v] = s.low[v].min(s.low[w]);
                }
                Some(i) if s.on[w] => s.low[v] = s.low[v].min(i),
                _ => {}
            }
        }
        if Some(s.low[v]) == s.index[v] {
            let mut comp = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on[w] = false;
                comp.push(w);
                if w == v {
                    break;
                }
            }
            s.out.push(comp);
        }
    }
    let n = edges.len();
    let mut s = S {
        edges,
        index: vec![None; n],
        low: vec![0; n],
        stack: Vec::new(),
        on: vec![false; n],
        next: 0,
        out: Vec::new(),
    };
    for v in 0..n {
        if s.index[v].is_none() {
            visit(&mut s, v);
        }
    }
    s.out
}

fn made_up(files: &[(&str, &str)]) -> Tree {
    let sources: Vec<(String, String)> = files
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    Tree::new(&sources)
}

#[test]
fn the_checker_finds_an_upward_import_a_crossing_between_views_and_a_circle() {
    let tree = made_up(&[
        ("lib.rs", "pub mod sim; pub mod ui;"),
        ("sim/mod.rs", "mod a;\nmod b;\npub use a::A;"),
        ("sim/a.rs", "use super::b::B;\npub struct A;"),
        ("sim/b.rs", "use crate::sim::A;\npub struct B;"),
        ("ui/mod.rs", "mod platform; mod app; mod views;"),
        ("ui/platform/mod.rs", "pub mod address;"),
        (
            "ui/platform/address.rs",
            "use crate::ui::app::state::{t, use_state};",
        ),
        ("ui/app/mod.rs", "pub mod state;"),
        ("ui/app/state.rs", "pub fn t() {}"),
        ("ui/views/mod.rs", "pub mod run; pub mod why;"),
        (
            "ui/views/run/mod.rs",
            "fn f() { crate::ui::views::why::draw(); }",
        ),
        (
            "ui/views/why/mod.rs",
            "pub fn draw() { crate::ui::app::state::t(); }",
        ),
    ]);
    let faults = tree.layer_faults();
    assert!(
        faults
            .iter()
            .any(|f| f.contains("ui/platform/address.rs")
                && f.contains("ui/app is above ui/platform")),
        "{faults:#?}"
    );
    assert!(
        faults.iter().any(|f| f.contains("ui/views/run/mod.rs")
            && f.contains("`run` must not import the view `why`")),
        "{faults:#?}"
    );
    // The why view reaching down to app is allowed.
    assert!(
        !faults.iter().any(|f| f.contains("views/why")),
        "{faults:#?}"
    );
    // a → b → (sim re-exports a::A) → a: a circle through a re-export.
    let circles = tree.circles();
    assert_eq!(
        circles,
        vec![vec!["src/sim/b.rs".to_string(), "src/sim/a.rs".to_string()]]
    );
}

#[test]
fn the_checker_lets_a_test_module_and_a_downward_import_be() {
    let tree = made_up(&[
        ("lib.rs", "pub mod sim; pub mod text;"),
        ("sim/mod.rs", "pub mod a;\npub mod b;"),
        (
            "sim/a.rs",
            "pub struct A;\n#[cfg(test)]\nmod tests {\n    use crate::sim::b::B;\n}",
        ),
        ("sim/b.rs", "use super::a::A;\npub struct B;"),
        ("text/mod.rs", "use crate::sim::a::A;"),
    ]);
    assert!(tree.layer_faults().is_empty(), "{:#?}", tree.layer_faults());
    assert!(tree.circles().is_empty(), "{:#?}", tree.circles());
    let upward = made_up(&[
        ("lib.rs", "pub mod sim; pub mod text;"),
        ("sim/mod.rs", "pub mod a;"),
        (
            "sim/a.rs",
            "pub fn f() -> String { crate::text::names::x() }",
        ),
        ("text/mod.rs", "pub mod names;"),
        ("text/names.rs", "pub fn x() -> String { String::new() }"),
    ]);
    let faults = upward.layer_faults();
    assert!(
        faults.iter().any(|f| f.contains("`text` is above `sim`")),
        "{faults:#?}"
    );
}

#[test]
fn the_checker_keeps_the_server_beside_the_app() {
    let tree = made_up(&[
        (
            "lib.rs",
            "pub mod sim; pub mod live; pub mod text; pub mod server;",
        ),
        ("sim/mod.rs", "pub fn run() {}"),
        ("live/mod.rs", "pub struct Join;"),
        (
            "text/mod.rs",
            "pub fn t() {}
pub fn f() { crate::server::start(); }",
        ),
        (
            "server/mod.rs",
            "use crate::live::Join;
use crate::sim::run;
pub fn start() { crate::text::t(); }",
        ),
    ]);
    let faults = tree.layer_faults();
    assert!(
        faults.iter().any(|f| f.contains("src/text/mod.rs")
            && f.contains("nothing in src/ imports the class server")),
        "{faults:#?}"
    );
    assert!(
        faults
            .iter()
            .any(|f| f.contains("src/server/mod.rs") && f.contains("reads only sim and live")),
        "{faults:#?}"
    );
    assert_eq!(
        faults.len(),
        2,
        "sim and live are the server's to read: {faults:#?}"
    );
}

#[test]
fn imports_only_go_down_the_layers_and_no_view_imports_another() {
    let tree = Tree::read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    assert!(
        tree.files.len() > 100,
        "src/ has {} files",
        tree.files.len()
    );
    let faults = tree.layer_faults();
    assert!(
        faults.is_empty(),
        "imports that break the layers:\n{}",
        faults.join("\n")
    );
}

#[test]
fn no_import_circle_between_files() {
    let tree = Tree::read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    let circles = tree.circles();
    assert!(
        circles.is_empty(),
        "import circles (each a set of files that import each other):\n{}",
        circles
            .iter()
            .map(|c| c.join(" ⇄ "))
            .collect::<Vec<_>>()
            .join("\n")
    );
}
