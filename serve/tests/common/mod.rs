//! What the tests of `facepoints-serve` share: the server as a child process (the same
//! server as `facepoints serve`), a raw HTTP/1.1 client over TCP, and a site folder.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running `facepoints serve` on a free port; killed when dropped.
pub struct Server {
    pub child: Child,
    pub stdout: BufReader<std::process::ChildStdout>,
    pub addr: String,
}

impl Server {
    pub fn start(root: &Path) -> Self {
        Self::start_with(root, &[])
    }

    /// With more flags (limits, say).
    pub fn start_with(root: &Path, flags: &[&str]) -> Self {
        Self::spawn(
            Command::new(env!("CARGO_BIN_EXE_facepoints-serve")),
            root,
            flags,
        )
    }

    /// Started by a shell after `ulimit {ulimit}` (e.g. "-n 64": the open-file limit).
    pub fn start_under_ulimit(root: &Path, ulimit: &str, flags: &[&str]) -> Self {
        let mut shell = Command::new("bash");
        shell
            .arg("-c")
            .arg(format!("ulimit {ulimit} && exec \"$0\" \"$@\""))
            .arg(env!("CARGO_BIN_EXE_facepoints-serve"));
        Self::spawn(shell, root, flags)
    }

    fn spawn(mut command: Command, root: &Path, flags: &[&str]) -> Self {
        let mut child = command
            .args(["--port", "0", "--root"])
            .arg(root)
            .args(flags)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        let addr = loop {
            line.clear();
            assert!(
                stdout.read_line(&mut line).unwrap() > 0,
                "serve exited early"
            );
            if let Some(rest) = line.split("open http://").nth(1) {
                break rest.split('/').next().unwrap().to_string();
            }
        };
        Self {
            child,
            stdout,
            addr,
        }
    }

    pub fn get(&self, path: &str, headers: &[&str]) -> Reply {
        self.request("GET", path, headers)
    }

    pub fn request(&self, method: &str, path: &str, headers: &[&str]) -> Reply {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
            self.addr
        );
        for h in headers {
            head.push_str(h);
            head.push_str("\r\n");
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        Reply::parse(&raw)
    }
}

impl Server {
    /// Stops the server: what it wrote to stderr.
    pub fn stop(mut self) -> String {
        let _ = self.child.kill();
        let mut text = String::new();
        if let Some(mut err) = self.child.stderr.take() {
            let _ = err.read_to_string(&mut text);
        }
        text
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn parse(raw: &[u8]) -> Self {
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a full response");
        let head = String::from_utf8_lossy(&raw[..split]).into_owned();
        let mut lines = head.split("\r\n");
        let status = lines
            .next()
            .unwrap()
            .split(' ')
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        Self {
            status,
            headers,
            body: raw[split + 4..].to_vec(),
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// A site folder (index.html, www/, pkg/, files that must stay private) inside a temp dir
/// that also holds a secret beside the site.
pub fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    for (path, body) in [
        ("index.html", "<!doctype html><title>t</title>"),
        ("Cargo.toml", "[package]"),
        ("www/js/page.js", "export const x = 1;"),
        ("www/style.css", "body{}"),
        ("www/models/m.fpk", "FPKM"),
        ("www/.env", "TOKEN=1"),
        ("pkg/cpu/facepoints.js", "export default 1;"),
        ("pkg/cpu/facepoints_bg.wasm", "\0asm-identity"),
    ] {
        let p = root.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, body).unwrap();
    }
    std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
    std::os::unix::fs::symlink(dir.path().join("secret.txt"), root.join("www/link.txt")).unwrap();
    std::os::unix::fs::symlink(dir.path(), root.join("pkg/out")).unwrap();
    dir
}
