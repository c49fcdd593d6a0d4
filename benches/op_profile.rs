//! Where a training step's time goes, natively on the flex CPU backend: each layer of Model 2
//! and Model 3 alone, on its real input shape at batch 32, forward (inference device) and
//! forward + backward (autodiff device; the loss weights the output by fixed random values, so
//! the gradient arriving is dense, as in a network), ms per step (median of a few runs), summed per kind
//! of operation. Prints markdown tables.
//!
//! The convolutions and pools are the model's (`facepoints::model::ops`); `BURN_OPS=1` times
//! burn's modules instead.
//!
//! `[BURN_OPS=1] cargo bench --profile dev --bench op_profile [-- model2 model3] [-- --batch 32]`

use std::collections::BTreeMap;
use std::time::Instant;

use burn::nn::conv::Conv2dConfig;
use burn::nn::pool::MaxPool2dConfig;
use burn::nn::{BatchNormConfig, LinearConfig, PaddingConfig2d, Relu};
use burn::prelude::*;
use burn::tensor::Distribution;
use facepoints::model::{Features, LayerSpec, ModelConfig, ops};

const RUNS: usize = 5;

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

/// Median ms of `call` over RUNS runs, after one untimed.
fn time(mut call: impl FnMut()) -> f64 {
    call();
    median(
        (0..RUNS)
            .map(|_| {
                let t = Instant::now();
                call();
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect(),
    )
}

/// One layer's forward on `x`; `train` applies ReLU after convs and dense layers as the model
/// does (timed with the layer).
fn layer_forward(
    spec: LayerSpec,
    input: Features,
    device: &Device,
) -> Box<dyn Fn(Tensor<4>) -> Tensor<2>> {
    let channels = input.channels();
    let relu = Relu::new();
    match spec {
        LayerSpec::Conv { filters, kernel } => {
            let conv = Conv2dConfig::new([channels, filters], [kernel, kernel])
                .with_padding(PaddingConfig2d::Same)
                .init(device);
            if burn_ops() {
                Box::new(move |x| relu.forward(conv.forward(x)).flatten(1, 3))
            } else {
                Box::new(move |x| relu.forward(ops::conv2d(&conv, x)).flatten(1, 3))
            }
        }
        LayerSpec::MaxPool => {
            let pool = MaxPool2dConfig::new([2, 2]).with_strides([2, 2]).init();
            if burn_ops() {
                Box::new(move |x| pool.forward(x).flatten(1, 3))
            } else {
                Box::new(move |x| ops::max_pool(&pool, x).flatten(1, 3))
            }
        }
        LayerSpec::BatchNorm => {
            let bn = BatchNormConfig::new(channels).init(device);
            match input {
                Features::Spatial { .. } => Box::new(move |x| bn.forward(x).flatten(1, 3)),
                Features::Flat(_) => Box::new(move |x: Tensor<4>| bn.forward(x.flatten(1, 3))),
            }
        }
        LayerSpec::Dense { units } => {
            let dense = LinearConfig::new(input.len(), units).init(device);
            Box::new(move |x: Tensor<4>| relu.forward(dense.forward(x.flatten(1, 3))))
        }
        LayerSpec::Dropout { .. } | LayerSpec::Flatten => Box::new(|x: Tensor<4>| x.flatten(1, 3)),
    }
}

/// `BURN_OPS=1`: burn's own convolution and pool modules instead of the model's operations.
fn burn_ops() -> bool {
    std::env::var_os("BURN_OPS").is_some()
}

fn input_shape(input: Features, batch: usize) -> [usize; 4] {
    match input {
        Features::Spatial { channels, side } => [batch, channels, side, side],
        Features::Flat(n) => [batch, n, 1, 1],
    }
}

fn kind(spec: LayerSpec) -> &'static str {
    match spec {
        LayerSpec::Conv { .. } => "conv + ReLU",
        LayerSpec::MaxPool => "max pool 2×2",
        LayerSpec::BatchNorm => "batch norm",
        LayerSpec::Dense { .. } => "dense",
        LayerSpec::Dropout { .. } | LayerSpec::Flatten => "other",
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let batch = args
        .iter()
        .position(|a| a == "--batch")
        .and_then(|i| args.get(i + 1))
        .map_or(32, |b| b.parse().expect("--batch N"));
    let mut models: Vec<&str> = args
        .iter()
        .filter(|a| a.starts_with("model"))
        .map(String::as_str)
        .collect();
    if models.is_empty() {
        models = vec!["model2", "model3"];
    }
    let plain = Device::flex();
    let autodiff = Device::flex().autodiff();
    for name in models {
        let shapes = ModelConfig::preset(name).unwrap().shapes().unwrap();
        println!(
            "\n{name}, batch {batch}, flex, {} convolutions and pools, ms per step (median of {RUNS})\n",
            if burn_ops() { "burn's" } else { "the model's" }
        );
        println!("| layer | input | forward | forward + backward | backward |");
        println!("|---|---|---|---|---|");
        let mut per_kind: BTreeMap<&str, (f64, f64)> = BTreeMap::new();
        for shape in shapes
            .iter()
            .filter(|s| !matches!(s.spec, LayerSpec::Dropout { .. } | LayerSpec::Flatten))
        {
            let dims = input_shape(shape.input, batch);
            let forward = {
                let layer = layer_forward(shape.spec, shape.input, &plain);
                let x = Tensor::<4>::random(dims, Distribution::Default, &plain);
                time(|| {
                    layer(x.clone()).into_data();
                })
            };
            let both = {
                let layer = layer_forward(shape.spec, shape.input, &autodiff);
                let x = Tensor::<4>::random(dims, Distribution::Default, &autodiff).require_grad();
                // A dense upstream gradient, as in a network (a bare sum's is one broadcast value).
                let r =
                    Tensor::<2>::random(layer(x.clone()).dims(), Distribution::Default, &autodiff);
                time(|| {
                    let grads = (layer(x.clone()) * r.clone()).sum().backward();
                    // flex is eager: the gradient is computed by now (reading it back into a
                    // `TensorData` would add a copy the size of the input).
                    assert!(x.grad(&grads).is_some());
                })
            };
            let entry = per_kind.entry(kind(shape.spec)).or_default();
            entry.0 += forward;
            entry.1 += both;
            println!(
                "| {:?} | {:?} | {forward:.2} | {both:.2} | {:.2} |",
                shape.spec,
                &dims[1..],
                both - forward
            );
        }
        let total: f64 = per_kind.values().map(|v| v.1).sum();
        println!("\n| {name}: operation | forward | forward + backward | share of the step |");
        println!("|---|---|---|---|");
        for (kind, (f, b)) in &per_kind {
            println!("| {kind} | {f:.1} | {b:.1} | {:.0}% |", 100.0 * b / total);
        }
        println!(
            "| all layers | {:.1} | {total:.1} | {:.0} images/s if nothing else |",
            per_kind.values().map(|v| v.0).sum::<f64>(),
            batch as f64 / (total / 1e3)
        );
    }
}
