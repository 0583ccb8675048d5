//! Native benchmarks: one 260-week run and a 1 000-run ensemble of the default scenario.

use criterion::{criterion_group, criterion_main, Criterion};
use relsim::sim::{self, Ensemble, Plan, Scenario};

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
}

criterion_group!(sim_benches, benches);
criterion_main!(sim_benches);
