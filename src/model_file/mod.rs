//! The `.fpk` model file, one format family (docs/model-format.md): every file starts with
//! `b"FPKM"` and a format version; version 1 holds one model (`checkpoint`), version 2 several
//! (`ensemble`: each member a whole version-1 file). One reader, [`member_files`], takes
//! either: a version-1 file is an ensemble of one.

mod checkpoint;
mod ensemble;

pub use checkpoint::{
    Checkpoint, CheckpointError, CheckpointMeta, FORMAT_VERSION, MAGIC, TrainingSummary,
    save_to_bytes, save_to_bytes_async,
};
pub use ensemble::{ENSEMBLE_VERSION, EnsembleInfo, MAX_MEMBERS, ensemble_to_bytes, member_files};
