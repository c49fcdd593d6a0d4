//! Serves the page (see `site`) on this machine until Ctrl-C: `facepoints serve` and
//! `facepoints-serve` both run [`run`].

mod connections;
mod open_files;
mod site;

use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::Args;
use tokio::net::TcpListener;

pub use connections::Limits;
pub use site::Site;

#[derive(Args, Debug)]
pub struct ServeArgs {
    /// The port to listen on (0: any free port; the URL printed names it).
    #[arg(long, default_value_t = 8000)]
    pub port: u16,
    /// The address to listen on. The default keeps the page on this machine; 0.0.0.0 or a
    /// network address makes it reachable from others (cameras and WebGPU need a secure
    /// context: localhost or HTTPS).
    #[arg(long, default_value = "127.0.0.1")]
    pub host: IpAddr,
    /// Open the page in the default browser.
    #[arg(long)]
    pub open: bool,
    /// The folder with index.html, www/ and pkg/ (default: the current folder if it has
    /// index.html, else the folder this binary was built from).
    #[arg(long)]
    pub root: Option<PathBuf>,
    /// Open connections at most; one more is answered 503 (try again) and closed.
    #[arg(long, default_value_t = Limits::default().max_connections, value_parser = connection_count)]
    pub max_connections: usize,
    /// Seconds a client has to send a request's headers, counted from when the connection
    /// waits for it (so also how long a kept-alive connection may sit idle).
    #[arg(long, value_name = "SECONDS", default_value_t = Seconds(Limits::default().header_timeout), value_parser = seconds)]
    pub header_timeout: Seconds,
    /// Seconds a connection in the middle of a request or response may move no byte before
    /// it is closed (a client that stops reading its response).
    #[arg(long, value_name = "SECONDS", default_value_t = Seconds(Limits::default().stall_timeout), value_parser = seconds)]
    pub stall_timeout: Seconds,
}

impl ServeArgs {
    fn limits(&self) -> Limits {
        Limits {
            max_connections: self.max_connections,
            header_timeout: self.header_timeout.0,
            stall_timeout: self.stall_timeout.0,
            ..Limits::default()
        }
    }
}

/// A number of connections, 1 to a million.
fn connection_count(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n) if (1..=1_000_000).contains(&n) => Ok(n),
        _ => Err(format!("`{text}` is not a whole number from 1 to 1000000")),
    }
}

/// A time limit as the command line writes it: seconds, fractions allowed ("10", "2.5").
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Seconds(pub Duration);

impl std::fmt::Display for Seconds {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0.as_secs_f64())
    }
}

/// A positive, finite number of seconds (fractions allowed), at most a day.
fn seconds(text: &str) -> Result<Seconds, String> {
    match text.parse::<f64>() {
        Ok(s) if s.is_finite() && s > 0.0 && s <= 86_400.0 => {
            Ok(Seconds(Duration::from_secs_f64(s)))
        }
        _ => Err(format!(
            "`{text}` is not a number of seconds above 0 and at most 86400"
        )),
    }
}

/// How long open connections may take to finish after Ctrl-C.
const DRAIN: Duration = Duration::from_secs(3);

/// Writes a note (a warning, the final error) and a line break to stderr; one that cannot be
/// written is dropped.
pub fn note(text: impl std::fmt::Display) {
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

/// Serves the page until Ctrl-C (or SIGTERM); the error is the message for the user.
pub fn run(args: ServeArgs) -> Result<(), String> {
    let site = Site::new(&site_root(args.root.as_deref()))?;
    if !site.root().join("pkg/cpu/facepoints_bg.wasm").is_file() {
        note(format_args!(
            "warning: {} has no built engine (pkg/cpu): run `bash scripts/build-web.sh` first",
            site.root().display()
        ));
    }
    let mut limits = args.limits();
    let (connections, warning) = open_files::fit(limits.max_connections)?;
    if let Some(warning) = warning {
        note(warning);
    }
    limits.max_connections = connections;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("could not start the server: {e}"))?;
    runtime.block_on(serve(
        site,
        SocketAddr::new(args.host, args.port),
        args.open,
        limits,
    ))?;
    Ok(())
}

/// `--root`, else the current folder if it holds the page, else the repository this binary
/// was built from (this crate's parent folder).
fn site_root(root: Option<&Path>) -> PathBuf {
    match root {
        Some(root) => root.to_path_buf(),
        None if Path::new("index.html").is_file() => PathBuf::from("."),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join(".."),
    }
}

async fn serve(site: Site, addr: SocketAddr, open: bool, limits: Limits) -> Result<(), String> {
    let listener = TcpListener::bind(addr)
        .await
        .map_err(|e| bind_error(&e, addr))?;
    let local = listener
        .local_addr()
        .map_err(|e| format!("could not start the server: {e}"))?;
    let url = page_url(local);
    // A closed stdout must not stop the server: the URL is a courtesy.
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "facepoints: serving {}", site.root().display());
    if !local.ip().is_loopback() {
        let _ = writeln!(
            out,
            "facepoints: listening on {local}: reachable from other machines"
        );
    }
    let _ = writeln!(out, "facepoints: open {url}  (Ctrl-C stops)");
    let _ = out.flush();
    drop(out);
    if open {
        open_browser(&url);
    }

    connections::serve(listener, site.router(), limits, stop_signal(), DRAIN).await;
    let _ = writeln!(std::io::stdout(), "facepoints: stopped");
    Ok(())
}

/// The URL to print: loopback when listening on every address.
fn page_url(local: SocketAddr) -> String {
    let ip = match local.ip() {
        ip if ip.is_unspecified() && ip.is_ipv4() => IpAddr::from([127, 0, 0, 1]),
        ip if ip.is_unspecified() => IpAddr::from([0, 0, 0, 0, 0, 0, 0, 1]),
        ip => ip,
    };
    format!("http://{}/", SocketAddr::new(ip, local.port()))
}

fn bind_error(e: &std::io::Error, addr: SocketAddr) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        AddrInUse => format!(
            "port {} on {} is already in use (another `facepoints serve`?): stop it, or pick \
             another port with --port (--port 0 takes any free one)",
            addr.port(),
            addr.ip()
        ),
        PermissionDenied => format!(
            "not allowed to listen on port {} (ports below 1024 need privileges): pick another \
             with --port",
            addr.port()
        ),
        AddrNotAvailable => format!(
            "{} is not an address of this machine: use --host 127.0.0.1 (this machine only) or \
             --host 0.0.0.0 (every network)",
            addr.ip()
        ),
        _ => format!("could not listen on {addr}: {e}"),
    }
}

/// Ctrl-C, or SIGTERM on Unix.
async fn stop_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut term) => {
                term.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = term => {}
    }
}

/// Opens `url` with the system's handler; says so when it cannot.
fn open_browser(url: &str) {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    if let Err(e) = command.arg(url).spawn() {
        note(format_args!(
            "could not open a browser ({e}): open {url} yourself"
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        serve: ServeArgs,
    }

    #[test]
    fn the_flags_default_to_the_servers_limits() {
        let args = Cli::parse_from(["serve"]).serve;
        assert_eq!(args.limits(), Limits::default());
        let args = Cli::parse_from(["serve", "--header-timeout", "2.5"]).serve;
        assert_eq!(args.header_timeout, Seconds(Duration::from_millis(2500)));
        assert!(Cli::try_parse_from(["serve", "--stall-timeout", "0"]).is_err());
    }
}
