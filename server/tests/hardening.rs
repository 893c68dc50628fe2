//! Reproductions of what anyone without a token could do to `passerelle serve` (the real
//! binary, on loopback): slow bodies, trickled or silent heads, unauthenticated uploads,
//! hostile method names, encoded bodies. Each is bounded in connections and time.

mod common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use common::{ServerGuard, request};

const TOKEN: &str = "hardening-token";

/// The server on the embedded demo, with an admin token.
fn serve() -> (ServerGuard, SocketAddr) {
    common::serve_demo(&["--admin-token", TOKEN])
}

fn connect(addr: SocketAddr) -> TcpStream {
    let stream = TcpStream::connect_timeout(&addr, Duration::from_secs(2)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    stream
}

/// What the server sends until it closes the connection (or the read times out).
fn read_all(stream: &mut TcpStream) -> String {
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

fn status_of(answer: &str) -> Option<u16> {
    answer.split_whitespace().nth(1)?.parse().ok()
}

/// `GET path` answers 200 within `within`.
/// A GET held back by the slow uploads would wait for their body timeout (at least 5 s,
/// see below); anything clearly shorter says it was not, even on a loaded machine.
const NOT_HELD_BACK: Duration = Duration::from_secs(4);

fn answers_within(addr: SocketAddr, path: &str, within: Duration) -> Duration {
    let started = Instant::now();
    let (status, _) = request(addr, "GET", path, &[], b"").expect("the server answers");
    let took = started.elapsed();
    assert_eq!(status, 200, "GET {path}");
    assert!(took < within, "GET {path} took {took:?}");
    took
}

#[test]
fn slow_bodies_hold_back_no_get_and_time_out_with_408() {
    let (_server, addr) = serve();
    // 300 uploads that declare 100 bytes and send 4: more than every upload slot.
    let mut slow: Vec<TcpStream> = (0..300)
        .map(|_| {
            let mut stream = connect(addr);
            stream
                .write_all(
                    b"POST /api/v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"te",
                )
                .unwrap();
            stream
        })
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    answers_within(addr, "/healthz", NOT_HELD_BACK);
    answers_within(addr, "/metrics", NOT_HELD_BACK);
    answers_within(addr, "/api/v1/skills?q=python", NOT_HELD_BACK);
    // The first slow upload is answered 408 once its body is late; the socket is closed.
    let started = Instant::now();
    let answer = read_all(&mut slow[0]);
    assert_eq!(status_of(&answer), Some(408), "{answer}");
    assert!(answer.contains("body_timeout"), "{answer}");
    assert!(started.elapsed() < Duration::from_secs(15));
    drop(slow);
    // Once they are gone, an upload is served again.
    let (status, _) = request(
        addr,
        "POST",
        "/api/v1/extract",
        &[("Content-Type", "application/json")],
        r#"{"text":"Vous maitrisez Python."}"#.as_bytes(),
    )
    .unwrap();
    assert_eq!(status, 200);
}

#[test]
fn trickled_and_silent_heads_are_closed() {
    let (_server, addr) = serve();
    let mut silent = connect(addr);
    let mut trickled = connect(addr);
    trickled.write_all(b"GET /healthz HTTP/1.1\r\n").unwrap();
    let started = Instant::now();
    let trickle = std::thread::spawn(move || {
        // A header line every second: the head is never complete.
        for i in 0..40 {
            if trickled
                .write_all(format!("X-Slow-{i}: 1\r\n").as_bytes())
                .is_err()
            {
                break;
            }
            std::thread::sleep(Duration::from_secs(1));
        }
        let answer = read_all(&mut trickled);
        (answer, started.elapsed())
    });
    let answer = read_all(&mut silent);
    let silent_for = started.elapsed();
    assert!(
        silent_for >= Duration::from_secs(5) && silent_for < Duration::from_secs(20),
        "a silent connection closed after {silent_for:?}: {answer}"
    );
    let (answer, trickled_for) = trickle.join().unwrap();
    assert!(
        trickled_for < Duration::from_secs(20),
        "a trickled head kept for {trickled_for:?}"
    );
    assert_ne!(status_of(&answer), Some(200), "{answer}");
    answers_within(addr, "/healthz", NOT_HELD_BACK);
}

#[test]
fn uploads_are_refused_from_their_headers_before_their_body() {
    let (_server, addr) = serve();
    // No token, 200 MiB declared, nothing sent: 401 at once, no `100 Continue`.
    for (authorization, length, expected, code) in [
        ("", 200u64 << 20, 401, "unauthorized"),
        ("Bearer wrong", 200 << 20, 401, "unauthorized"),
        (
            "Bearer hardening-token",
            300 << 20,
            413,
            "payload_too_large",
        ),
    ] {
        let mut stream = connect(addr);
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        let mut head = format!(
            "POST /api/v1/admin/refresh HTTP/1.1\r\nHost: x\r\nContent-Length: {length}\r\nExpect: 100-continue\r\n"
        );
        if !authorization.is_empty() {
            head.push_str(&format!("Authorization: {authorization}\r\n"));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).unwrap();
        let started = Instant::now();
        let mut answer = vec![0; 4096];
        let read = stream.read(&mut answer).unwrap();
        let answer = String::from_utf8_lossy(&answer[..read]).into_owned();
        assert!(started.elapsed() < Duration::from_secs(2), "{answer}");
        assert!(!answer.starts_with("HTTP/1.1 100"), "{answer}");
        assert_eq!(status_of(&answer), Some(expected), "{answer}");
        assert!(answer.contains(code), "{answer}");
    }
    // The scheme is case-insensitive: a lower-case `bearer` is the token (the empty
    // body of a refresh without a build folder is then refused as such, 422).
    let (status, body) = request(
        addr,
        "POST",
        "/api/v1/admin/refresh",
        &[("Authorization", "bearer hardening-token")],
        b"",
    )
    .unwrap();
    assert_eq!(status, 422, "{}", String::from_utf8_lossy(&body));
    // A batch is spooled to a file and read line by line: binary input is refused with
    // its line.
    let (status, body) = request(
        addr,
        "POST",
        "/api/v1/admin/refresh",
        &[("Authorization", "Bearer hardening-token")],
        b"{\"id\": \"1\"}\n\0\0\0\n",
    )
    .unwrap();
    let body = String::from_utf8_lossy(&body);
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("ligne 2"), "{body}");
    // An encoded body is refused, not read as plain JSON.
    for encoding in ["gzip", "deflate", "br"] {
        let (status, body) = request(
            addr,
            "POST",
            "/api/v1/extract",
            &[
                ("Content-Type", "application/json"),
                ("Content-Encoding", encoding),
            ],
            b"\x1f\x8b\x08\x00",
        )
        .unwrap();
        let body = String::from_utf8_lossy(&body);
        assert_eq!(status, 415, "{encoding}: {body}");
        assert!(body.contains("unsupported_encoding"), "{body}");
    }
}

#[test]
fn hostile_method_names_do_not_grow_the_metrics() {
    let (_server, addr) = serve();
    let before = request(addr, "GET", "/metrics", &[], b"").unwrap().1.len();
    for i in 0..40 {
        let method = format!("X{i}{}", "A".repeat(10_000));
        let _ = request(addr, &method, "/api/v1/skills", &[], b"");
        let _ = request(addr, &method, &format!("/nowhere/{i}"), &[], b"");
    }
    let (status, metrics) = request(addr, "GET", "/metrics", &[], b"").unwrap();
    assert_eq!(status, 200);
    let metrics = String::from_utf8_lossy(&metrics);
    assert!(!metrics.contains("AAAAAAAAAA"), "a method became a label");
    assert!(!metrics.contains("nowhere"), "a path became a label");
    assert!(
        metrics.contains("method=\"other\""),
        "unknown methods are folded"
    );
    assert!(
        metrics.len() < before + 8_000,
        "/metrics grew from {before} to {} bytes",
        metrics.len()
    );
}

/// The server's peak resident memory, from `/proc`.
fn peak_rss_bytes(server: &ServerGuard) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{}/status", server.0.id())).unwrap();
    let kib: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap();
    kib * 1024
}

