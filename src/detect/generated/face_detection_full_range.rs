// Generated from ONNX "models/blazeface_full_range/face_detection_full_range.onnx" by burn-onnx
extern crate alloc;
use burn::prelude::*;
use burn::nn::PaddingConfig2d;
use burn::nn::conv::Conv2d;
use burn::nn::conv::Conv2dConfig;
use burn::nn::pool::MaxPool2d;
use burn::nn::pool::MaxPool2dConfig;


#[derive(Module, Debug)]
pub struct Model {
    conv2d1: Conv2d,
    conv2d2: Conv2d,
    conv2d3: Conv2d,
    conv2d4: Conv2d,
    conv2d5: Conv2d,
    conv2d6: Conv2d,
    conv2d7: Conv2d,
    conv2d8: Conv2d,
    conv2d9: Conv2d,
    maxpool2d1: MaxPool2d,
    conv2d10: Conv2d,
    conv2d11: Conv2d,
    conv2d12: Conv2d,
    conv2d13: Conv2d,
    conv2d14: Conv2d,
    conv2d15: Conv2d,
    conv2d16: Conv2d,
    conv2d17: Conv2d,
    conv2d18: Conv2d,
    conv2d19: Conv2d,
    conv2d20: Conv2d,
    conv2d21: Conv2d,
    maxpool2d2: MaxPool2d,
    conv2d22: Conv2d,
    conv2d23: Conv2d,
    conv2d24: Conv2d,
    conv2d25: Conv2d,
    conv2d26: Conv2d,
    conv2d27: Conv2d,
    conv2d28: Conv2d,
    conv2d29: Conv2d,
    conv2d30: Conv2d,
    conv2d31: Conv2d,
    conv2d32: Conv2d,
    conv2d33: Conv2d,
    maxpool2d3: MaxPool2d,
    conv2d34: Conv2d,
    conv2d35: Conv2d,
    conv2d36: Conv2d,
    conv2d37: Conv2d,
    conv2d38: Conv2d,
    conv2d39: Conv2d,
    conv2d40: Conv2d,
    conv2d41: Conv2d,
    conv2d42: Conv2d,
    conv2d43: Conv2d,
    conv2d44: Conv2d,
    conv2d45: Conv2d,
    maxpool2d4: MaxPool2d,
    conv2d46: Conv2d,
    conv2d47: Conv2d,
    conv2d48: Conv2d,
    conv2d49: Conv2d,
    conv2d50: Conv2d,
    conv2d51: Conv2d,
    conv2d52: Conv2d,
    conv2d53: Conv2d,
    conv2d54: Conv2d,
    conv2d55: Conv2d,
    conv2d56: Conv2d,
    conv2d57: Conv2d,
    conv2d58: Conv2d,
    conv2d59: Conv2d,
    conv2d60: Conv2d,
    conv2d61: Conv2d,
    conv2d62: Conv2d,
    conv2d63: Conv2d,
    conv2d64: Conv2d,
    conv2d65: Conv2d,
    resize1: burn::nn::interpolate::Interpolate2d,
    conv2d66: Conv2d,
    conv2d67: Conv2d,
    conv2d68: Conv2d,
    conv2d69: Conv2d,
    conv2d70: Conv2d,
    conv2d71: Conv2d,
    conv2d72: Conv2d,
    conv2d73: Conv2d,
    conv2d74: Conv2d,
    resize2: burn::nn::interpolate::Interpolate2d,
    conv2d75: Conv2d,
    conv2d76: Conv2d,
    conv2d77: Conv2d,
    conv2d78: Conv2d,
    conv2d79: Conv2d,
    conv2d80: Conv2d,
    conv2d81: Conv2d,
    conv2d82: Conv2d,
    conv2d83: Conv2d,
    resize3: burn::nn::interpolate::Interpolate2d,
    conv2d84: Conv2d,
    conv2d85: Conv2d,
    conv2d86: Conv2d,
    conv2d87: Conv2d,
    conv2d88: Conv2d,
    conv2d89: Conv2d,
    #[module(skip)]
    device: Device,
}

