# Relsim: `make serve` sets up, builds and serves the app; `make test` runs everything CI checks.
# Every tool the project needs is installed here when missing, and skipped when present.

SHELL := /bin/bash
TRUNK_VERSION := 0.21.14
WASM_BINDGEN_VERSION := 0.2.130
# Cuts the UI module into lazily loaded chunks (scripts/ui-split.mjs).
WASM_SPLIT_VERSION := 0.2.4
CARGO_HOME ?= $(HOME)/.cargo
CARGO_BIN := $(CARGO_HOME)/bin
# The tools are built to be built quickly, not to run fast (they run for seconds), in one target
# folder where they share dependencies.
TOOL_BUILD := CARGO_TARGET_DIR=$(CURDIR)/target/tools CARGO_PROFILE_RELEASE_LTO=off \
	CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_OPT_LEVEL=1 \
	CARGO_PROFILE_RELEASE_DEBUG=false CARGO_PROFILE_RELEASE_STRIP=true
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)
PORT ?= 8080
HOST ?= 127.0.0.1

.PHONY: all tools rust-tools node-tools browser build site serve test lint unit e2e screenshots bench fuzz golden robust clean

all: build

## Installs what is missing: the wasm32 target, trunk, wasm-bindgen-cli, wasm-split-cli, npm
## tools, Chromium.
tools: rust-tools node-tools

rust-tools:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@trunk --version 2>/dev/null | grep -q "$(TRUNK_VERSION)" || $(TOOL_BUILD) cargo install --locked trunk --version $(TRUNK_VERSION)
	@wasm-bindgen --version 2>/dev/null | grep -q "$(WASM_BINDGEN_VERSION)" || $(TOOL_BUILD) cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)
	@cargo install --list | grep -q "^wasm_split_cli_support v$(WASM_SPLIT_VERSION):" || $(TOOL_BUILD) cargo install --locked wasm_split_cli_support --version $(WASM_SPLIT_VERSION) --features build-binary

node-tools: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

browser:
	@test -x /usr/bin/chromium || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver)

## Release build of the web app into dist/ (offline: trunk must not download anything).
build: tools
	cargo fetch
	trunk build --release --offline

## The website as a folder any static host serves under any sub-path (see README).
SITE_DIR ?= site
site: build
	rm -rf $(SITE_DIR)
	cp -r dist $(SITE_DIR)
	@echo "$(SITE_DIR)/ is ready to publish: $$(du -sh $(SITE_DIR) | cut -f1), $$(find $(SITE_DIR) -type f | wc -l) files"

## The site and the live-class server (relsim serve) on HOST:PORT; HOST=0.0.0.0 for the room.
serve: build
	cargo build --profile ci --bin relsim
	target/ci/relsim serve --site dist --db relsim.sqlite --host $(HOST) --port $(PORT)

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --bin relsim-app --features app --target wasm32-unknown-unknown -- -D warnings
	cargo clippy --bin relsim-worker --no-default-features --features worker --target wasm32-unknown-unknown -- -D warnings

unit:
	cargo test --profile ci

## Browser tests against dist/; the native CLI is built too, for the native/browser agreement test.
e2e: build browser
	cargo build --profile ci --bin relsim
	RELSIM_BIN=target/ci/relsim node --test --test-concurrency=1 tests/e2e/

test: tools lint unit e2e

## Screenshots of the main views into docs/screenshots/ (not part of `make test`).
screenshots: build browser
	node scripts/screenshots.mjs

## Benchmarks and reports (not part of `make test`).
bench: build browser
	cargo bench --bench sim
	cargo build --release --bin relsim
	node scripts/bench-wasm.mjs
	node scripts/load-class.mjs target/release/relsim
	node scripts/load-pairs.mjs target/release/relsim

## Fuzzing campaign: 100 000 generated scenario files, links and stored scenarios (FUZZ_CASES,
## FUZZ_SEED, FUZZ_THREADS change it); failing cases land in tests/fuzz/corpus/.
fuzz:
	cargo test --release --test fuzz -- --ignored --nocapture

## The robustness harness in full: every stylized fact over its family of situations and every
## perturbation of the model's constants; writes docs/robust.json and its table into
## docs/model.md (a reduced run is part of `make test`).
robust:
	cargo build --release --bin relsim
	./target/release/relsim robust --format table --out docs/robust.json
	BLESS=1 cargo test --release --test robust the_docs_table_is_the_stored_run

## Re-blesses the golden summaries after a deliberate model change (review the diff).
golden:
	BLESS=1 cargo test --release --test golden

clean:
	cargo clean
	rm -rf dist node_modules
