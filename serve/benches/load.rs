//! Load on `facepoints-serve`: many concurrent keep-alive clients fetching the page's files
//! for a fixed time, optionally beside slow clients that trickle their headers a byte at a
//! time. Prints one table: requests, throughput, latency percentiles, errors.
//!
//! `cargo bench -p facepoints-serve --bench load -- --clients 1000 --seconds 60 --slow 200`
//! (defaults: 1000 clients, 60 s, no slow clients; `--root` the folder to serve, by default
//! this repository).

#[path = "../tests/common/mod.rs"]
mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

struct Options {
    clients: usize,
    seconds: f64,
    slow: usize,
    root: String,
}

fn options() -> Options {
    let mut o = Options {
        clients: 1000,
        seconds: 60.0,
        slow: 0,
        root: concat!(env!("CARGO_MANIFEST_DIR"), "/..").to_string(),
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        let value = args.get(i + 1).cloned().unwrap_or_default();
        match args[i].as_str() {
            "--clients" => o.clients = value.parse().expect("--clients N"),
            "--seconds" => o.seconds = value.parse().expect("--seconds S"),
            "--slow" => o.slow = value.parse().expect("--slow N"),
            "--root" => o.root = value,
            _ => {
                i += 1;
                continue;
            }
        }
        i += 2;
    }
    o
}

/// The files fetched, in turn: the page and small files it loads first.
const PATHS: [&str; 4] = ["/", "/www/style.css", "/www/js/page.js", "/www/js/draw.js"];

/// One response read off a kept-alive connection: its status.
async fn exchange(stream: &mut TcpStream, request: &[u8], buf: &mut Vec<u8>) -> Option<u16> {
    stream.write_all(request).await.ok()?;
    buf.clear();
    let mut chunk = [0u8; 16 * 1024];
    let head_end = loop {
        if let Some(p) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break p + 4;
        }
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = std::str::from_utf8(&buf[..head_end]).ok()?;
    let status = head.get(9..12)?.parse().ok()?;
    let length: usize = head
        .lines()
        .find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case("content-length")
                .then(|| v.trim().parse().ok())?
        })
        .unwrap_or(0);
    while buf.len() < head_end + length {
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    Some(status)
}

#[derive(Default)]
struct Tally {
    latencies_us: Vec<u64>,
    non_200: u64,
    failed: u64,
}

async fn client(addr: String, stop: Arc<AtomicBool>, index: usize) -> Tally {
    let mut tally = Tally::default();
    let mut buf = Vec::new();
    let mut turn = index;
    'connect: while !stop.load(Ordering::Relaxed) {
        let Ok(mut stream) = TcpStream::connect(&addr).await else {
            tally.failed += 1;
            tokio::time::sleep(Duration::from_millis(10)).await;
            continue;
        };
        let _ = stream.set_nodelay(true);
        while !stop.load(Ordering::Relaxed) {
            let path = PATHS[turn % PATHS.len()];
            turn += 1;
            let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\n\r\n");
            let started = Instant::now();
            match exchange(&mut stream, request.as_bytes(), &mut buf).await {
                Some(status) => {
                    tally
                        .latencies_us
                        .push(started.elapsed().as_micros() as u64);
                    if status != 200 {
                        tally.non_200 += 1;
                    }
                }
                None => {
                    tally.failed += 1;
                    continue 'connect;
                }
            }
        }
    }
    tally
}

/// A client that sends its headers a byte a second, reconnecting whenever it is cut.
async fn slow_client(addr: String, stop: Arc<AtomicBool>, cuts: Arc<AtomicU64>) {
    let head = b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    while !stop.load(Ordering::Relaxed) {
        let Ok(mut stream) = TcpStream::connect(&addr).await else {
            tokio::time::sleep(Duration::from_millis(100)).await;
            continue;
        };
        for byte in head {
            if stop.load(Ordering::Relaxed) || stream.write_all(&[*byte]).await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
        cuts.fetch_add(1, Ordering::Relaxed);
    }
}

fn percentile(sorted: &[u64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i] as f64 / 1000.0
}

fn main() {
    let o = options();
    let server = common::Server::start(std::path::Path::new(&o.root));
    let addr = server.addr.clone();

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let cuts = Arc::new(AtomicU64::new(0));
    let (tallies, elapsed) = runtime.block_on(async {
        for _ in 0..o.slow {
            tokio::spawn(slow_client(addr.clone(), stop.clone(), cuts.clone()));
        }
        let tasks: Vec<_> = (0..o.clients)
            .map(|i| tokio::spawn(client(addr.clone(), stop.clone(), i)))
            .collect();
        let started = Instant::now();
        tokio::time::sleep(Duration::from_secs_f64(o.seconds)).await;
        stop.store(true, Ordering::Relaxed);
        let mut tallies = Vec::new();
        for t in tasks {
            tallies.push(t.await.unwrap());
        }
        (tallies, started.elapsed())
    });
    drop(server);

    let mut latencies: Vec<u64> = tallies
        .iter()
        .flat_map(|t| t.latencies_us.iter().copied())
        .collect();
    latencies.sort_unstable();
    let non_200: u64 = tallies.iter().map(|t| t.non_200).sum();
    let failed: u64 = tallies.iter().map(|t| t.failed).sum();
    let starved = tallies.iter().filter(|t| t.latencies_us.is_empty()).count();
    println!(
        "facepoints-serve under load: {} keep-alive clients, {} slow clients, {:.0} s, files {:?}",
        o.clients,
        o.slow,
        elapsed.as_secs_f64(),
        PATHS
    );
    println!(
        "| requests | req/s | p50 ms | p90 ms | p99 ms | max ms | non-200 | failed | clients served none | slow clients cut |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    println!(
        "| {} | {:.0} | {:.2} | {:.2} | {:.2} | {:.2} | {} | {} | {} | {} |",
        latencies.len(),
        latencies.len() as f64 / elapsed.as_secs_f64(),
        percentile(&latencies, 0.50),
        percentile(&latencies, 0.90),
        percentile(&latencies, 0.99),
        percentile(&latencies, 1.0),
        non_200,
        failed,
        starved,
        cuts.load(Ordering::Relaxed),
    );
}
