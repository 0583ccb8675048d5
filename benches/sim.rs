//! Native benchmarks: one 260-week run, a 1 000-run ensemble and an 11-point sweep of the
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
