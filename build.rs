//! Keeps the linker's relocations in the web UI module, which `scripts/ui-split.mjs` needs to cut
//! the module into the chunks of `src/ui/shell/split.rs` (the split strips them again). Only the UI
//! binary gets them: the worker module and native builds are not split.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo::rustc-link-arg-bin=relsim-app=--emit-relocs");
    }
}
