//! HTTP to the site's own origin (a Relsim class server): JSON requests with a bearer key, and
//! a stream of server-sent events read through `fetch`, so that the key travels in a header and
//! never in an address (`EventSource` cannot send one).
//!
//! Addresses are relative (`api/…`): the server serves the site at its root.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// An answer: its status and body text.
pub struct Answer {
    /// The HTTP status.
    pub status: u16,
    /// The body.
    pub text: String,
}

fn js_error(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "network error".into())
}

fn request(
    method: &str,
    url: &str,
    key: Option<&str>,
    body: Option<&str>,
    signal: Option<&web_sys::AbortSignal>,
) -> Result<web_sys::Request, String> {
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    if let Some(body) = body {
        init.set_body(&JsValue::from_str(body));
    }
    if let Some(signal) = signal {
        init.set_signal(Some(signal));
    }
    let headers = web_sys::Headers::new().map_err(js_error)?;
    if body.is_some() {
        headers
            .set("Content-Type", "application/json")
            .map_err(js_error)?;
    }
    if let Some(key) = key {
        headers
            .set("Authorization", &format!("Bearer {key}"))
            .map_err(js_error)?;
    }
    init.set_headers(&headers);
    web_sys::Request::new_with_str_and_init(url, &init).map_err(js_error)
}

async fn fetch(req: &web_sys::Request) -> Result<web_sys::Response, String> {
    let window = web_sys::window().ok_or("no window")?;
    let resp = JsFuture::from(window.fetch_with_request(req))
        .await
        .map_err(js_error)?;
    resp.dyn_into().map_err(js_error)
}

/// Sends a request and reads the whole answer; `Err` when no answer came (no server, no
/// network).
pub async fn send(
    method: &str,
    url: &str,
    key: Option<&str>,
    body: Option<&str>,
) -> Result<Answer, String> {
    let resp = fetch(&request(method, url, key, body, None)?).await?;
    let text = JsFuture::from(resp.text().map_err(js_error)?)
        .await
        .map_err(js_error)?;
    Ok(Answer {
        status: resp.status(),
        text: text.as_string().unwrap_or_default(),
    })
}

/// A stream being read; dropping it does not stop it, [`Stream::stop`] does.
#[derive(Clone)]
pub struct Stream {
    abort: web_sys::AbortController,
}

impl Stream {
    /// Stops reading (the server sees the connection close).
    pub fn stop(&self) {
        self.abort.abort();
    }
}

/// How a stream ended.
pub enum Ended {
    /// The server refused it (status and body).
    Refused(Answer),
    /// The connection ended or failed (or was stopped).
    Lost,
}

/// Reads the server-sent events at `url` with `key`, calling `on_data` with each event's data;
/// `on_end` is called once when the stream ends.
pub fn events(
    url: &str,
    key: &str,
    on_data: impl Fn(String) + 'static,
    on_end: impl FnOnce(Ended) + 'static,
) -> Option<Stream> {
    let abort = web_sys::AbortController::new().ok()?;
    let req = request("GET", url, Some(key), None, Some(&abort.signal())).ok()?;
    wasm_bindgen_futures::spawn_local(async move {
        let ended = read_events(&req, &on_data).await;
        on_end(ended);
    });
    Some(Stream { abort })
}

async fn read_events(req: &web_sys::Request, on_data: &impl Fn(String)) -> Ended {
    let Ok(resp) = fetch(req).await else {
        return Ended::Lost;
    };
    if !resp.ok() {
        let text = match resp.text() {
            Ok(p) => JsFuture::from(p).await.ok().and_then(|v| v.as_string()),
            Err(_) => None,
        };
        return Ended::Refused(Answer {
            status: resp.status(),
            text: text.unwrap_or_default(),
        });
    }
    let Some(body) = resp.body() else {
        return Ended::Lost;
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    // Bytes until the next line end: a chunk may end inside a line, or inside a character.
    let mut pending: Vec<u8> = Vec::new();
    loop {
        let Ok(chunk) = JsFuture::from(reader.read()).await else {
            return Ended::Lost;
        };
        let done = js_sys::Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            return Ended::Lost;
        }
        let Ok(value) = js_sys::Reflect::get(&chunk, &"value".into()) else {
            return Ended::Lost;
        };
        pending.extend(js_sys::Uint8Array::new(&value).to_vec());
        while let Some(end) = pending.iter().position(|&b| b == b'\n') {
            let line: Vec<u8> = pending.drain(..=end).collect();
            let line = String::from_utf8_lossy(&line);
            if let Some(data) = line.trim_end().strip_prefix("data:") {
                on_data(data.trim_start().to_string());
            }
        }
    }
}
