//! Face data: the Kaggle CSV layout, splits, person groups and the submission format.

pub mod columns;
pub mod error;
pub mod faces;
pub mod groups;
pub mod kaggle_csv;
pub mod landmarks;
pub mod pixels;
pub mod source;
pub mod split;
pub mod submission;

pub use error::{DataError, Location};
pub use faces::{FaceFilter, FaceSet};
pub use kaggle_csv::{
    FaceReader, read_faces, read_faces_file, read_test_faces, read_test_faces_file,
};
pub use split::{
    Split, SplitError, SplitInfo, check_fraction, grouped_split, holdout, random_split,
};
