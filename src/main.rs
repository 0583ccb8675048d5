//! Entry point of the web app: panic hook and start, nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    relsim::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("relsim-app is the web app: build and serve it with `make serve`");
}
