//! Files written whole or not at all: the bytes go to a temporary file beside the target
//! (`.<name>.<random>.tmp`), which is flushed to disk and then renamed over the name. A reader
//! — another machine merging trial records, the page loading a model — sees the old file or
//! the new one, never half of one; a process killed mid-write leaves only a hidden `.tmp`.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path`, replacing what is there in one step.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let file = temporary(path, bytes)?;
    file.persist(path)
        .map_err(|e| format!("{}: {}", path.display(), e.error))?;
    sync_folder(path);
    Ok(())
}

/// Writes `bytes` to `path` unless something is there already: `Ok(false)` then, and the
/// file is left as it was (of two processes racing, exactly one writes).
pub fn create(path: &Path, bytes: &[u8]) -> Result<bool, String> {
    let file = temporary(path, bytes)?;
    match file.persist_noclobber(path) {
        Ok(_) => {
            sync_folder(path);
            Ok(true)
        }
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(format!("{}: {}", path.display(), e.error)),
    }
}

/// Whether `name` is a temporary file this module writes (left behind by a killed process).
pub fn is_temporary(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(".tmp")
}

/// `bytes` in a temporary file in `path`'s folder, on disk.
fn temporary(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile, String> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| format!("{}: not a file name", path.display()))?
        .to_string_lossy();
    let mut file = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(|e| format!("{}: {e}", folder.display()))?;
    file.write_all(bytes)
        .and_then(|()| file.as_file().sync_all())
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(file)
}

/// Flushes the folder's entry for `path` (the rename) to disk where the system allows it.
fn sync_folder(path: &Path) {
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty())
        && let Ok(dir) = std::fs::File::open(folder)
    {
        let _ = dir.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_replace_and_leave_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("record.json");
        write(&path, b"first").unwrap();
        write(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["record.json"]);
    }

    #[test]
    fn create_never_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.json");
        assert!(create(&path, b"one").unwrap());
        assert!(!create(&path, b"two").unwrap());
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn temporary_names_are_recognised() {
        let dir = tempfile::tempdir().unwrap();
        let file = temporary(&dir.path().join("trial-0001.json"), b"x").unwrap();
        let name = file
            .path()
            .file_name()
            .unwrap()
            .to_string_lossy()
            .to_string();
        assert!(is_temporary(&name), "{name}");
        assert!(!is_temporary("trial-0001.json"));
    }

    #[test]
    fn a_missing_folder_is_named() {
        let err = write(Path::new("/nonexistent-folder/x.json"), b"x").unwrap_err();
        assert!(err.contains("/nonexistent-folder"), "{err}");
    }
}
