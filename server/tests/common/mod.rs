//! Helpers shared by the tests that run the real `passerelle` binary: the demo offers, a
//! free loopback port, a guard that kills the server, and a minimal HTTP/1.1 client.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The embedded demo offers (France Travail records with `romeCode` and skills).
pub fn demo_offers() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpora/postings/demo_offers.jsonl")
}

/// Kills the server when the test ends, whether it passed, failed or panicked.
pub struct ServerGuard(pub Child);

impl Drop for ServerGuard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A port that was free a moment ago: bind port 0, read the port the system chose, let it go.
pub fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    listener
        .local_addr()
        .expect("read the bound address")
        .port()
}

/// Sends one request (`Connection: close`) and returns the status and body, or `None`
/// when the server cannot be reached.
pub fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Option<(u16, Vec<u8>)> {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(2)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(120)))
        .ok()?;
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).ok()?;
    stream.write_all(body).ok()?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).ok()?;
    let split = response.windows(4).position(|w| w == b"\r\n\r\n")?;
    let status = String::from_utf8_lossy(&response[..split])
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    let mut payload = response[split + 4..].to_vec();
    let head = String::from_utf8_lossy(&response[..split]).to_ascii_lowercase();
    if head.contains("transfer-encoding: chunked") {
        payload = dechunk(&payload);
    }
    Some((status, payload))
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(line_end) = data.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(String::from_utf8_lossy(&data[..line_end]).trim(), 16)
            .unwrap_or(0);
        if size == 0 {
            break;
        }
        let start = line_end + 2;
        out.extend_from_slice(&data[start..(start + size).min(data.len())]);
        data = &data[(start + size + 2).min(data.len())..];
    }
    out
}

/// True when `GET /healthz` answers 200.
pub fn healthz_ok(addr: SocketAddr) -> bool {
    matches!(request(addr, "GET", "/healthz", &[], b""), Some((200, _)))
}

/// `passerelle serve` on the embedded demo on a free loopback port, with `extra`
/// arguments and no France Travail credentials, once it answers `/healthz`.
pub fn serve_demo(extra: &[&str]) -> (ServerGuard, SocketAddr) {
    let extra: Vec<&std::ffi::OsStr> = extra.iter().map(std::ffi::OsStr::new).collect();
    start_serve(Command::new(env!("CARGO_BIN_EXE_passerelle")), &extra, &[])
}

/// Starts `command` (the binary, or a wrapper whose last argument is the binary) as
/// `serve --today 2026-11-29` on a free loopback port with `extra` arguments, the
/// `env` variables and no France Travail credentials; waits for `/healthz`.
pub fn start_serve(
    mut command: Command,
    extra: &[&std::ffi::OsStr],
    env: &[(&str, &str)],
) -> (ServerGuard, SocketAddr) {
    let addr: SocketAddr = ([127, 0, 0, 1], free_port()).into();
    let child = command
        .env_remove("FRANCE_TRAVAIL_CLIENT_ID")
        .env_remove("FRANCE_TRAVAIL_CLIENT_SECRET")
        .envs(env.iter().copied())
        .args(["serve", "--today", "2026-11-29"])
        .args(extra)
        .arg("--addr")
        .arg(addr.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut server = ServerGuard(child);
    let started = Instant::now();
    while !healthz_ok(addr) {
        assert!(
            server.0.try_wait().unwrap().is_none(),
            "the server exited before answering"
        );
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "no answer in 120 s"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    (server, addr)
}
