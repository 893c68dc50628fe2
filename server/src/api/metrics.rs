//! Prometheus metrics: request counts and latency histograms per route and status,
//! the served model's version and age, and the last refresh (time, duration, outcome).

use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus::{
    CounterVec, Encoder, Gauge, HistogramOpts, HistogramVec, IntCounterVec, IntGauge, Opts,
    Registry,
};

use super::AnswerCost;
use super::state::{AppState, RefreshStatus};

/// The registry and its instruments.
#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    /// JSON answers written, and the seconds spent writing them; answers whose engine
    /// call was timed, and its seconds. With the process's CPU time, what an answer
    /// costs beside writing it.
    serialised: IntCounterVec,
    serialise_seconds: CounterVec,
    computed: IntCounterVec,
    compute_seconds: CounterVec,
    model_version: IntGauge,
    model_age: IntGauge,
    refreshes: IntCounterVec,
    refresh_time: IntGauge,
    refresh_duration: Gauge,
    refresh_success: IntGauge,
}

impl Metrics {
    pub fn new() -> Metrics {
        let registry = Registry::new();
        let requests = IntCounterVec::new(
            Opts::new("passerelle_http_requests_total", "HTTP requests answered"),
            &["route", "method", "status"],
        )
        .expect("valid metric");
        let latency = HistogramVec::new(
            HistogramOpts::new(
                "passerelle_http_request_duration_seconds",
                "HTTP request latency",
            )
            .buckets(vec![
                0.0005, 0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
            ]),
            &["route", "method"],
        )
        .expect("valid metric");
        let serialised = IntCounterVec::new(
            Opts::new(
                "passerelle_answers_serialised_total",
                "JSON answers written, each timed",
            ),
            &["route"],
        )
        .expect("valid metric");
        let computed = IntCounterVec::new(
            Opts::new(
                "passerelle_answers_computed_total",
                "JSON answers whose engine call was timed",
            ),
            &["route"],
        )
        .expect("valid metric");
        let compute_seconds = CounterVec::new(
            Opts::new(
                "passerelle_answer_compute_seconds_total",
                "Seconds spent in the timed engine calls",
            ),
            &["route"],
        )
        .expect("valid metric");
        let serialise_seconds = CounterVec::new(
            Opts::new(
                "passerelle_answer_serialise_seconds_total",
                "Seconds spent writing answers as JSON",
            ),
            &["route"],
        )
        .expect("valid metric");
        let model_version = IntGauge::new(
            "passerelle_model_version",
            "Version of the served needs model (increases at each refresh)",
        )
        .expect("valid metric");
        let model_age = IntGauge::new(
            "passerelle_model_age_seconds",
            "Seconds since the served needs model was built",
        )
        .expect("valid metric");
        let refreshes = IntCounterVec::new(
            Opts::new(
                "passerelle_refreshes_total",
                "Refreshes run, by trigger and outcome",
            ),
            &["trigger", "outcome"],
        )
        .expect("valid metric");
        let refresh_time = IntGauge::new(
            "passerelle_refresh_last_started_seconds",
            "Unix time the last refresh started (0: none yet)",
        )
        .expect("valid metric");
        let refresh_duration = Gauge::new(
            "passerelle_refresh_last_duration_seconds",
            "Duration of the last refresh",
        )
        .expect("valid metric");
        let refresh_success = IntGauge::new(
            "passerelle_refresh_last_success",
            "1 when the last refresh published a version, 0 when it failed, -1 before any",
        )
        .expect("valid metric");
        refresh_success.set(-1);
        for collector in [
            Box::new(requests.clone()) as Box<dyn prometheus::core::Collector>,
            Box::new(latency.clone()),
            Box::new(serialised.clone()),
            Box::new(serialise_seconds.clone()),
            Box::new(computed.clone()),
            Box::new(compute_seconds.clone()),
            Box::new(model_version.clone()),
            Box::new(model_age.clone()),
            Box::new(refreshes.clone()),
            Box::new(refresh_time.clone()),
            Box::new(refresh_duration.clone()),
            Box::new(refresh_success.clone()),
        ] {
            registry.register(collector).expect("unique metric");
        }
        Metrics {
            registry,
            requests,
            latency,
            serialised,
            serialise_seconds,
            computed,
            compute_seconds,
            model_version,
            model_age,
            refreshes,
            refresh_time,
            refresh_duration,
            refresh_success,
        }
    }

    /// Records how a refresh went.
    pub fn record_refresh(&self, status: &RefreshStatus) {
        let outcome = if status.ok { "ok" } else { "failed" };
        let trigger = if status.trigger == "scheduled" {
            "scheduled"
        } else {
            "admin"
        };
        self.refreshes.with_label_values(&[trigger, outcome]).inc();
        let started = status
            .started_at
            .parse::<jiff::Timestamp>()
            .map_or(0, |t| t.as_second());
        self.refresh_time.set(started);
        self.refresh_duration.set(status.duration_seconds);
        self.refresh_success.set(i64::from(status.ok));
    }

    fn observe(&self, route: &str, method: &str, status: u16, seconds: f64) {
        self.requests
            .with_label_values(&[route, method, &status.to_string()])
            .inc();
        self.latency
            .with_label_values(&[route, method])
            .observe(seconds);
    }

    fn observe_cost(&self, route: &str, cost: AnswerCost) {
        self.serialised.with_label_values(&[route]).inc();
        self.serialise_seconds
            .with_label_values(&[route])
            .inc_by(cost.serialise.as_secs_f64());
        if let Some(compute) = cost.compute {
            self.computed.with_label_values(&[route]).inc();
            self.compute_seconds
                .with_label_values(&[route])
                .inc_by(compute.as_secs_f64());
        }
    }

    /// The text exposition of every metric.
    pub fn render(&self, version: u64, built_at: &str) -> String {
        self.model_version.set(version as i64);
        let age = built_at
            .parse::<jiff::Timestamp>()
            .map(|t| jiff::Timestamp::now().as_second() - t.as_second())
            .unwrap_or(-1);
        self.model_age.set(age);
        let mut buffer = Vec::new();
        prometheus::TextEncoder::new()
            .encode(&self.registry.gather(), &mut buffer)
            .expect("text encoding");
        String::from_utf8(buffer).expect("prometheus text is UTF-8")
    }
}

impl Default for Metrics {
    fn default() -> Metrics {
        Metrics::new()
    }
}

/// Middleware recording each request under its route template (`/api/v1/trainings/{id}`,
/// or `unmatched`), never its raw path, and its method from a fixed set: every label
/// value comes from a fixed set, so no request grows the metrics.
pub async fn record(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_string(), |p| p.as_str().to_string());
    let method = method_label(request.method());
    let started = Instant::now();
    let response = next.run(request).await;
    if let Some(&cost) = response.extensions().get::<AnswerCost>() {
        state.metrics.observe_cost(&route, cost);
    }
    state.metrics.observe(
        &route,
        method,
        response.status().as_u16(),
        started.elapsed().as_secs_f64(),
    );
    response
}

/// A request's method as a label from a fixed set: any other method (a client may send
/// any token, of any length) is `other`, so that no request adds a series of its own.
fn method_label(method: &axum::http::Method) -> &'static str {
    use axum::http::Method;
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::PATCH => "PATCH",
        Method::OPTIONS => "OPTIONS",
        Method::CONNECT => "CONNECT",
        Method::TRACE => "TRACE",
        _ => "other",
    }
}

/// `GET /metrics`.
pub async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    let snapshot = state.current();
    (
        [(
            axum::http::header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        state
            .metrics
            .render(snapshot.version, &snapshot.ranker.model().built_at),
    )
}