#[test]
fn extract_answers_are_bounded_and_parallel_ones_stay_small() {
    let (server, addr) = serve();
    let idle = peak_rss_bytes(&server);
    // About 1 MB of nothing but skill names.
    let mut text = String::new();
    while text.len() < 1_000_000 {
        text.push_str("Python SQL Docker Git Java Linux React ");
    }
    let body = serde_json::json!({ "text": text }).to_string();
    let (status, answer) = request(
        addr,
        "POST",
        "/api/v1/extract",
        &[("Content-Type", "application/json")],
        body.as_bytes(),
    )
    .unwrap();
    assert_eq!(status, 200);
    assert!(answer.len() < 1 << 20, "{} bytes", answer.len());
    let answer: serde_json::Value = serde_json::from_slice(&answer).unwrap();
    assert_eq!(answer["truncated"], true);
    assert_eq!(answer["skills"].as_array().unwrap().len(), 1000);
    // 64 of them at once stay well under 1 GiB.
    let body = std::sync::Arc::new(body);
    let workers: Vec<_> = (0..64)
        .map(|_| {
            let body = body.clone();
            std::thread::spawn(move || {
                request(
                    addr,
                    "POST",
                    "/api/v1/extract",
                    &[("Content-Type", "application/json")],
                    body.as_bytes(),
                )
                .map(|(status, _)| status)
            })
        })
        .collect();
    for worker in workers {
        assert_eq!(worker.join().unwrap(), Some(200));
    }
    let peak = peak_rss_bytes(&server);
    eprintln!(
        "peak RSS {} MiB after 64 parallel 1 MB extractions, {} MiB before",
        peak >> 20,
        idle >> 20
    );
    assert!(
        peak - idle < 768 << 20,
        "peak RSS {} MiB, {} MiB before",
        peak >> 20,
        idle >> 20
    );
}