impl Model {
    #[allow(unused_variables)]
    pub fn new(device: &Device) -> Self {
        let conv2d1 = Conv2dConfig::new([3, 32], [3, 3])
            .with_stride([2, 2])
            .with_padding(PaddingConfig2d::Explicit(0, 0, 1, 1))
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d2 = Conv2dConfig::new([32, 32], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(32)
            .with_bias(true)
            .init(device);
        let conv2d3 = Conv2dConfig::new([32, 8], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d4 = Conv2dConfig::new([8, 8], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(8)
            .with_bias(true)
            .init(device);
        let conv2d5 = Conv2dConfig::new([8, 32], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d6 = Conv2dConfig::new([32, 32], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(32)
            .with_bias(true)
            .init(device);
        let conv2d7 = Conv2dConfig::new([32, 8], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d8 = Conv2dConfig::new([8, 8], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(8)
            .with_bias(true)
            .init(device);
        let conv2d9 = Conv2dConfig::new([8, 32], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let maxpool2d1 = MaxPool2dConfig::new([2, 2])
            .with_strides([2, 2])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_ceil_mode(false)
            .init();
        let conv2d10 = Conv2dConfig::new([32, 32], [3, 3])
            .with_stride([2, 2])
            .with_padding(PaddingConfig2d::Explicit(0, 0, 1, 1))
            .with_dilation([1, 1])
            .with_groups(32)
            .with_bias(true)
            .init(device);
        let conv2d11 = Conv2dConfig::new([32, 12], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d12 = Conv2dConfig::new([12, 12], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(12)
            .with_bias(true)
            .init(device);
        let conv2d13 = Conv2dConfig::new([12, 48], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d14 = Conv2dConfig::new([48, 48], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(48)
            .with_bias(true)
            .init(device);
        let conv2d15 = Conv2dConfig::new([48, 12], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d16 = Conv2dConfig::new([12, 12], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(12)
            .with_bias(true)
            .init(device);
        let conv2d17 = Conv2dConfig::new([12, 48], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d18 = Conv2dConfig::new([48, 48], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(48)
            .with_bias(true)
            .init(device);
        let conv2d19 = Conv2dConfig::new([48, 16], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d20 = Conv2dConfig::new([16, 16], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(16)
            .with_bias(true)
            .init(device);
        let conv2d21 = Conv2dConfig::new([16, 64], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let maxpool2d2 = MaxPool2dConfig::new([2, 2])
            .with_strides([2, 2])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_ceil_mode(false)
            .init();
        let conv2d22 = Conv2dConfig::new([64, 64], [3, 3])
            .with_stride([2, 2])
            .with_padding(PaddingConfig2d::Explicit(0, 0, 1, 1))
            .with_dilation([1, 1])
            .with_groups(64)
            .with_bias(true)
            .init(device);
        let conv2d23 = Conv2dConfig::new([64, 24], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d24 = Conv2dConfig::new([24, 24], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(24)
            .with_bias(true)
            .init(device);
        let conv2d25 = Conv2dConfig::new([24, 96], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d26 = Conv2dConfig::new([96, 96], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(96)
            .with_bias(true)
            .init(device);
        let conv2d27 = Conv2dConfig::new([96, 32], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d28 = Conv2dConfig::new([32, 32], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(32)
            .with_bias(true)
            .init(device);
        let conv2d29 = Conv2dConfig::new([32, 128], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d30 = Conv2dConfig::new([128, 128], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(128)
            .with_bias(true)
            .init(device);
        let conv2d31 = Conv2dConfig::new([128, 32], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d32 = Conv2dConfig::new([32, 32], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(32)
            .with_bias(true)
            .init(device);
        let conv2d33 = Conv2dConfig::new([32, 128], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let maxpool2d3 = MaxPool2dConfig::new([2, 2])
            .with_strides([2, 2])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_ceil_mode(false)
            .init();
        let conv2d34 = Conv2dConfig::new([128, 128], [3, 3])
            .with_stride([2, 2])
            .with_padding(PaddingConfig2d::Explicit(0, 0, 1, 1))
            .with_dilation([1, 1])
            .with_groups(128)
            .with_bias(true)
            .init(device);
        let conv2d35 = Conv2dConfig::new([128, 36], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d36 = Conv2dConfig::new([36, 36], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(36)
            .with_bias(true)
            .init(device);
        let conv2d37 = Conv2dConfig::new([36, 144], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d38 = Conv2dConfig::new([144, 144], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(144)
            .with_bias(true)
            .init(device);
        let conv2d39 = Conv2dConfig::new([144, 48], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d40 = Conv2dConfig::new([48, 48], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(48)
            .with_bias(true)
            .init(device);
        let conv2d41 = Conv2dConfig::new([48, 192], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d42 = Conv2dConfig::new([192, 192], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(192)
            .with_bias(true)
            .init(device);
        let conv2d43 = Conv2dConfig::new([192, 64], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d44 = Conv2dConfig::new([64, 64], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(64)
            .with_bias(true)
            .init(device);
        let conv2d45 = Conv2dConfig::new([64, 256], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let maxpool2d4 = MaxPool2dConfig::new([2, 2])
            .with_strides([2, 2])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_ceil_mode(false)
            .init();
        let conv2d46 = Conv2dConfig::new([256, 256], [3, 3])
            .with_stride([2, 2])
            .with_padding(PaddingConfig2d::Explicit(0, 0, 1, 1))
            .with_dilation([1, 1])
            .with_groups(256)
            .with_bias(true)
            .init(device);
        let conv2d47 = Conv2dConfig::new([256, 96], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d48 = Conv2dConfig::new([96, 96], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(96)
            .with_bias(true)
            .init(device);
        let conv2d49 = Conv2dConfig::new([96, 384], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d50 = Conv2dConfig::new([384, 384], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(384)
            .with_bias(true)
            .init(device);
        let conv2d51 = Conv2dConfig::new([384, 96], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d52 = Conv2dConfig::new([96, 96], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(96)
            .with_bias(true)
            .init(device);
        let conv2d53 = Conv2dConfig::new([96, 384], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d54 = Conv2dConfig::new([384, 384], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(384)
            .with_bias(true)
            .init(device);
        let conv2d55 = Conv2dConfig::new([384, 96], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d56 = Conv2dConfig::new([96, 96], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(96)
            .with_bias(true)
            .init(device);
        let conv2d57 = Conv2dConfig::new([96, 384], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d58 = Conv2dConfig::new([384, 384], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(384)
            .with_bias(true)
            .init(device);
        let conv2d59 = Conv2dConfig::new([384, 96], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d60 = Conv2dConfig::new([96, 96], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(96)
            .with_bias(true)
            .init(device);
        let conv2d61 = Conv2dConfig::new([96, 384], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d62 = Conv2dConfig::new([384, 96], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d63 = Conv2dConfig::new([256, 96], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d64 = Conv2dConfig::new([128, 64], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d65 = Conv2dConfig::new([64, 48], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let resize1 = burn::nn::interpolate::Interpolate2dConfig::new()
            .with_output_size(None)
            .with_scale_factor(Some([2.0, 2.0]))
            .with_mode(burn::nn::interpolate::InterpolateMode::Linear)
            .with_align_corners(false)
            .init();
        let conv2d66 = Conv2dConfig::new([96, 96], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(96)
            .with_bias(true)
            .init(device);
        let conv2d67 = Conv2dConfig::new([96, 48], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d68 = Conv2dConfig::new([48, 48], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(48)
            .with_bias(true)
            .init(device);
        let conv2d69 = Conv2dConfig::new([48, 96], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d70 = Conv2dConfig::new([96, 96], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(96)
            .with_bias(true)
            .init(device);
        let conv2d71 = Conv2dConfig::new([96, 48], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d72 = Conv2dConfig::new([48, 48], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(48)
            .with_bias(true)
            .init(device);
        let conv2d73 = Conv2dConfig::new([48, 96], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d74 = Conv2dConfig::new([96, 64], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let resize2 = burn::nn::interpolate::Interpolate2dConfig::new()
            .with_output_size(None)
            .with_scale_factor(Some([2.0, 2.0]))
            .with_mode(burn::nn::interpolate::InterpolateMode::Linear)
            .with_align_corners(false)
            .init();
        let conv2d75 = Conv2dConfig::new([64, 64], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(64)
            .with_bias(true)
            .init(device);
        let conv2d76 = Conv2dConfig::new([64, 32], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d77 = Conv2dConfig::new([32, 32], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(32)
            .with_bias(true)
            .init(device);
        let conv2d78 = Conv2dConfig::new([32, 64], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d79 = Conv2dConfig::new([64, 64], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(64)
            .with_bias(true)
            .init(device);
        let conv2d80 = Conv2dConfig::new([64, 32], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d81 = Conv2dConfig::new([32, 32], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(32)
            .with_bias(true)
            .init(device);
        let conv2d82 = Conv2dConfig::new([32, 64], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d83 = Conv2dConfig::new([64, 48], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let resize3 = burn::nn::interpolate::Interpolate2dConfig::new()
            .with_output_size(None)
            .with_scale_factor(Some([2.0, 2.0]))
            .with_mode(burn::nn::interpolate::InterpolateMode::Linear)
            .with_align_corners(false)
            .init();
        let conv2d84 = Conv2dConfig::new([48, 48], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(48)
            .with_bias(true)
            .init(device);
        let conv2d85 = Conv2dConfig::new([48, 24], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d86 = Conv2dConfig::new([24, 24], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(24)
            .with_bias(true)
            .init(device);
        let conv2d87 = Conv2dConfig::new([24, 48], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d88 = Conv2dConfig::new([48, 16], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d89 = Conv2dConfig::new([48, 1], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        Self {
            conv2d1,
            conv2d2,
            conv2d3,
            conv2d4,
            conv2d5,
            conv2d6,
            conv2d7,
            conv2d8,
            conv2d9,
            maxpool2d1,
            conv2d10,
            conv2d11,
            conv2d12,
            conv2d13,
            conv2d14,
            conv2d15,
            conv2d16,
            conv2d17,
            conv2d18,
            conv2d19,
            conv2d20,
            conv2d21,
            maxpool2d2,
            conv2d22,
            conv2d23,
            conv2d24,
            conv2d25,
            conv2d26,
            conv2d27,
            conv2d28,
            conv2d29,
            conv2d30,
            conv2d31,
            conv2d32,
            conv2d33,
            maxpool2d3,
            conv2d34,
            conv2d35,
            conv2d36,
            conv2d37,
            conv2d38,
            conv2d39,
            conv2d40,
            conv2d41,
            conv2d42,
            conv2d43,
            conv2d44,
            conv2d45,
            maxpool2d4,
            conv2d46,
            conv2d47,
            conv2d48,
            conv2d49,
            conv2d50,
            conv2d51,
            conv2d52,
            conv2d53,
            conv2d54,
            conv2d55,
            conv2d56,
            conv2d57,
            conv2d58,
            conv2d59,
            conv2d60,
            conv2d61,
            conv2d62,
            conv2d63,
            conv2d64,
            conv2d65,
            resize1,
            conv2d66,
            conv2d67,
            conv2d68,
            conv2d69,
            conv2d70,
            conv2d71,
            conv2d72,
            conv2d73,
            conv2d74,
            resize2,
            conv2d75,
            conv2d76,
            conv2d77,
            conv2d78,
            conv2d79,
            conv2d80,
            conv2d81,
            conv2d82,
            conv2d83,
            resize3,
            conv2d84,
            conv2d85,
            conv2d86,
            conv2d87,
            conv2d88,
            conv2d89,
            device: device.clone(),
        }
    }

    #[allow(clippy::let_and_return, clippy::approx_constant)]
    pub fn forward(&self, input: Tensor<4>) -> (Tensor<3>, Tensor<3>) {
        let transpose1_out1 = input.permute([0, 3, 1, 2]);
        let relu1_out1 = crate::model::ops::conv2d_relu(&self.conv2d1, transpose1_out1);
        let conv2d2_out1 = crate::model::ops::conv2d(&self.conv2d2, relu1_out1.clone());
        let relu2_out1 = crate::model::ops::conv2d_relu(&self.conv2d3, conv2d2_out1);
        let conv2d4_out1 = crate::model::ops::conv2d(&self.conv2d4, relu2_out1);
        let relu3_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d5, conv2d4_out1, relu1_out1);
        let conv2d6_out1 = crate::model::ops::conv2d(&self.conv2d6, relu3_out1.clone());
        let relu4_out1 = crate::model::ops::conv2d_relu(&self.conv2d7, conv2d6_out1);
        let conv2d8_out1 = crate::model::ops::conv2d(&self.conv2d8, relu4_out1);
        let relu5_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d9, conv2d8_out1, relu3_out1);
        let maxpool2d1_out1 = crate::model::ops::max_pool(&self.maxpool2d1, relu5_out1.clone());
        let pad1_out1 = maxpool2d1_out1
            .pad(
                [
                    (0usize, 0usize),
                    (0usize, 16usize),
                    (0usize, 0usize),
                    (0usize, 0usize),
                ],
                burn::tensor::ops::PadMode::Constant(0f32),
            );
        let conv2d10_out1 = crate::model::ops::conv2d(&self.conv2d10, relu5_out1);
        let relu6_out1 = crate::model::ops::conv2d_relu(&self.conv2d11, conv2d10_out1);
        let conv2d12_out1 = crate::model::ops::conv2d(&self.conv2d12, relu6_out1);
        let relu7_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d13, conv2d12_out1, pad1_out1);
        let conv2d14_out1 = crate::model::ops::conv2d(&self.conv2d14, relu7_out1.clone());
        let relu8_out1 = crate::model::ops::conv2d_relu(&self.conv2d15, conv2d14_out1);
        let conv2d16_out1 = crate::model::ops::conv2d(&self.conv2d16, relu8_out1);
        let relu9_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d17, conv2d16_out1, relu7_out1);
        let conv2d18_out1 = crate::model::ops::conv2d(&self.conv2d18, relu9_out1.clone());
        let relu10_out1 = crate::model::ops::conv2d_relu(&self.conv2d19, conv2d18_out1);
        let conv2d20_out1 = crate::model::ops::conv2d(&self.conv2d20, relu10_out1);
        let pad2_out1 = relu9_out1
            .pad(
                [
                    (0usize, 0usize),
                    (0usize, 16usize),
                    (0usize, 0usize),
                    (0usize, 0usize),
                ],
                burn::tensor::ops::PadMode::Constant(0f32),
            );
        let relu11_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d21, conv2d20_out1, pad2_out1);
        let maxpool2d2_out1 = crate::model::ops::max_pool(&self.maxpool2d2, relu11_out1.clone());
        let pad3_out1 = maxpool2d2_out1
            .pad(
                [
                    (0usize, 0usize),
                    (0usize, 32usize),
                    (0usize, 0usize),
                    (0usize, 0usize),
                ],
                burn::tensor::ops::PadMode::Constant(0f32),
            );
        let conv2d22_out1 = crate::model::ops::conv2d(&self.conv2d22, relu11_out1.clone());
        let relu12_out1 = crate::model::ops::conv2d_relu(&self.conv2d23, conv2d22_out1);
        let conv2d24_out1 = crate::model::ops::conv2d(&self.conv2d24, relu12_out1);
        let relu13_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d25, conv2d24_out1, pad3_out1);
        let conv2d26_out1 = crate::model::ops::conv2d(&self.conv2d26, relu13_out1.clone());
        let relu14_out1 = crate::model::ops::conv2d_relu(&self.conv2d27, conv2d26_out1);
        let conv2d28_out1 = crate::model::ops::conv2d(&self.conv2d28, relu14_out1);
        let pad4_out1 = relu13_out1
            .pad(
                [
                    (0usize, 0usize),
                    (0usize, 32usize),
                    (0usize, 0usize),
                    (0usize, 0usize),
                ],
                burn::tensor::ops::PadMode::Constant(0f32),
            );
        let relu15_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d29, conv2d28_out1, pad4_out1);
        let conv2d30_out1 = crate::model::ops::conv2d(&self.conv2d30, relu15_out1.clone());
        let relu16_out1 = crate::model::ops::conv2d_relu(&self.conv2d31, conv2d30_out1);
        let conv2d32_out1 = crate::model::ops::conv2d(&self.conv2d32, relu16_out1);
        let relu17_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d33, conv2d32_out1, relu15_out1);
        let maxpool2d3_out1 = crate::model::ops::max_pool(&self.maxpool2d3, relu17_out1.clone());
        let pad5_out1 = maxpool2d3_out1
            .pad(
                [
                    (0usize, 0usize),
                    (0usize, 16usize),
                    (0usize, 0usize),
                    (0usize, 0usize),
                ],
                burn::tensor::ops::PadMode::Constant(0f32),
            );
        let conv2d34_out1 = crate::model::ops::conv2d(&self.conv2d34, relu17_out1.clone());
        let relu18_out1 = crate::model::ops::conv2d_relu(&self.conv2d35, conv2d34_out1);
        let conv2d36_out1 = crate::model::ops::conv2d(&self.conv2d36, relu18_out1);
        let relu19_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d37, conv2d36_out1, pad5_out1);
        let conv2d38_out1 = crate::model::ops::conv2d(&self.conv2d38, relu19_out1.clone());
        let relu20_out1 = crate::model::ops::conv2d_relu(&self.conv2d39, conv2d38_out1);
        let conv2d40_out1 = crate::model::ops::conv2d(&self.conv2d40, relu20_out1);
        let pad6_out1 = relu19_out1
            .pad(
                [
                    (0usize, 0usize),
                    (0usize, 48usize),
                    (0usize, 0usize),
                    (0usize, 0usize),
                ],
                burn::tensor::ops::PadMode::Constant(0f32),
            );
        let relu21_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d41, conv2d40_out1, pad6_out1);
        let conv2d42_out1 = crate::model::ops::conv2d(&self.conv2d42, relu21_out1.clone());
        let relu22_out1 = crate::model::ops::conv2d_relu(&self.conv2d43, conv2d42_out1);
        let conv2d44_out1 = crate::model::ops::conv2d(&self.conv2d44, relu22_out1);
        let pad7_out1 = relu21_out1
            .pad(
                [
                    (0usize, 0usize),
                    (0usize, 64usize),
                    (0usize, 0usize),
                    (0usize, 0usize),
                ],
                burn::tensor::ops::PadMode::Constant(0f32),
            );
        let relu23_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d45, conv2d44_out1, pad7_out1);
        let maxpool2d4_out1 = crate::model::ops::max_pool(&self.maxpool2d4, relu23_out1.clone());
        let pad8_out1 = maxpool2d4_out1
            .pad(
                [
                    (0usize, 0usize),
                    (0usize, 128usize),
                    (0usize, 0usize),
                    (0usize, 0usize),
                ],
                burn::tensor::ops::PadMode::Constant(0f32),
            );
        let conv2d46_out1 = crate::model::ops::conv2d(&self.conv2d46, relu23_out1.clone());
        let relu24_out1 = crate::model::ops::conv2d_relu(&self.conv2d47, conv2d46_out1);
        let conv2d48_out1 = crate::model::ops::conv2d(&self.conv2d48, relu24_out1);
        let relu25_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d49, conv2d48_out1, pad8_out1);
        let conv2d50_out1 = crate::model::ops::conv2d(&self.conv2d50, relu25_out1.clone());
        let relu26_out1 = crate::model::ops::conv2d_relu(&self.conv2d51, conv2d50_out1);
        let conv2d52_out1 = crate::model::ops::conv2d(&self.conv2d52, relu26_out1);
        let relu27_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d53, conv2d52_out1, relu25_out1);
        let conv2d54_out1 = crate::model::ops::conv2d(&self.conv2d54, relu27_out1.clone());
        let relu28_out1 = crate::model::ops::conv2d_relu(&self.conv2d55, conv2d54_out1);
        let conv2d56_out1 = crate::model::ops::conv2d(&self.conv2d56, relu28_out1);
        let relu29_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d57, conv2d56_out1, relu27_out1);
        let conv2d58_out1 = crate::model::ops::conv2d(&self.conv2d58, relu29_out1.clone());
        let relu30_out1 = crate::model::ops::conv2d_relu(&self.conv2d59, conv2d58_out1);
        let conv2d60_out1 = crate::model::ops::conv2d(&self.conv2d60, relu30_out1);
        let relu31_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d61, conv2d60_out1, relu29_out1);
        let relu32_out1 = crate::model::ops::conv2d_relu(&self.conv2d62, relu31_out1);
        let relu33_out1 = crate::model::ops::conv2d_relu(&self.conv2d63, relu23_out1);
        let relu34_out1 = crate::model::ops::conv2d_relu(&self.conv2d64, relu17_out1);
        let relu35_out1 = crate::model::ops::conv2d_relu(&self.conv2d65, relu11_out1);
        let resize1_out1 = self.resize1.forward(relu32_out1);
        let add16_out1 = relu33_out1.add(resize1_out1);
        let conv2d66_out1 = crate::model::ops::conv2d(&self.conv2d66, add16_out1.clone());
        let relu36_out1 = crate::model::ops::conv2d_relu(&self.conv2d67, conv2d66_out1);
        let conv2d68_out1 = crate::model::ops::conv2d(&self.conv2d68, relu36_out1);
        let relu37_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d69, conv2d68_out1, add16_out1);
        let conv2d70_out1 = crate::model::ops::conv2d(&self.conv2d70, relu37_out1.clone());
        let relu38_out1 = crate::model::ops::conv2d_relu(&self.conv2d71, conv2d70_out1);
        let conv2d72_out1 = crate::model::ops::conv2d(&self.conv2d72, relu38_out1);
        let relu39_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d73, conv2d72_out1, relu37_out1);
        let relu40_out1 = crate::model::ops::conv2d_relu(&self.conv2d74, relu39_out1);
        let resize2_out1 = self.resize2.forward(relu40_out1);
        let add19_out1 = relu34_out1.add(resize2_out1);
        let conv2d75_out1 = crate::model::ops::conv2d(&self.conv2d75, add19_out1.clone());
        let relu41_out1 = crate::model::ops::conv2d_relu(&self.conv2d76, conv2d75_out1);
        let conv2d77_out1 = crate::model::ops::conv2d(&self.conv2d77, relu41_out1);
        let relu42_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d78, conv2d77_out1, add19_out1);
        let conv2d79_out1 = crate::model::ops::conv2d(&self.conv2d79, relu42_out1.clone());
        let relu43_out1 = crate::model::ops::conv2d_relu(&self.conv2d80, conv2d79_out1);
        let conv2d81_out1 = crate::model::ops::conv2d(&self.conv2d81, relu43_out1);
        let relu44_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d82, conv2d81_out1, relu42_out1);
        let relu45_out1 = crate::model::ops::conv2d_relu(&self.conv2d83, relu44_out1);
        let resize3_out1 = self.resize3.forward(relu45_out1);
        let add22_out1 = relu35_out1.add(resize3_out1);
        let conv2d84_out1 = crate::model::ops::conv2d(&self.conv2d84, add22_out1.clone());
        let relu46_out1 = crate::model::ops::conv2d_relu(&self.conv2d85, conv2d84_out1);
        let conv2d86_out1 = crate::model::ops::conv2d(&self.conv2d86, relu46_out1);
        let relu47_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d87, conv2d86_out1, add22_out1);
        let conv2d88_out1 = crate::model::ops::conv2d(&self.conv2d88, relu47_out1.clone());
        let transpose2_out1 = conv2d88_out1.permute([0, 2, 3, 1]);
        let reshape1_out1 = transpose2_out1.reshape([1, -1, 16]);
        let conv2d89_out1 = crate::model::ops::conv2d(&self.conv2d89, relu47_out1);
        let reshape2_out1 = conv2d89_out1.reshape([1, -1, 1]);
        (reshape1_out1, reshape2_out1)
    }
}
