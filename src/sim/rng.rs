//! The generator every run draws from.

use rand_xoshiro::Xoshiro256PlusPlus;

/// The random-number generator of every run: a named algorithm whose output is the same on
/// every platform and version (native and WebAssembly give the same numbers), and cheap in
/// WebAssembly, which has 64-bit integer operations but no SIMD in the worker module.
pub type SimRng = Xoshiro256PlusPlus;
