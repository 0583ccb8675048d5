//! The routes, the layers around them (compression, body limit), the static site, the
//! cleaning of expired classes, and the listening loop.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue};
use axum::routing::{get, post};
use axum::{Json, Router};
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;

use super::reply::{now, refuse, Reply};
use super::state::{with_db, AppState, Shared};
use super::{db, pair_routes, pairing, pairs, participant, trainer, Config};
use crate::live::{ProblemCode, MAX_BODY_BYTES};

/// How often expired classes are looked for.
const CLEANING: Duration = Duration::from_secs(600);

/// `GET /api/health`: tells the app that a Relsim server serves this site.
async fn health() -> Json<serde_json::Value> {
    Json(serde_json::json!({ "relsim": env!("CARGO_PKG_VERSION") }))
}

async fn no_route() -> Reply<()> {
    refuse(ProblemCode::NotFound, "", "no such API route")
}

/// The API and the site.
fn app(state: AppState, site: &std::path::Path) -> Router {
    let api = Router::new()
        .route("/health", get(health))
        .route("/classes", post(trainer::create))
        .route("/classes/{id}", get(trainer::get).delete(trainer::delete))
        .route("/classes/{id}/events", get(trainer::events))
        .route("/classes/{id}/close", post(trainer::close))
        .route("/classes/{id}/export/{format}", get(trainer::export))
        .route("/join", post(participant::join))
        .route("/me", get(participant::me))
        .route("/progress", post(participant::progress))
        .route("/results", post(participant::submit))
        .route("/pair", get(pair_routes::get))
        .route("/pair/events", get(pair_routes::events))
        .route("/pair/decide", post(pair_routes::decide))
        .route("/pair/scripted", post(pair_routes::scripted))
        .route("/classes/{id}/round", post(trainer::round))
        .route("/classes/{id}/pairs", post(pairing::form))
        .route("/classes/{id}/pairs/{pair}/split", post(pairing::split))
        .fallback(no_route)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(axum::middleware::map_response(
            |mut r: axum::response::Response| async move {
                // Answers carry keys: no cache keeps them, and no browser guesses their type.
                let h = r.headers_mut();
                h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
                h.insert(
                    header::X_CONTENT_TYPE_OPTIONS,
                    HeaderValue::from_static("nosniff"),
                );
                r
            },
        ))
        .with_state(state);
    Router::new()
        .nest("/api", api)
        .fallback_service(ServeDir::new(site))
        // The default predicate leaves server-sent events and images uncompressed.
        .layer(CompressionLayer::new())
}

/// Deletes expired classes now and every [`CLEANING`].
async fn clean(state: AppState) {
    loop {
        let gone = with_db(&state, |conn, _| Ok(db::delete_expired(conn, now())?)).await;
        if let Ok(n @ 1..) = gone {
            println!("relsim serve: {n} expired class(es) deleted");
        }
        tokio::time::sleep(CLEANING).await;
    }
}

/// Runs the server until it is stopped (Ctrl-C or a signal). The first line printed names the
/// address it listens on.
pub fn serve(config: &Config) -> Result<(), String> {
    let conn = db::open(&config.db)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start: {e}"))?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind((config.host, config.port))
            .await
            .map_err(|e| {
                format!(
                    "--port {}: cannot listen on {}: {e}",
                    config.port, config.host
                )
            })?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        println!(
            "Relsim class server: http://{addr}/ (site {}, database {}, classes kept {} days)",
            config.site.display(),
            config.db.display(),
            config.expire_days
        );
        if !config.site.join("index.html").is_file() {
            println!(
                "relsim serve: {} has no index.html (run `make site`); the API works without it",
                config.site.display()
            );
        }
        let state = Arc::new(Shared {
            db: Mutex::new(conn),
            hub: Default::default(),
            limiter: Default::default(),
            expire_days: config.expire_days,
            files: tokio::sync::Semaphore::new(1),
        });
        tokio::spawn(clean(state.clone()));
        tokio::spawn(pairs::round_timer(state.clone()));
        let service = app(state, &config.site).into_make_service_with_connect_info::<SocketAddr>();
        tokio::select! {
            r = axum::serve(listener, service) => r.map_err(|e| e.to_string()),
            _ = tokio::signal::ctrl_c() => {
                println!("relsim serve: stopped");
                Ok(())
            }
        }
    })
}
