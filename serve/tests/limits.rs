//! `facepoints serve` against clients that hold on: slow headers, idle keep-alive, a
//! response nobody reads, more connections than the cap, oversized heads and bodies. Each
//! attack runs over raw TCP while an ordinary client checks the page is still served.
#![cfg(unix)]

mod common;

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::{Reply, Server, site};

/// Reads until the server closes the connection, or `limit` passes: the bytes, and whether
/// it was closed (EOF or reset) within the limit.
fn read_until_closed(stream: &mut TcpStream, limit: Duration) -> (Vec<u8>, bool) {
    let end = Instant::now() + limit;
    let mut got = Vec::new();
    let mut buf = [0u8; 64 * 1024];
    loop {
        let left = end.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return (got, false);
        }
        stream.set_read_timeout(Some(left)).unwrap();
        match stream.read(&mut buf) {
            Ok(0) => return (got, true),
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                return (got, false);
            }
            Err(_) => return (got, true),
        }
    }
}

fn connect(server: &Server) -> TcpStream {
    let stream = TcpStream::connect(&server.addr).unwrap();
    stream.set_nodelay(true).unwrap();
    stream
}

#[test]
fn headers_sent_a_byte_at_a_time_are_cut_while_others_are_served() {
    let dir = site();
    let server = Server::start_with(&dir.path().join("site"), &["--header-timeout", "1"]);
    // 64 clients each trickle a request line, one byte every 100 ms (it would take them
    // seconds to finish their headers).
    let mut slow: Vec<TcpStream> = (0..64).map(|_| connect(&server)).collect();
    let line =
        b"GET /index.html HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    let started = Instant::now();
    let mut cut = vec![false; slow.len()];
    for &byte in line.iter() {
        for (i, s) in slow.iter_mut().enumerate() {
            if !cut[i] && s.write_all(&[byte]).is_err() {
                cut[i] = true;
            }
        }
        if cut.iter().all(|&c| c) {
            break;
        }
        // Meanwhile an ordinary client gets the page.
        if started.elapsed() < Duration::from_millis(500) {
            assert_eq!(server.get("/", &[]).status, 200);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    for (i, s) in slow.iter_mut().enumerate() {
        let (_, closed) = read_until_closed(s, Duration::from_secs(3));
        assert!(
            cut[i] || closed,
            "slow client {i} still open after {:?}",
            started.elapsed()
        );
    }
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(server.get("/", &[]).status, 200);
}

#[test]
fn an_idle_kept_alive_connection_is_closed_after_the_header_timeout() {
    let dir = site();
    let server = Server::start_with(&dir.path().join("site"), &["--header-timeout", "1"]);
    let mut stream = connect(&server);
    // Two requests on one connection: keep-alive works...
    for _ in 0..2 {
        stream
            .write_all(b"GET /www/style.css HTTP/1.1\r\nHost: x\r\n\r\n")
            .unwrap();
        let mut reply = Vec::new();
        let mut buf = [0u8; 4096];
        while !reply.windows(6).any(|w| w == b"body{}") {
            let n = stream.read(&mut buf).unwrap();
            assert!(n > 0, "closed while kept alive");
            reply.extend_from_slice(&buf[..n]);
        }
        assert_eq!(Reply::parse(&reply).status, 200);
    }
    // ...and then, idle, it is closed.
    let idle = Instant::now();
    let (rest, closed) = read_until_closed(&mut stream, Duration::from_secs(5));
    assert!(closed, "still open after {:?}", idle.elapsed());
    assert!(rest.is_empty(), "{}", String::from_utf8_lossy(&rest));
    assert!(
        idle.elapsed() >= Duration::from_millis(900),
        "{:?}",
        idle.elapsed()
    );
}

#[test]
fn a_client_that_stops_reading_its_response_is_cut() {
    let dir = site();
    let root = dir.path().join("site");
    // Far more than the socket buffers on both sides hold.
    let size = 64 << 20;
    std::fs::write(root.join("pkg/big.bin"), vec![7u8; size]).unwrap();
    let server = Server::start_with(&root, &["--stall-timeout", "1"]);
    let mut stream = connect(&server);
    stream
        .write_all(b"GET /pkg/big.bin HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    // The client reads nothing for 3 s: the server's writes stall and it gives up.
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(server.get("/", &[]).status, 200);
    let (got, closed) = read_until_closed(&mut stream, Duration::from_secs(10));
    assert!(closed);
    assert!(
        got.len() < size,
        "{} bytes: the whole file came through",
        got.len()
    );
    // A client that reads gets all of it.
    let whole = server.get("/pkg/big.bin", &[]);
    assert_eq!((whole.status, whole.body.len()), (200, size));
}

#[test]
fn a_connection_over_the_cap_is_told_to_retry_and_a_freed_slot_is_reused() {
    let dir = site();
    let server = Server::start_with(&dir.path().join("site"), &["--max-connections", "4"]);
    let mut held: Vec<TcpStream> = (0..4).map(|_| connect(&server)).collect();
    std::thread::sleep(Duration::from_millis(200));
    let busy = server.get("/", &[]);
    assert_eq!(busy.status, 503, "{}", busy.text());
    assert_eq!(busy.header("retry-after"), Some("1"));
    assert!(
        busy.text().contains("too many connections"),
        "{}",
        busy.text()
    );

    // One of the four leaves: its slot serves the next client.
    drop(held.pop());
    let started = Instant::now();
    loop {
        let reply = server.get("/", &[]);
        if reply.status == 200 {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(5), "no slot freed");
        std::thread::sleep(Duration::from_millis(50));
    }
    // The held connections still work.
    held[0]
        .write_all(b"GET /www/style.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    let (raw, closed) = read_until_closed(&mut held[0], Duration::from_secs(5));
    assert!(closed);
    assert_eq!(Reply::parse(&raw).text(), "body{}");
}

#[test]
fn oversized_heads_and_request_bodies_are_refused_without_being_read() {
    let dir = site();
    let server = Server::start(&dir.path().join("site"));
    let long_value = "a".repeat(20_000);
    let header = format!("X-Long: {long_value}");
    let long = server.get("/", &[&header]);
    assert_eq!(long.status, 431, "a 20 kB header");
    let many: Vec<String> = (0..100).map(|i| format!("X-H{i}: v")).collect();
    let many: Vec<&str> = many.iter().map(String::as_str).collect();
    assert_eq!(server.get("/", &many).status, 431, "100 headers");
    let uri = format!("/www/{}", "a".repeat(20_000));
    let status = server.get(&uri, &[]).status;
    assert!(matches!(status, 414 | 431), "a 20 kB path: {status}");

    // A GET announcing a body; a POST announcing a terabyte and sending a little of it: each
    // is answered at once and the connection closed, the body never read.
    for (head, status) in [
        (
            "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello",
            413,
        ),
        (
            "GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n",
            413,
        ),
        (
            "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000000\r\n\r\nxxxx",
            405,
        ),
    ] {
        let mut stream = connect(&server);
        stream.write_all(head.as_bytes()).unwrap();
        let started = Instant::now();
        let (raw, closed) = read_until_closed(&mut stream, Duration::from_secs(5));
        assert!(closed, "{head:?} left open");
        assert!(started.elapsed() < Duration::from_secs(3), "{head:?}");
        assert_eq!(Reply::parse(&raw).status, status, "{head:?}");
    }
    assert_eq!(server.get("/", &[]).status, 200);
}

#[test]
fn limits_that_make_no_sense_are_refused_naming_the_flag() {
    let dir = site();
    for (flag, value) in [
        ("--max-connections", "0"),
        ("--max-connections", "-3"),
        ("--header-timeout", "0"),
        ("--header-timeout", "NaN"),
        ("--stall-timeout", "-1"),
        ("--stall-timeout", "inf"),
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_facepoints-serve"))
            .args(["--port", "0", "--root"])
            .arg(dir.path().join("site"))
            .arg(format!("{flag}={value}"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{flag} {value}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(flag) && err.contains(value), "{err}");
    }
}

/// A kept-alive connection that has had one page answered (so the server holds it).
fn served_and_held(server: &Server) -> TcpStream {
    let mut stream = connect(server);
    stream
        .write_all(b"GET /www/style.css HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut raw = Vec::new();
    let mut buf = [0u8; 1024];
    while !raw.ends_with(b"body{}") {
        let n = stream
            .read(&mut buf)
            .expect("an answer within 10 s (not left waiting to be accepted)");
        assert!(n > 0, "closed: {}", String::from_utf8_lossy(&raw));
        raw.extend_from_slice(&buf[..n]);
    }
    assert_eq!(Reply::parse(&raw).status, 200);
    stream
}

#[test]
fn an_open_file_limit_under_the_cap_lowers_the_cap_and_says_so() {
    let dir = site();
    // 64 files, soft and hard: room for (64 - 16) / 2 = 24 connections of a socket and a file.
    let server = Server::start_under_ulimit(&dir.path().join("site"), "-n 64", &[]);
    let held: Vec<TcpStream> = (0..24).map(|_| served_and_held(&server)).collect();
    // The next is told to retry rather than left unaccepted.
    let busy = server.get("/", &[]);
    assert_eq!(busy.status, 503, "{}", busy.text());
    drop(held);
    let said = server.stop();
    assert!(
        said.contains("the open-file limit (64) holds 24 connections, not the 2048")
            && said.contains("ulimit -n 4112"),
        "{said}"
    );
}

#[test]
fn a_low_soft_open_file_limit_is_raised_to_what_the_cap_needs() {
    let dir = site();
    // A soft limit of 64 under a higher hard one: raised, so 150 clients are all served.
    let server = Server::start_under_ulimit(
        &dir.path().join("site"),
        "-S -n 64",
        &["--max-connections", "200"],
    );
    let held: Vec<TcpStream> = (0..150).map(|_| served_and_held(&server)).collect();
    assert_eq!(server.get("/www/style.css", &[]).text(), "body{}");
    drop(held);
    let said = server.stop();
    assert!(!said.contains("open-file limit"), "{said}");
}
