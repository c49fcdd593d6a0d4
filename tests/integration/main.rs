//! The integration tests, one binary (one link): each module tests one area through the
//! public API or the `facepoints` binary; `common` holds what they share.

mod common;

mod accuracy;
mod augment_properties;
mod backends;
mod bad_input;
mod cli;
mod csv_errors;
mod csv_roundtrip;
mod detection;
mod documented_commands;
mod real_data;
mod scale_out;
mod training;
