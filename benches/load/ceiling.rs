//! The load bench's ceiling: axum's trivial JSON endpoint, served the way `passerelle
//! serve` serves (a default multi-thread tokio runtime, `axum::serve`), so that
//! `benches/load/run.sh` can compare each API route with what the bare stack reaches on
//! the same machine in the same run.
//!
//! Run: `cargo run --release -p passerelle-benches --bin ceiling -- 127.0.0.1:18090`
//! (prints `ceiling: listening on http://ADDR` on stderr), then `GET /json`.

use std::net::SocketAddr;

use axum::Router;
use axum::routing::get;
use serde_json::json;

fn main() -> std::io::Result<()> {
    let addr: SocketAddr = std::env::args()
        .nth(1)
        .as_deref()
        .unwrap_or("127.0.0.1:18090")
        .parse()
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))?;
    // `Runtime::new()` is what `passerelle serve` uses: one worker per core.
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async move {
        let app = Router::new().route(
            "/json",
            get(|| async { axum::Json(json!({ "message": "ok" })) }),
        );
        let listener = tokio::net::TcpListener::bind(addr).await?;
        eprintln!("ceiling: listening on http://{}", listener.local_addr()?);
        axum::serve(listener, app).await
    })
}
