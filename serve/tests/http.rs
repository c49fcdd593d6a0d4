//! `facepoints serve` (this crate's binary: the same server) as a browser (or an attacker)
//! talks to it: raw HTTP/1.1 over TCP, so paths reach the server exactly as written (no
//! client-side `..` normalisation).
#![cfg(unix)]

mod common;

use common::{Reply, Server, site};

use std::io::Read;
use std::net::TcpStream;
use std::process::Command;
use std::time::Duration;

fn assert_page_headers(reply: &Reply, what: &str) {
    for (name, value) in [
        ("cross-origin-opener-policy", "same-origin"),
        ("cross-origin-embedder-policy", "require-corp"),
        ("cross-origin-resource-policy", "same-origin"),
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "no-referrer"),
        ("cache-control", "no-cache"),
        ("vary", "accept-encoding"),
    ] {
        assert_eq!(reply.header(name), Some(value), "{what}: {name}");
    }
    // Every directive of the policy, each exactly: the page's own files only.
    let csp = reply.header("content-security-policy").unwrap_or_default();
    let directives: Vec<&str> = csp.split(';').map(str::trim).collect();
    for directive in [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "worker-src 'self'",
        "connect-src 'self'",
        "img-src 'self' blob: data:",
        "media-src 'self' blob: mediastream:",
        "style-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ] {
        assert!(
            directives.contains(&directive),
            "{what}: {directive} in {csp}"
        );
    }
    assert_eq!(directives.len(), 11, "{what}: no other directive in {csp}");
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("http"),
        "{what}: {csp}"
    );
}

#[test]
fn the_page_files_are_served_with_their_types_and_headers() {
    let dir = site();
    let server = Server::start(&dir.path().join("site"));
    for (path, mime, body) in [
        ("/", "text/html", "<!doctype html><title>t</title>"),
        (
            "/index.html",
            "text/html",
            "<!doctype html><title>t</title>",
        ),
        ("/www/js/page.js", "text/javascript", "export const x = 1;"),
        ("/www/style.css", "text/css", "body{}"),
        ("/www/models/m.fpk", "application/octet-stream", "FPKM"),
        (
            "/pkg/cpu/facepoints.js",
            "text/javascript",
            "export default 1;",
        ),
        (
            "/pkg/cpu/facepoints_bg.wasm",
            "application/wasm",
            "\0asm-identity",
        ),
    ] {
        let reply = server.get(path, &[]);
        assert_eq!(reply.status, 200, "{path}");
        assert_eq!(reply.header("content-type"), Some(mime), "{path}");
        assert_eq!(reply.text(), body, "{path}");
        assert!(reply.header("etag").is_some(), "{path}");
        assert_page_headers(&reply, path);
    }
    let head = server.request("HEAD", "/pkg/cpu/facepoints_bg.wasm", &[]);
    assert_eq!((head.status, head.body.len()), (200, 0));
    assert_eq!(head.header("content-length"), Some("13"));
}

#[test]
fn nothing_outside_the_page_is_reachable() {
    let dir = site();
    let server = Server::start(&dir.path().join("site"));
    for path in [
        "/missing.html",
        "/www/js/missing.js",
        "/Cargo.toml",
        "/www",
        "/www/",
        "/pkg/cpu/",
        "/www/.env",
        "/www/link.txt",
        "/pkg/out/secret.txt",
        "/../secret.txt",
        "/www/../../secret.txt",
        "/www/%2e%2e/%2e%2e/secret.txt",
        "/www/%2E%2E%2F%2E%2E%2Fsecret.txt",
        "/www%2f..%2f..%2fsecret.txt",
        "/www/..%5c..%5csecret.txt",
        "//etc/passwd",
        "/%2fetc/passwd",
        "/www/%00",
        &format!("/{}", dir.path().join("secret.txt").display()),
        &format!("/www/{}", dir.path().join("secret.txt").display()),
    ] {
        let reply = server.get(path, &[]);
        assert_eq!(reply.status, 404, "{path}: {}", reply.text());
        assert!(
            !reply.text().contains("secret") && !reply.text().contains("TOKEN"),
            "{path}"
        );
        assert_page_headers(&reply, path);
    }
    for method in ["POST", "PUT", "DELETE", "OPTIONS", "PATCH"] {
        let refused = server.request(method, "/index.html", &["Content-Length: 0"]);
        assert_eq!(refused.status, 405, "{method}");
        assert_eq!(refused.header("allow"), Some("GET, HEAD"), "{method}");
    }
}

#[test]
fn a_range_is_served_alone_several_ranges_or_an_if_range_get_the_whole_file() {
    let dir = site();
    let server = Server::start(&dir.path().join("site"));
    let whole = server.get("/pkg/cpu/facepoints_bg.wasm", &[]);
    assert_eq!(whole.status, 200);
    let one = server.get("/pkg/cpu/facepoints_bg.wasm", &["Range: bytes=1-3"]);
    assert_eq!(one.status, 206);
    assert_eq!(one.body, whole.body[1..=3]);
    let etag = whole.header("etag").unwrap().to_string();
    for extra in [
        "Range: bytes=0-1, 3-4".to_string(),
        format!("If-Range: {etag}"),
        "If-Range: Sat, 05 Dec 2026 00:00:00 GMT".to_string(),
    ] {
        let headers = if extra.starts_with("If-Range") {
            vec!["Range: bytes=1-3", extra.as_str()]
        } else {
            vec![extra.as_str()]
        };
        let reply = server.get("/pkg/cpu/facepoints_bg.wasm", &headers);
        assert_eq!(reply.status, 200, "{headers:?}");
        assert_eq!(reply.body, whole.body, "{headers:?}");
    }
}

