//! The fuzzing campaign (`make fuzz`, not part of `make test`): generated scenario documents,
//! address fragments and local-storage contents, each of which must give a valid run with
//! finite numbers or one clear error — never a panic, a hang or NaN.
//!
//! `cargo test --release --test fuzz -- --ignored --nocapture` runs it; `FUZZ_CASES` (default
//! 100 000), `FUZZ_SEED` (default 8) and `FUZZ_THREADS` (default 2) change its size, seed and
//! threads; `FUZZ_CASE=N` reruns case N alone and prints it. Each failing case is written to
//! `tests/fuzz/corpus/`, where `tests/fuzz_regressions.rs` keeps checking it.

mod check;
mod gen;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use check::{check, Kind, Outcome};
use gen::{Gen, Seeds};

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Tallies per input kind.
#[derive(Default, Clone, Copy)]
struct Tally {
    cases: u64,
    ran: u64,
    refused: u64,
    no_scenario: u64,
    failed: u64,
    slowest: Duration,
}

struct Failure {
    index: u64,
    kind: Kind,
    input: String,
    problem: String,
}

/// Runs cases `0..cases` on `threads` threads; each case is generated from its own index.
fn campaign(seed: u64, cases: u64, threads: u64) -> (BTreeMap<Kind, Tally>, Vec<Failure>) {
    let seeds = Seeds::new();
    let next = AtomicU64::new(0);
    let tallies = Mutex::new(BTreeMap::<Kind, Tally>::new());
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..threads.max(1) {
            scope.spawn(|| {
                let mut local = BTreeMap::<Kind, Tally>::new();
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    if index >= cases {
                        break;
                    }
                    let (kind, input) = Gen::new(&seeds, seed, index).case();
                    let start = Instant::now();
                    let result = check(kind, &input);
                    let t = local.entry(kind).or_default();
                    t.cases += 1;
                    t.slowest = t.slowest.max(start.elapsed());
                    match result {
                        Ok(Outcome::Ran) => t.ran += 1,
                        Ok(Outcome::Refused(_)) => t.refused += 1,
                        Ok(Outcome::NoScenario) => t.no_scenario += 1,
                        Err(problem) => {
                            t.failed += 1;
                            failures.lock().unwrap().push(Failure {
                                index,
                                kind,
                                input,
                                problem,
                            });
                        }
                    }
                }
                let mut all = tallies.lock().unwrap();
                for (k, t) in local {
                    let a = all.entry(k).or_default();
                    a.cases += t.cases;
                    a.ran += t.ran;
                    a.refused += t.refused;
                    a.no_scenario += t.no_scenario;
                    a.failed += t.failed;
                    a.slowest = a.slowest.max(t.slowest);
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap();
    failures.sort_by_key(|f| f.index);
    (tallies.into_inner().unwrap(), failures)
}

/// Keeps a failing case in the corpus, named by kind and case number.
fn keep(f: &Failure, seed: u64) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/corpus");
    let _ = std::fs::create_dir_all(&dir);
    let name = format!("{}-seed{seed}-case{}.txt", f.kind.id(), f.index);
    let _ = std::fs::write(dir.join(name), &f.input);
}

#[test]
#[ignore = "the campaign runs by `make fuzz`"]
fn fuzz_campaign() {
    let seed = env_u64("FUZZ_SEED", 8);
    if let Ok(one) = std::env::var("FUZZ_CASE") {
        let index: u64 = one.parse().expect("FUZZ_CASE is a case number");
        let seeds = Seeds::new();
        let (kind, input) = Gen::new(&seeds, seed, index).case();
        println!("case {index} ({}):\n{input}\n", kind.id());
        let start = Instant::now();
        let result = check(kind, &input);
        println!("{result:?} in {:?}", start.elapsed());
        return;
    }
    let cases = env_u64("FUZZ_CASES", 100_000);
    let threads = env_u64("FUZZ_THREADS", 2);
    let start = Instant::now();
    let (tallies, failures) = campaign(seed, cases, threads);
    let took = start.elapsed();
    println!("fuzzing campaign: seed {seed}, {cases} cases on {threads} threads in {took:.1?}");
    println!(
        "{:<10} {:>8} {:>8} {:>8} {:>12} {:>7} {:>12}",
        "kind", "cases", "ran", "refused", "no scenario", "failed", "slowest"
    );
    for (k, t) in &tallies {
        println!(
            "{:<10} {:>8} {:>8} {:>8} {:>12} {:>7} {:>12.1?}",
            k.id(),
            t.cases,
            t.ran,
            t.refused,
            t.no_scenario,
            t.failed,
            t.slowest
        );
    }
    for f in failures.iter().take(20) {
        let head: String = f.input.chars().take(200).collect();
        println!(
            "FAILED case {} ({}): {}\n  input: {head}",
            f.index,
            f.kind.id(),
            f.problem
        );
    }
    for f in &failures {
        keep(f, seed);
    }
    assert!(failures.is_empty(), "{} failing cases", failures.len());
}

/// A small campaign in every `cargo test`, so the generator and the checks stay working.
#[test]
fn a_small_campaign_passes() {
    let (tallies, failures) = campaign(1, 600, 2);
    let first = failures
        .first()
        .map(|f| format!("case {}: {} in {:?}", f.index, f.problem, f.input));
    assert!(failures.is_empty(), "{first:?}");
    for k in Kind::ALL {
        let t = tallies.get(&k).copied().unwrap_or_default();
        assert!(t.cases > 50, "{} cases of {}", t.cases, k.id());
        assert!(t.refused > 0, "no {} case was refused", k.id());
    }
    // Some generated documents are valid and run.
    assert!(tallies.values().map(|t| t.ran).sum::<u64>() > 20);
}
