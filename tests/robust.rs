//! The robustness harness, reduced: every family over every 4th of its pairs (both one-at-a-time
//! and joint perturbations of the constants), each fact holding in its required share. `make
//! robust` runs every pair and writes `docs/robust.json`, whose table `docs/model.md` shows.

use relsim::sim::robust;

/// Every 4th pair of a full run (about 95 of 380 per fact: both one-at-a-time and joint
/// perturbations).
const STRIDE: u32 = 4;

#[test]
fn every_fact_holds_over_its_family_and_perturbed_constants() {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let indices = robust::indices(robust::full_pairs(), STRIDE);
    let mut failed = Vec::new();
    for family in robust::families() {
        let row = robust::try_family(family, &indices, family.runs, threads);
        println!(
            "fact {:2}: {:5.1} % of {} pairs",
            row.fact,
            100.0 * row.share(),
            row.pairs
        );
        if !row.passes() {
            failed.push(format!(
                "fact {} ({}) holds in {:.1} % of {} pairs, needs {:.0} %: {:?}",
                row.fact,
                row.title,
                100.0 * row.share(),
                row.pairs,
                100.0 * row.threshold,
                row.failures
            ));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn a_pair_is_replayed_by_its_number() {
    for family in robust::families() {
        let (a, b) = (
            family.try_pair(17, family.runs),
            family.try_pair(17, family.runs),
        );
        assert_eq!(a, b, "fact {}", family.fact);
    }
    // One-at-a-time variants move one constant by ±20 % (clamped to its range); joint draws
    // move every constant within ±20 %.
    let n = relsim::sim::params::SPECS.len() as u32;
    assert_eq!(robust::variant(0).len(), 1);
    assert_eq!(robust::variant(2 * n + 3).len() as u32, n);
    for (name, v) in robust::variant(2 * n + 3) {
        let s = relsim::sim::params::spec(&name).unwrap();
        assert!(v >= s.min && v <= s.max, "{name}");
        if s.default != 0.0 {
            assert!(
                (v / s.default - 1.0).abs() <= robust::PERTURBATION + 1e-9
                    || v == s.min
                    || v == s.max
            );
        }
    }
}

#[test]
fn the_docs_table_is_the_stored_run() {
    let stored = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/robust.json"))
        .expect("docs/robust.json (make robust writes it)");
    let rows: Vec<robust::Row> = serde_json::from_str(&stored).unwrap();
    assert_eq!(
        rows.iter().map(|r| r.fact).collect::<Vec<_>>(),
        robust::families()
            .iter()
            .map(|f| f.fact)
            .collect::<Vec<_>>(),
        "docs/robust.json has a row per family: run make robust"
    );
    for r in &rows {
        assert!(
            r.passes(),
            "fact {} in docs/robust.json: {:.3}",
            r.fact,
            r.share()
        );
        assert_eq!(r.pairs, robust::full_pairs(), "a full run");
    }
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/model.md");
    let doc = std::fs::read_to_string(path).unwrap();
    let (begin, end) = (
        "<!-- robust:begin (generated from docs/robust.json by make robust) -->\n",
        "<!-- robust:end -->",
    );
    let (a, b) = match (doc.find(begin), doc.find(end)) {
        (Some(a), Some(b)) if a < b => (a + begin.len(), b),
        _ => panic!("docs/model.md has no robust markers"),
    };
    let table = robust::markdown(&rows);
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(path, format!("{}{table}{}", &doc[..a], &doc[b..])).unwrap();
        return;
    }
    assert_eq!(
        doc[a..b],
        table,
        "docs/model.md shows docs/robust.json's table: run make robust"
    );
}
