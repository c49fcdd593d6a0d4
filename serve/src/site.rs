//! The page as a static site: which files `facepoints serve` serves and with which headers.
//!
//! Only `/` (→ `index.html`), `/index.html`, and files under `/www/` and `/pkg/` are served;
//! everything else is 404, as is any path that leaves the root (`..`, encoded or not), names a
//! hidden file, or resolves through a symlink to a file outside the root. Files are served by
//! tower-http's `ServeDir` (MIME types, ranges, precompressed `.br` / `.gz` siblings); this
//! module guards it and adds the headers: cross-origin isolation, a strict CSP, `nosniff`, and
//! revalidation on every load with an ETag of the file's size and modification time in
//! nanoseconds, so a rebuilt engine is never served from a cache.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::time::UNIX_EPOCH;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::header::{self, HeaderName, HeaderValue};
use axum::http::{Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use percent_encoding::percent_decode_str;
use tower_http::services::ServeDir;

/// The page's Content-Security-Policy: its own scripts, workers, styles and fetches only;
/// WebAssembly compilation (`wasm-unsafe-eval`); photos and frames as `blob:` images.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
worker-src 'self'; connect-src 'self'; img-src 'self' blob: data:; media-src 'self' blob: mediastream:; \
style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// Headers on every response, 404s included.
const SECURITY_HEADERS: [(&str, &str); 6] = [
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-embedder-policy", "require-corp"),
    ("cross-origin-resource-policy", "same-origin"),
    ("content-security-policy", CONTENT_SECURITY_POLICY),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),
];

/// Top-level folders whose files are served (besides `index.html`).
const SERVED_FOLDERS: [&str; 2] = ["www", "pkg"];

/// Precompressed siblings `ServeDir` may send instead of a file.
const PRECOMPRESSED: [&str; 2] = ["br", "gz"];

/// The site's root folder, canonical (symlinks resolved).
#[derive(Debug, Clone)]
pub struct Site {
    root: PathBuf,
}

/// What a request path resolves to.
#[derive(Debug, PartialEq)]
enum Target {
    /// A regular file inside the root, with its validator; `precompressed` is false when a
    /// `.br` / `.gz` sibling must not be used (older than the file, or outside the root).
    File {
        etag: String,
        precompressed: bool,
    },
    NotFound,
}