#[test]
fn precompressed_files_are_used_only_while_current() {
    let dir = site();
    let root = dir.path().join("site");
    let wasm = root.join("pkg/cpu/facepoints_bg.wasm");
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(root.join("pkg/cpu/facepoints_bg.wasm.br"), "brotli-bytes").unwrap();
    let server = Server::start(&root);

    let br = server.get(
        "/pkg/cpu/facepoints_bg.wasm",
        &["Accept-Encoding: gzip, br"],
    );
    assert_eq!(br.status, 200);
    assert_eq!(br.header("content-encoding"), Some("br"));
    assert_eq!(br.header("content-type"), Some("application/wasm"));
    assert_eq!(br.text(), "brotli-bytes");
    assert_eq!(br.header("vary"), Some("accept-encoding"));
    let plain = server.get("/pkg/cpu/facepoints_bg.wasm", &[]);
    assert_eq!(
        (plain.header("content-encoding"), plain.text().as_str()),
        (None, "\0asm-identity")
    );

    // A rebuilt engine whose .br was not rebuilt: the stale sibling is not served.
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(&wasm, "\0asm-rebuilt!").unwrap();
    let fresh = server.get("/pkg/cpu/facepoints_bg.wasm", &["Accept-Encoding: br"]);
    assert_eq!(
        (fresh.header("content-encoding"), fresh.text().as_str()),
        (None, "\0asm-rebuilt!")
    );
}

#[test]
fn a_rebuilt_file_is_never_answered_from_the_cache() {
    let dir = site();
    let root = dir.path().join("site");
    let server = Server::start(&root);
    let first = server.get("/pkg/cpu/facepoints.js", &[]);
    let etag = first.header("etag").unwrap().to_string();
    let again = server.get(
        "/pkg/cpu/facepoints.js",
        &[&format!("If-None-Match: {etag}")],
    );
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());
    assert_page_headers(&again, "304");

    // Same size, rewritten within the same second: dates cannot tell, the ETag does.
    std::thread::sleep(Duration::from_millis(5));
    std::fs::write(root.join("pkg/cpu/facepoints.js"), "export default 2;").unwrap();
    let date = first
        .header("last-modified")
        .unwrap_or("Thu, 01 Jan 2099 00:00:00 GMT");
    let after = server.get(
        "/pkg/cpu/facepoints.js",
        &[
            &format!("If-None-Match: {etag}"),
            &format!("If-Modified-Since: {date}"),
        ],
    );
    assert_eq!(after.status, 200);
    assert_eq!(after.text(), "export default 2;");
    assert_ne!(after.header("etag"), Some(etag.as_str()));
}

#[test]
fn a_busy_port_and_a_wrong_root_get_clear_messages() {
    let dir = site();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let out = Command::new(env!("CARGO_BIN_EXE_facepoints-serve"))
        .args(["--port", &port, "--root"])
        .arg(dir.path().join("site"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("port {port} on 127.0.0.1 is already in use")),
        "{err}"
    );

    let out = Command::new(env!("CARGO_BIN_EXE_facepoints-serve"))
        .args(["--port", "0", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no index.html here"), "{err}");
}

#[test]
fn ctrl_c_stops_the_server_cleanly() {
    let dir = site();
    let mut server = Server::start(&dir.path().join("site"));
    assert_eq!(server.get("/", &[]).status, 200);
    let status = Command::new("kill")
        .args(["-INT", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let mut rest = String::new();
    server.stdout.read_to_string(&mut rest).unwrap();
    let exit = server.child.wait().unwrap();
    assert!(exit.success(), "{exit:?}");
    assert!(rest.contains("facepoints: stopped"), "{rest}");
    assert!(
        TcpStream::connect(&server.addr).is_err(),
        "the port is released"
    );
}

#[cfg(unix)]
#[test]
fn a_link_is_served_only_when_it_leads_to_a_file_the_site_serves() {
    let dir = site();
    let root = dir.path().join("site");
    let js = root.join("www/js");
    std::os::unix::fs::symlink("../../Cargo.toml", js.join("cargo.js")).unwrap();
    std::os::unix::fs::symlink("../.env", js.join("env.js")).unwrap();
    std::os::unix::fs::symlink("page.js", js.join("alias.js")).unwrap();
    let server = Server::start(&root);
    for path in ["/www/js/cargo.js", "/www/js/env.js"] {
        let reply = server.get(path, &[]);
        assert_eq!(reply.status, 404, "{path}: {}", reply.text());
        assert!(
            !reply.text().contains("[package]") && !reply.text().contains("TOKEN"),
            "{path}"
        );
    }
    let alias = server.get("/www/js/alias.js", &[]);
    assert_eq!(
        (alias.status, alias.text().as_str()),
        (200, "export const x = 1;")
    );
}
