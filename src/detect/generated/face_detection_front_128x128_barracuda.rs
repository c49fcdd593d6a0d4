// Generated from ONNX "models/blazeface/face_detection_front_128x128_barracuda.onnx" by burn-onnx
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
    maxpool2d1: MaxPool2d,
    conv2d6: Conv2d,
    conv2d7: Conv2d,
    conv2d8: Conv2d,
    conv2d9: Conv2d,
    conv2d10: Conv2d,
    conv2d11: Conv2d,
    maxpool2d2: MaxPool2d,
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
    conv2d22: Conv2d,
    conv2d23: Conv2d,
    maxpool2d3: MaxPool2d,
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
    conv2d34: Conv2d,
    conv2d35: Conv2d,
    conv2d36: Conv2d,
    conv2d37: Conv2d,
    #[module(skip)]
    device: Device,
}

impl Model {
    #[allow(unused_variables)]
    pub fn new(device: &Device) -> Self {
        let conv2d1 = Conv2dConfig::new([3, 24], [5, 5])
            .with_stride([2, 2])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 2, 2))
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d2 = Conv2dConfig::new([24, 24], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(24)
            .with_bias(false)
            .init(device);
        let conv2d3 = Conv2dConfig::new([24, 24], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d4 = Conv2dConfig::new([24, 24], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(24)
            .with_bias(false)
            .init(device);
        let conv2d5 = Conv2dConfig::new([24, 28], [1, 1])
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
        let conv2d6 = Conv2dConfig::new([28, 28], [3, 3])
            .with_stride([2, 2])
            .with_padding(PaddingConfig2d::Explicit(0, 0, 1, 1))
            .with_dilation([1, 1])
            .with_groups(28)
            .with_bias(false)
            .init(device);
        let conv2d7 = Conv2dConfig::new([28, 32], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d8 = Conv2dConfig::new([32, 32], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(32)
            .with_bias(false)
            .init(device);
        let conv2d9 = Conv2dConfig::new([32, 36], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d10 = Conv2dConfig::new([36, 36], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(36)
            .with_bias(false)
            .init(device);
        let conv2d11 = Conv2dConfig::new([36, 42], [1, 1])
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
        let conv2d12 = Conv2dConfig::new([42, 42], [3, 3])
            .with_stride([2, 2])
            .with_padding(PaddingConfig2d::Explicit(0, 0, 1, 1))
            .with_dilation([1, 1])
            .with_groups(42)
            .with_bias(false)
            .init(device);
        let conv2d13 = Conv2dConfig::new([42, 48], [1, 1])
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
            .with_bias(false)
            .init(device);
        let conv2d15 = Conv2dConfig::new([48, 56], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d16 = Conv2dConfig::new([56, 56], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(56)
            .with_bias(false)
            .init(device);
        let conv2d17 = Conv2dConfig::new([56, 64], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d18 = Conv2dConfig::new([64, 64], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(64)
            .with_bias(false)
            .init(device);
        let conv2d19 = Conv2dConfig::new([64, 72], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d20 = Conv2dConfig::new([72, 72], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(72)
            .with_bias(false)
            .init(device);
        let conv2d21 = Conv2dConfig::new([72, 80], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d22 = Conv2dConfig::new([80, 80], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(80)
            .with_bias(false)
            .init(device);
        let conv2d23 = Conv2dConfig::new([80, 88], [1, 1])
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
        let conv2d24 = Conv2dConfig::new([88, 88], [3, 3])
            .with_stride([2, 2])
            .with_padding(PaddingConfig2d::Explicit(0, 0, 1, 1))
            .with_dilation([1, 1])
            .with_groups(88)
            .with_bias(false)
            .init(device);
        let conv2d25 = Conv2dConfig::new([88, 96], [1, 1])
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
            .with_bias(false)
            .init(device);
        let conv2d27 = Conv2dConfig::new([96, 96], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d28 = Conv2dConfig::new([96, 96], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(96)
            .with_bias(false)
            .init(device);
        let conv2d29 = Conv2dConfig::new([96, 96], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d30 = Conv2dConfig::new([96, 96], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(96)
            .with_bias(false)
            .init(device);
        let conv2d31 = Conv2dConfig::new([96, 96], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d32 = Conv2dConfig::new([96, 96], [3, 3])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Explicit(1, 1, 1, 1))
            .with_dilation([1, 1])
            .with_groups(96)
            .with_bias(false)
            .init(device);
        let conv2d33 = Conv2dConfig::new([96, 96], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d34 = Conv2dConfig::new([96, 96], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d35 = Conv2dConfig::new([96, 6], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d36 = Conv2dConfig::new([88, 32], [1, 1])
            .with_stride([1, 1])
            .with_padding(PaddingConfig2d::Valid)
            .with_dilation([1, 1])
            .with_groups(1)
            .with_bias(true)
            .init(device);
        let conv2d37 = Conv2dConfig::new([88, 2], [1, 1])
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
            maxpool2d1,
            conv2d6,
            conv2d7,
            conv2d8,
            conv2d9,
            conv2d10,
            conv2d11,
            maxpool2d2,
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
            conv2d22,
            conv2d23,
            maxpool2d3,
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
            conv2d34,
            conv2d35,
            conv2d36,
            conv2d37,
            device: device.clone(),
        }
    }

    #[allow(clippy::let_and_return, clippy::approx_constant)]
    pub fn forward(
        &self,
        input_0: Tensor<4>,
    ) -> (Tensor<3>, Tensor<3>, Tensor<3>, Tensor<3>) {
        let transpose1_out1 = input_0.permute([0, 3, 1, 2]);
        let relu1_out1 = crate::model::ops::conv2d_relu(&self.conv2d1, transpose1_out1);
        let conv2d2_out1 = crate::model::ops::conv2d(&self.conv2d2, relu1_out1.clone());
        let relu2_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d3, conv2d2_out1, relu1_out1);
        let constantofshape1_out1 = Tensor::<
            1,
        >::from_data(
                burn::tensor::TensorData::from([0.0f32 as f64]),
                (&self.device, burn::tensor::DType::F32),
            )
            .reshape([1, 1, 1, 1])
            .expand([1usize, 4usize, 64usize, 64usize]);
        let concat1_out1 = burn::tensor::Tensor::cat(
            [relu2_out1.clone(), constantofshape1_out1].into(),
            1,
        );
        let conv2d4_out1 = crate::model::ops::conv2d(&self.conv2d4, relu2_out1);
        let relu3_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d5, conv2d4_out1, concat1_out1);
        let maxpool2d1_out1 = crate::model::ops::max_pool(&self.maxpool2d1, relu3_out1.clone());
        let constantofshape2_out1 = Tensor::<
            1,
        >::from_data(
                burn::tensor::TensorData::from([0.0f32 as f64]),
                (&self.device, burn::tensor::DType::F32),
            )
            .reshape([1, 1, 1, 1])
            .expand([1usize, 4usize, 32usize, 32usize]);
        let concat2_out1 = burn::tensor::Tensor::cat(
            [maxpool2d1_out1, constantofshape2_out1].into(),
            1,
        );
        let conv2d6_out1 = crate::model::ops::conv2d(&self.conv2d6, relu3_out1);
        let relu4_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d7, conv2d6_out1, concat2_out1);
        let constantofshape3_out1 = Tensor::<
            1,
        >::from_data(
                burn::tensor::TensorData::from([0.0f32 as f64]),
                (&self.device, burn::tensor::DType::F32),
            )
            .reshape([1, 1, 1, 1])
            .expand([1usize, 4usize, 32usize, 32usize]);
        let concat3_out1 = burn::tensor::Tensor::cat(
            [relu4_out1.clone(), constantofshape3_out1].into(),
            1,
        );
        let conv2d8_out1 = crate::model::ops::conv2d(&self.conv2d8, relu4_out1);
        let relu5_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d9, conv2d8_out1, concat3_out1);
        let constantofshape4_out1 = Tensor::<
            1,
        >::from_data(
                burn::tensor::TensorData::from([0.0f32 as f64]),
                (&self.device, burn::tensor::DType::F32),
            )
            .reshape([1, 1, 1, 1])
            .expand([1usize, 6usize, 32usize, 32usize]);
        let concat4_out1 = burn::tensor::Tensor::cat(
            [relu5_out1.clone(), constantofshape4_out1].into(),
            1,
        );
        let conv2d10_out1 = crate::model::ops::conv2d(&self.conv2d10, relu5_out1);
        let relu6_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d11, conv2d10_out1, concat4_out1);
        let maxpool2d2_out1 = crate::model::ops::max_pool(&self.maxpool2d2, relu6_out1.clone());
        let constantofshape5_out1 = Tensor::<
            1,
        >::from_data(
                burn::tensor::TensorData::from([0.0f32 as f64]),
                (&self.device, burn::tensor::DType::F32),
            )
            .reshape([1, 1, 1, 1])
            .expand([1usize, 6usize, 16usize, 16usize]);
        let concat5_out1 = burn::tensor::Tensor::cat(
            [maxpool2d2_out1, constantofshape5_out1].into(),
            1,
        );
        let conv2d12_out1 = crate::model::ops::conv2d(&self.conv2d12, relu6_out1);
        let relu7_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d13, conv2d12_out1, concat5_out1);
        let constantofshape6_out1 = Tensor::<
            1,
        >::from_data(
                burn::tensor::TensorData::from([0.0f32 as f64]),
                (&self.device, burn::tensor::DType::F32),
            )
            .reshape([1, 1, 1, 1])
            .expand([1usize, 8usize, 16usize, 16usize]);
        let concat6_out1 = burn::tensor::Tensor::cat(
            [relu7_out1.clone(), constantofshape6_out1].into(),
            1,
        );
        let conv2d14_out1 = crate::model::ops::conv2d(&self.conv2d14, relu7_out1);
        let relu8_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d15, conv2d14_out1, concat6_out1);
        let constantofshape7_out1 = Tensor::<
            1,
        >::from_data(
                burn::tensor::TensorData::from([0.0f32 as f64]),
                (&self.device, burn::tensor::DType::F32),
            )
            .reshape([1, 1, 1, 1])
            .expand([1usize, 8usize, 16usize, 16usize]);
        let concat7_out1 = burn::tensor::Tensor::cat(
            [relu8_out1.clone(), constantofshape7_out1].into(),
            1,
        );
        let conv2d16_out1 = crate::model::ops::conv2d(&self.conv2d16, relu8_out1);
        let relu9_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d17, conv2d16_out1, concat7_out1);
        let constantofshape8_out1 = Tensor::<
            1,
        >::from_data(
                burn::tensor::TensorData::from([0.0f32 as f64]),
                (&self.device, burn::tensor::DType::F32),
            )
            .reshape([1, 1, 1, 1])
            .expand([1usize, 8usize, 16usize, 16usize]);
        let concat8_out1 = burn::tensor::Tensor::cat(
            [relu9_out1.clone(), constantofshape8_out1].into(),
            1,
        );
        let conv2d18_out1 = crate::model::ops::conv2d(&self.conv2d18, relu9_out1);
        let relu10_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d19, conv2d18_out1, concat8_out1);
        let constantofshape9_out1 = Tensor::<
            1,
        >::from_data(
                burn::tensor::TensorData::from([0.0f32 as f64]),
                (&self.device, burn::tensor::DType::F32),
            )
            .reshape([1, 1, 1, 1])
            .expand([1usize, 8usize, 16usize, 16usize]);
        let concat9_out1 = burn::tensor::Tensor::cat(
            [relu10_out1.clone(), constantofshape9_out1].into(),
            1,
        );
        let conv2d20_out1 = crate::model::ops::conv2d(&self.conv2d20, relu10_out1);
        let relu11_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d21, conv2d20_out1, concat9_out1);
        let constantofshape10_out1 = Tensor::<
            1,
        >::from_data(
                burn::tensor::TensorData::from([0.0f32 as f64]),
                (&self.device, burn::tensor::DType::F32),
            )
            .reshape([1, 1, 1, 1])
            .expand([1usize, 8usize, 16usize, 16usize]);
        let concat10_out1 = burn::tensor::Tensor::cat(
            [relu11_out1.clone(), constantofshape10_out1].into(),
            1,
        );
        let conv2d22_out1 = crate::model::ops::conv2d(&self.conv2d22, relu11_out1);
        let relu12_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d23, conv2d22_out1, concat10_out1);
        let maxpool2d3_out1 = crate::model::ops::max_pool(&self.maxpool2d3, relu12_out1.clone());
        let constantofshape11_out1 = Tensor::<
            1,
        >::from_data(
                burn::tensor::TensorData::from([0.0f32 as f64]),
                (&self.device, burn::tensor::DType::F32),
            )
            .reshape([1, 1, 1, 1])
            .expand([1usize, 8usize, 8usize, 8usize]);
        let concat11_out1 = burn::tensor::Tensor::cat(
            [maxpool2d3_out1, constantofshape11_out1].into(),
            1,
        );
        let conv2d24_out1 = crate::model::ops::conv2d(&self.conv2d24, relu12_out1.clone());
        let relu13_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d25, conv2d24_out1, concat11_out1);
        let conv2d26_out1 = crate::model::ops::conv2d(&self.conv2d26, relu13_out1.clone());
        let relu14_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d27, conv2d26_out1, relu13_out1);
        let conv2d28_out1 = crate::model::ops::conv2d(&self.conv2d28, relu14_out1.clone());
        let relu15_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d29, conv2d28_out1, relu14_out1);
        let conv2d30_out1 = crate::model::ops::conv2d(&self.conv2d30, relu15_out1.clone());
        let relu16_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d31, conv2d30_out1, relu15_out1);
        let conv2d32_out1 = crate::model::ops::conv2d(&self.conv2d32, relu16_out1.clone());
        let relu17_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d33, conv2d32_out1, relu16_out1);
        let conv2d34_out1 = crate::model::ops::conv2d(&self.conv2d34, relu17_out1.clone());
        let transpose2_out1 = conv2d34_out1.permute([0, 2, 3, 1]);
        let reshape1_out1 = transpose2_out1.reshape([1, 384, 16]);
        let conv2d35_out1 = crate::model::ops::conv2d(&self.conv2d35, relu17_out1);
        let transpose3_out1 = conv2d35_out1.permute([0, 2, 3, 1]);
        let reshape2_out1 = transpose3_out1.reshape([1, 384, 1]);
        let conv2d36_out1 = crate::model::ops::conv2d(&self.conv2d36, relu12_out1.clone());
        let transpose4_out1 = conv2d36_out1.permute([0, 2, 3, 1]);
        let reshape3_out1 = transpose4_out1.reshape([1, 512, 16]);
        let conv2d37_out1 = crate::model::ops::conv2d(&self.conv2d37, relu12_out1);
        let transpose5_out1 = conv2d37_out1.permute([0, 2, 3, 1]);
        let reshape4_out1 = transpose5_out1.reshape([1, 512, 1]);
        (reshape4_out1, reshape2_out1, reshape3_out1, reshape1_out1)
    }
}