impl Site {
    /// A site rooted at `root`, which must hold `index.html`.
    pub fn new(root: &Path) -> Result<Self, String> {
        let root = root
            .canonicalize()
            .map_err(|e| format!("{}: {e}", root.display()))?;
        if !root.join("index.html").is_file() {
            return Err(format!(
                "{}: no index.html here; pass --root <the folder with index.html, www/ and pkg/>",
                root.display()
            ));
        }
        Ok(Self { root })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The router: the guard in front of `ServeDir`.
    pub fn router(self) -> Router {
        let files = ServeDir::new(&self.root)
            .append_index_html_on_directories(true)
            .precompressed_br()
            .precompressed_gzip();
        Router::new()
            .fallback_service(files)
            .layer(middleware::from_fn_with_state(Arc::new(self), guard))
    }

    /// Resolves a request's (still percent-encoded) path to a served file, or not found.
    fn resolve(&self, uri_path: &str) -> Target {
        let Some(relative) = served_path(uri_path) else {
            return Target::NotFound;
        };
        let file = self.root.join(&relative);
        let Some(meta) = self.inside(&file) else {
            return Target::NotFound;
        };
        let mut etag = validator(&meta);
        let mut precompressed = true;
        for ext in PRECOMPRESSED {
            let sibling = PathBuf::from(format!("{}.{ext}", file.display()));
            if std::fs::symlink_metadata(&sibling).is_err() {
                continue;
            }
            match self.inside(&sibling) {
                Some(m) if modified_ns(&m) >= modified_ns(&meta) => {
                    etag.push('-');
                    etag.push_str(&validator(&m));
                }
                _ => precompressed = false,
            }
        }
        Target::File {
            etag: format!("W/\"{etag}\""),
            precompressed,
        }
    }

    /// The metadata of `path` if it is a regular file whose real location (links followed) is
    /// one the site serves: `index.html`, or a file under a served folder with no hidden
    /// name on the way. A link in `www/` to the repository's `Cargo.toml` or to `www/.env`
    /// serves nothing.
    fn inside(&self, path: &Path) -> Option<std::fs::Metadata> {
        let real = path.canonicalize().ok()?;
        let meta = std::fs::metadata(&real).ok()?;
        let relative = real.strip_prefix(&self.root).ok()?;
        let names: Vec<&str> = relative
            .components()
            .map(|c| match c {
                Component::Normal(name) => name.to_str().filter(|n| !n.starts_with('.')),
                _ => None,
            })
            .collect::<Option<_>>()?;
        let served = match names.as_slice() {
            ["index.html"] => true,
            [folder, _, ..] => SERVED_FOLDERS.contains(folder),
            _ => false,
        };
        (served && meta.is_file()).then_some(meta)
    }
}

/// The file path a request path names, relative to the root, if it is one the site serves:
/// `index.html` for `/`, or a file under a served folder; no `..`, no hidden names.
fn served_path(uri_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode_str(uri_path).decode_utf8().ok()?;
    let mut parts = Vec::new();
    for component in Path::new(decoded.trim_start_matches('/')).components() {
        match component {
            Component::Normal(name) => {
                let name = name.to_str()?;
                if name.starts_with('.') || name.contains('\\') || name.contains('\0') {
                    return None;
                }
                parts.push(name);
            }
            Component::CurDir => {}
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    match parts.as_slice() {
        [] => Some(PathBuf::from("index.html")),
        ["index.html"] => Some(PathBuf::from("index.html")),
        [folder, _, ..] if SERVED_FOLDERS.contains(folder) => Some(parts.iter().collect()),
        _ => None,
    }
}

/// Size and modification time (ns) as hex: changes whenever a file is rewritten.
fn validator(meta: &std::fs::Metadata) -> String {
    format!("{:x}-{:x}", meta.len(), modified_ns(meta))
}

fn modified_ns(meta: &std::fs::Metadata) -> u128 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos())
}

/// Whether an `If-None-Match` header value matches `etag` (weak comparison).
fn etag_matches(if_none_match: &str, etag: &str) -> bool {
    let bare = |t: &str| t.trim().trim_start_matches("W/").to_string();
    if_none_match
        .split(',')
        .any(|t| t.trim() == "*" || bare(t) == bare(etag))
}

/// `response`, ending its connection: a refused request's body (if any) is never read, so
/// the connection cannot carry another request after it.
fn closing(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

/// Whether a request announces a body (a length above 0, or chunks).
fn carries_body(request: &Request) -> bool {
    let headers = request.headers();
    headers.contains_key(header::TRANSFER_ENCODING)
        || headers
            .get(header::CONTENT_LENGTH)
            .is_some_and(|v| v.as_bytes() != b"0")
}

async fn guard(State(site): State<Arc<Site>>, mut request: Request, next: Next) -> Response {
    let mut response = if !matches!(*request.method(), Method::GET | Method::HEAD) {
        let mut refused = (StatusCode::METHOD_NOT_ALLOWED, "only GET and HEAD\n").into_response();
        // RFC 9110: a 405 names the methods the resource has.
        refused
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        closing(refused)
    } else if carries_body(&request) {
        // Nothing here reads a request's body: one that announces one is refused unread (and
        // hyper closes the connection rather than read it through).
        closing(
            (
                StatusCode::PAYLOAD_TOO_LARGE,
                "this server takes no request body\n",
            )
                .into_response(),
        )
    } else if let Target::File {
        etag,
        precompressed,
    } = site.resolve(request.uri().path())
    {
        let headers = request.headers_mut();
        // Dates have one-second resolution: a rebuild within the second would look fresh.
        headers.remove(header::IF_MODIFIED_SINCE);
        headers.remove(header::IF_UNMODIFIED_SINCE);
        // If-Range: this server's validators are weak ETags (and one-second dates), which
        // RFC 9110 never lets match there, so the whole current file is sent rather than a
        // range of it that a client would splice onto another version.
        if headers.remove(header::IF_RANGE).is_some() {
            headers.remove(header::RANGE);
        }
        // Several ranges: the whole file (200), as RFC 9110 allows, not multipart/byteranges.
        let ranges = headers.get(header::RANGE).and_then(|v| v.to_str().ok());
        if ranges.is_some_and(|r| r.contains(',')) {
            headers.remove(header::RANGE);
        }
        if !precompressed {
            headers.remove(header::ACCEPT_ENCODING);
        }
        let fresh = headers
            .get(header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| etag_matches(v, &etag));
        let mut response = if fresh {
            StatusCode::NOT_MODIFIED.into_response()
        } else {
            next.run(request).await
        };
        if let Ok(value) = HeaderValue::from_str(&etag) {
            response.headers_mut().insert(header::ETAG, value);
        }
        response
    } else {
        (StatusCode::NOT_FOUND, "not found\n").into_response()
    };
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    for (name, value) in SECURITY_HEADERS {
        headers.insert(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_page_and_its_folders_are_served() {
        let ok = |p: &str| served_path(p).map(|p| p.to_string_lossy().into_owned());
        assert_eq!(ok("/").as_deref(), Some("index.html"));
        assert_eq!(ok("/index.html").as_deref(), Some("index.html"));
        assert_eq!(ok("/www/js/page.js").as_deref(), Some("www/js/page.js"));
        assert_eq!(
            ok("/pkg/cpu/facepoints_bg.wasm").as_deref(),
            Some("pkg/cpu/facepoints_bg.wasm")
        );
        assert_eq!(ok("/www/./js/page.js").as_deref(), Some("www/js/page.js"));
        for refused in [
            "/Cargo.toml",
            "/src/main.rs",
            "/www",
            "/www/",
            "/.git/config",
            "/www/.hidden",
            "/www/../Cargo.toml",
            "/www/%2e%2e/Cargo.toml",
            "/www%2f..%2fCargo.toml",
            "/www/js%2f..%2f..%2fCargo.toml",
            "//etc/passwd",
            "/%2fetc/passwd",
            "/www/..%5c..%5cCargo.toml",
            "/www/%00",
            "/www/%ff",
        ] {
            assert_eq!(ok(refused), None, "{refused}");
        }
    }

    #[test]
    fn etags_compare_weakly_and_in_lists() {
        assert!(etag_matches("W/\"1-2\"", "W/\"1-2\""));
        assert!(etag_matches("\"0\", W/\"1-2\"", "W/\"1-2\""));
        assert!(etag_matches("*", "W/\"1-2\""));
        assert!(!etag_matches("W/\"1-3\"", "W/\"1-2\""));
    }
}
