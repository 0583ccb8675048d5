//! The robustness harness (MODEL.md section 13): for each stylized fact, a family of situations
//! where its premise holds — inputs sampled at random within documented ranges — crossed with
//! perturbations of the model's constants (each constant −20 % and +20 % one at a time, then
//! random joint draws within ±20 %). A fact holds robustly when it holds in at least 90 % of its
//! pairs (the structural ones — no NaN, 13, 14, 19 — in all).
//!
//! Every pair is numbered: its situation and its model variant follow from the fact and the
//! number alone, so a failing pair is replayed by `relsim robust --fact F --pair N`.

#[cfg(not(target_arch = "wasm32"))]
mod families;
#[cfg(not(target_arch = "wasm32"))]
mod families_v1;
pub mod how_sure;
#[cfg(not(target_arch = "wasm32"))]
mod situations;

mod harness;

#[cfg(not(target_arch = "wasm32"))]
pub use families::all as families;

#[cfg(not(target_arch = "wasm32"))]
pub use harness::try_family;
pub use harness::{
    full_pairs, indices, markdown, variant, Row, JOINT_DRAWS, PERTURBATION, THRESHOLD,
};
#[cfg(not(target_arch = "wasm32"))]
pub use harness::{Family, Pair, Verdict};
