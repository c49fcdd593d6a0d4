//! Model files (`.fpk`: one model or an ensemble), as the page and the command line load
//! them: any bytes give a model or an error, never a panic. The checksum is set right before
//! loading (when there is one) so mutations reach the description and the weights behind it.
#![no_main]

use facepoints::ensemble::Ensemble;
use facepoints::model_file::member_files;
use libfuzzer_sys::fuzz_target;

/// Sets the CRC field (bytes 8..12) to the checksum of what follows it, as a file that was
/// written whole would have it (both versions checksum the same span).
fn with_checksum(mut bytes: Vec<u8>) -> Vec<u8> {
    if bytes.len() >= 12 {
        let crc = crc32fast::hash(&bytes[12..]);
        bytes[8..12].copy_from_slice(&crc.to_le_bytes());
    }
    bytes
}

fuzz_target!(|data: &[u8]| {
    let device = Default::default();
    let _ = Ensemble::from_bytes(data, &device);
    if data.len() >= 12 && &data[..4] == b"FPKM" {
        let fixed = with_checksum(data.to_vec());
        if let Ok((_, members)) = member_files(&fixed) {
            assert!(!members.is_empty());
        }
        if let Ok(models) = Ensemble::from_bytes(&fixed, &device) {
            assert!(!models.is_empty());
            let _ = models.description();
        }
    }
});
