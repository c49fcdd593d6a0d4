//! The open-file limit under the connection cap. Each connection holds a descriptor for its
//! socket and, while it sends a file, one for that file; a process over its limit can accept
//! no one, and the clients past it wait unanswered in the listen queue instead of being told
//! to retry. Many systems start processes with a soft limit of 1,024 (macOS: 256) under a
//! much higher hard one, so `serve` raises the soft limit as far as its cap needs, and where
//! the hard limit is lower it serves fewer connections and says so.

/// Descriptors the server holds beside its connections: standard streams, the listener, the
/// runtime's event queue and wakers, with room to spare.
const RESERVE: u64 = 16;

/// Descriptors one connection may hold at once: its socket and the file it sends.
const PER_CONNECTION: u64 = 2;

/// The open files `connections` connections need, the server's own included.
fn files_for(connections: u64) -> u64 {
    RESERVE + PER_CONNECTION * connections
}

/// What the open-file limit allows `wanted` connections to be, after raising the soft limit
/// (never past the hard one) as far as they need: `wanted`, or fewer with a note saying why.
/// An error when the limit leaves no room for a single connection.
pub fn fit(wanted: usize) -> Result<(usize, Option<String>), String> {
    let need = files_for(wanted as u64);
    let Some((soft, hard)) = limit::get() else {
        return Ok((wanted, None)); // no such limit here (Windows), or unreadable: trust the cap
    };
    let have = if soft >= need {
        soft
    } else {
        raise(soft, need.min(hard), |files| limit::set_soft(files, hard))
    };
    allowed(wanted, have)
}

/// The highest soft limit from `soft` up to `target` that `set` takes, trying `target` first
/// and then halfway down each time it is refused (macOS refuses more than its per-process
/// maximum even under an unlimited hard limit; Linux, more than `fs.nr_open`).
fn raise(soft: u64, target: u64, mut set: impl FnMut(u64) -> bool) -> u64 {
    let mut try_to = target;
    while try_to > soft {
        if set(try_to) {
            return try_to;
        }
        try_to = soft + (try_to - soft) / 2;
    }
    soft
}

/// Connections `have` descriptors hold, at most `wanted`.
fn allowed(wanted: usize, have: u64) -> Result<(usize, Option<String>), String> {
    let room = have.saturating_sub(RESERVE) / PER_CONNECTION;
    if room == 0 {
        return Err(format!(
            "the open-file limit ({have}) leaves no room for a connection: raise it (`ulimit -n {}`)",
            files_for(64)
        ));
    }
    if room >= wanted as u64 {
        return Ok((wanted, None));
    }
    Ok((
        room as usize,
        Some(format!(
            "warning: the open-file limit ({have}) holds {room} connections, not the {wanted} of \
             --max-connections: serving at most {room} (raise the limit with `ulimit -n {}`, or \
             pass --max-connections {room} to silence this)",
            files_for(wanted as u64)
        )),
    ))
}

#[cfg(unix)]
#[allow(clippy::unnecessary_cast)] // rlim_t is u64 on Linux and macOS, not everywhere
mod limit {
    /// The soft and hard limits on open files (`u64::MAX` for none).
    pub fn get() -> Option<(u64, u64)> {
        let mut now = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: getrlimit writes one rlimit into the struct it is given.
        if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut now) } != 0 {
            return None;
        }
        Some((as_u64(now.rlim_cur), as_u64(now.rlim_max)))
    }

    /// Sets the soft limit to `files` (at most `hard`, the hard limit `get` read); whether
    /// it took.
    pub fn set_soft(files: u64, hard: u64) -> bool {
        let new = libc::rlimit {
            rlim_cur: files.min(hard) as libc::rlim_t,
            rlim_max: if hard == u64::MAX {
                libc::RLIM_INFINITY
            } else {
                hard as libc::rlim_t
            },
        };
        // SAFETY: setrlimit reads the struct it is given.
        unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &new) == 0 }
    }

    fn as_u64(limit: libc::rlim_t) -> u64 {
        if limit == libc::RLIM_INFINITY {
            u64::MAX
        } else {
            limit as u64
        }
    }
}

#[cfg(not(unix))]
mod limit {
    pub fn get() -> Option<(u64, u64)> {
        None
    }

    pub fn set_soft(_: u64, _: u64) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_limit_with_room_keeps_the_cap() {
        assert_eq!(allowed(2048, 20_000).unwrap(), (2048, None));
        assert_eq!(allowed(4, 24).unwrap(), (4, None));
    }

    #[test]
    fn a_lower_limit_lowers_the_cap_and_says_how_to_raise_it() {
        let (n, note) = allowed(2048, 1024).unwrap();
        assert_eq!(n, 504);
        let note = note.unwrap();
        assert!(note.contains("(1024) holds 504 connections"), "{note}");
        assert!(note.contains("ulimit -n 4112"), "{note}");
        assert!(allowed(1, 17).is_err_and(|e| e.contains("no room")));
    }

    #[test]
    fn a_refused_raise_settles_for_the_most_the_system_takes() {
        let mut tried = Vec::new();
        let mut set = |n: u64| {
            tried.push(n);
            n <= 10_240
        };
        assert_eq!(raise(256, 4112, &mut set), 4112);
        let got = raise(256, 2_000_016, &mut set);
        assert!((5_000..=10_240).contains(&got), "{got}");
        assert_eq!(raise(256, 4112, |_| false), 256);
        assert_eq!(raise(5000, 4112, |_| panic!("no raise needed")), 5000);
        assert!(tried.len() < 40, "{tried:?}");
    }

    #[test]
    fn a_cap_within_the_soft_limit_changes_nothing() {
        let Some((soft, hard)) = limit::get() else {
            return;
        };
        // Ask for what the current soft limit already holds (raising it is tested through the
        // server, under `ulimit`, in tests/limits.rs).
        let within = (soft.min(1 << 20).saturating_sub(RESERVE) / PER_CONNECTION).max(1) as usize;
        assert_eq!(fit(within).unwrap(), (within, None));
        assert_eq!(limit::get(), Some((soft, hard)));
    }
}
