// Written by `cargo run -p xtask -- detectors`: do not edit.
/// Each detector's weights (burnpack bytes) in `www/models/detectors.bin`, in order.
pub const PARTS: [(&str, usize); 2] = [
    ("face_detection_front_128x128_barracuda", 410624),
    ("face_detection_full_range", 2079488),
];
/// The file's length in bytes.
pub const LENGTH: usize = 2490112;
/// The file's CRC-32.
pub const CRC32: u32 = 0x719fa0fc;
/// The ONNX files they were generated from: (path, length, CRC-32).
pub const SOURCES: [(&str, usize, u32); 2] = [
    ("models/blazeface/face_detection_front_128x128_barracuda.onnx", 442005, 0x7db1f83d),
    ("models/blazeface_full_range/face_detection_full_range.onnx", 2076765, 0x5549bd06),
];
/// The generated code: (path, length, CRC-32).
pub const CODE: [(&str, usize, u32); 2] = [
    ("src/detect/generated/face_detection_front_128x128_barracuda.rs", 22593, 0x4cefd408),
    ("src/detect/generated/face_detection_full_range.rs", 42438, 0xc70346c8),
];
/// What generated them.
pub const GENERATOR: &str = "burn-onnx 0.22.0";
