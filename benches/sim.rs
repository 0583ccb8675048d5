//! Native benchmarks: one 260-week run, a 1 000-run ensemble (one thread, and split over all
//! threads), an 11-point sweep and a 5 × 5 two-input grid (one thread and all threads) of the
//! default scenario.

use criterion::{criterion_group, criterion_main, Criterion};
use relsim::sim::{self, sweep, Ensemble, Plan, Scenario};

fn benches(c: &mut Criterion) {
    let s = Scenario::default();
    c.bench_function("one run, 260 weeks", |b| {
        b.iter(|| sim::run(std::hint::black_box(&s)))
    });
    let plan = Plan::new(&s);
    let mut g = c.benchmark_group("ensemble");
    g.sample_size(20);
    g.bench_function("1000 runs x 260 weeks", |b| {
        b.iter(|| Ensemble::run(&plan, 1000))
    });
    let all = sweep::available_threads();
    g.bench_function(format!("1000 runs x 260 weeks, {all} threads"), |b| {
        b.iter(|| Ensemble::run_threaded(&plan, 1000, all))
    });
    g.finish();
    let mut g = c.benchmark_group("sweep2");
    g.sample_size(10);
    let axis = |param: &str, from: f64, to: f64| sweep::Axis {
        param: param.to_string(),
        values: sweep::sweep_values(from, to, 5).expect("valid range"),
    };
    let x = axis("contract.fee_per_week", 8.0, 14.0);
    let y = axis("contract.incentive_share", 0.0, 0.5);
    for threads in [1, all] {
        g.bench_function(format!("5 x 5 x 200 runs, {threads} threads"), |b| {
            b.iter(|| sweep::grid2(&s, &x, &y, 200, false, threads))
        });
    }
    g.finish();
    let mut g = c.benchmark_group("sweep");
    g.sample_size(10);
    let values = sweep::sweep_values(0.0, 0.5, 11).expect("valid range");
    g.bench_function("incentive share, 11 values x 200 runs", |b| {
        b.iter(|| sweep::sweep(&s, "contract.incentive_share", &values, 200))
    });
    g.finish();
}

criterion_group!(sim_benches, benches);
criterion_main!(sim_benches);
