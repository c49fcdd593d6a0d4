//! The detectors' convolutions and the ReLUs that follow them, as one call each.
//!
//! Their residual blocks end in three statements: a convolution, its output added to the
//! block's shortcut, the sum's ReLU —
//!
//! ```text
//! let conv2d5_out1 = crate::model::ops::conv2d(&self.conv2d5, conv2d4_out1);
//! let add1_out1 = relu1_out1.add(conv2d5_out1);
//! let relu3_out1 = burn::tensor::activation::relu(add1_out1);
//! ```
//!
//! [`with_fused_residuals`] writes each as one call, in the place of the sum:
//! `let relu3_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d5, conv2d4_out1,
//! relu1_out1);`. Then [`with_fused_relus`] writes each remaining convolution whose output
//! only a ReLU reads as `crate::model::ops::conv2d_relu`. On the CPU each is one pass over the
//! output where there were two or three, and one or two fewer tensors.

use std::collections::HashSet;

/// `let <name> = <value>;` → `(name, value)`.
fn binding(line: &str) -> Option<(&str, &str)> {
    let (name, value) = line.trim().strip_prefix("let ")?.split_once(" = ")?;
    Some((name, value.strip_suffix(';')?))
}

/// `crate::model::ops::conv2d(&self.<layer>, <input>)` → `(layer, input)`.
fn conv_call(value: &str) -> Option<(&str, &str)> {
    let args = value
        .strip_prefix("crate::model::ops::conv2d(&self.")?
        .strip_suffix(')')?;
    args.split_once(", ")
}

/// `<a>.add(<b>)` → `(a, b)`, both plain names.
fn add_call(value: &str) -> Option<(&str, &str)> {
    let (a, b) = value.strip_suffix(')')?.split_once(".add(")?;
    (is_name(a) && is_name(b)).then_some((a, b))
}

fn is_name(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// How many times `name` occurs in `code` as a whole identifier.
fn uses(code: &str, name: &str) -> usize {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    code.match_indices(name)
        .filter(|&(at, _)| {
            !code[..at].chars().next_back().is_some_and(ident)
                && !code[at + name.len()..].chars().next().is_some_and(ident)
        })
        .count()
}

/// `code` with each convolution → sum → ReLU (the convolution's output used by the sum alone,
/// the sum by the ReLU alone, the ReLU on the line after the sum) written as one
/// `crate::model::ops::conv2d_add_relu` call where the sum was. An error when there is none:
/// burn-onnx's output has changed shape and this rewrite must be looked at again.
pub fn with_fused_residuals(code: &str) -> Result<String, String> {
    let lines: Vec<&str> = code.lines().collect();
    let mut dropped = HashSet::new();
    let mut fused: Vec<(usize, String)> = Vec::new();
    for (at, pair) in lines.windows(2).enumerate() {
        let (Some((sum, add)), Some((relu, relu_of))) = (binding(pair[0]), binding(pair[1])) else {
            continue;
        };
        let Some((a, b)) = add_call(add) else {
            continue;
        };
        if relu_of != format!("burn::tensor::activation::relu({sum})") || uses(code, sum) != 2 {
            continue;
        }
        // The operand a convolution made for this sum alone (defined once, used once).
        let made_for_it = [(a, b), (b, a)]
            .into_iter()
            .find_map(|(conv_out, shortcut)| {
                if uses(code, conv_out) != 2 {
                    return None;
                }
                let line = lines[..at]
                    .iter()
                    .rposition(|l| binding(l).is_some_and(|(name, _)| name == conv_out))?;
                let (layer, input) = conv_call(binding(lines[line])?.1)?;
                // The call moves to the sum's line: what the convolution read must still be there.
                let read = input.strip_suffix(".clone()").unwrap_or(input);
                let untouched =
                    is_name(read) && lines[line + 1..at].iter().all(|l| uses(l, read) == 0);
                untouched.then_some((line, layer, input, shortcut))
            });
        let Some((conv_line, layer, input, shortcut)) = made_for_it else {
            continue;
        };
        let indent = &pair[0][..pair[0].len() - pair[0].trim_start().len()];
        dropped.extend([conv_line, at + 1]);
        fused.push((
            at,
            format!(
                "{indent}let {relu} = crate::model::ops::conv2d_add_relu(&self.{layer}, {input}, {shortcut});"
            ),
        ));
    }
    if fused.is_empty() {
        return Err("no convolution → sum → ReLU to fuse".into());
    }
    let mut out = String::with_capacity(code.len());
    let mut fused = fused.into_iter().peekable();
    for (i, line) in lines.iter().enumerate() {
        if fused.peek().is_some_and(|(at, _)| *at == i) {
            out.push_str(&fused.next().unwrap().1);
        } else if dropped.contains(&i) {
            continue;
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    if !code.ends_with('\n') {
        out.pop();
    }
    Ok(out)
}

/// `code` with each convolution whose output only a ReLU reads written as one
/// `crate::model::ops::conv2d_relu` call, in the convolution's place, named as the ReLU's
/// output (the ReLU's line dropped). An error when there is none.
pub fn with_fused_relus(code: &str) -> Result<String, String> {
    let lines: Vec<&str> = code.lines().collect();
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    let mut dropped = HashSet::new();
    for (at, line) in lines.iter().enumerate() {
        let Some((conv_out, value)) = binding(line) else {
            continue;
        };
        let Some((layer, input)) = conv_call(value) else {
            continue;
        };
        if uses(code, conv_out) != 2 {
            continue;
        }
        let relu_of = format!("burn::tensor::activation::relu({conv_out})");
        let Some(relu_line) = lines[at + 1..]
            .iter()
            .position(|l| binding(l).is_some_and(|(_, v)| v == relu_of))
        else {
            continue;
        };
        let relu = binding(lines[at + 1 + relu_line]).unwrap().0;
        let indent = &line[..line.len() - line.trim_start().len()];
        out[at] =
            format!("{indent}let {relu} = crate::model::ops::conv2d_relu(&self.{layer}, {input});");
        dropped.insert(at + 1 + relu_line);
    }
    if dropped.is_empty() {
        return Err("no convolution → ReLU to fuse".into());
    }
    let mut kept: Vec<String> = out
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !dropped.contains(i))
        .map(|(_, l)| l)
        .collect();
    if code.ends_with('\n') {
        kept.push(String::new());
    }
    Ok(kept.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blocks with the convolution on either side of the sum, the shortcut made between the
    /// convolution and the sum; not a block whose convolution's input is moved before the sum,
    /// nor a sum of two other values.
    #[test]
    fn fuses_each_block_whichever_side_the_convolution_is() {
        let code = "    fn forward(&self, x: Tensor<4>) -> Tensor<4> {
        let conv2d1_out1 = crate::model::ops::conv2d(&self.conv2d1, x);
        let relu1_out1 = burn::tensor::activation::relu(conv2d1_out1);
        let conv2d2_out1 = crate::model::ops::conv2d(&self.conv2d2, relu1_out1.clone());
        let add1_out1 = relu1_out1.add(conv2d2_out1);
        let relu2_out1 = burn::tensor::activation::relu(add1_out1);
        let conv2d3_out1 = crate::model::ops::conv2d(&self.conv2d3, relu2_out1.clone());
        let conv2d4_out1 = crate::model::ops::conv2d(&self.conv2d4, conv2d3_out1);
        let pad1_out1 = relu2_out1.pad(16);
        let add2_out1 = conv2d4_out1.add(pad1_out1);
        let relu3_out1 = burn::tensor::activation::relu(add2_out1);
        let conv2d5_out1 = crate::model::ops::conv2d(&self.conv2d5, relu3_out1.clone());
        let pad2_out1 = relu3_out1.pad(16);
        let add3_out1 = conv2d5_out1.add(pad2_out1);
        let relu4_out1 = burn::tensor::activation::relu(add3_out1);
        let add4_out1 = relu4_out1.clone().add(relu4_out1);
        let relu5_out1 = burn::tensor::activation::relu(add4_out1);
        relu5_out1
    }
";
        let want = "    fn forward(&self, x: Tensor<4>) -> Tensor<4> {
        let conv2d1_out1 = crate::model::ops::conv2d(&self.conv2d1, x);
        let relu1_out1 = burn::tensor::activation::relu(conv2d1_out1);
        let relu2_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d2, relu1_out1.clone(), relu1_out1);
        let conv2d3_out1 = crate::model::ops::conv2d(&self.conv2d3, relu2_out1.clone());
        let pad1_out1 = relu2_out1.pad(16);
        let relu3_out1 = crate::model::ops::conv2d_add_relu(&self.conv2d4, conv2d3_out1, pad1_out1);
        let conv2d5_out1 = crate::model::ops::conv2d(&self.conv2d5, relu3_out1.clone());
        let pad2_out1 = relu3_out1.pad(16);
        let add3_out1 = conv2d5_out1.add(pad2_out1);
        let relu4_out1 = burn::tensor::activation::relu(add3_out1);
        let add4_out1 = relu4_out1.clone().add(relu4_out1);
        let relu5_out1 = burn::tensor::activation::relu(add4_out1);
        relu5_out1
    }
";
        assert_eq!(with_fused_residuals(code).unwrap(), want);
    }

    /// A convolution read by a ReLU alone, wherever the ReLU is; not one read twice, nor a
    /// ReLU of anything else.
    #[test]
    fn fuses_a_convolution_into_its_relu() {
        let code = "    fn forward(&self, x: Tensor<4>) -> Tensor<4> {
        let conv2d1_out1 = crate::model::ops::conv2d(&self.conv2d1, x);
        let conv2d2_out1 = crate::model::ops::conv2d(&self.conv2d2, y);
        let relu1_out1 = burn::tensor::activation::relu(conv2d1_out1);
        let conv2d3_out1 = crate::model::ops::conv2d(&self.conv2d3, relu1_out1.clone());
        let relu2_out1 = burn::tensor::activation::relu(conv2d3_out1.clone());
        let relu3_out1 = burn::tensor::activation::relu(conv2d3_out1);
        let relu4_out1 = burn::tensor::activation::relu(relu2_out1);
        conv2d2_out1
    }
";
        let want = "    fn forward(&self, x: Tensor<4>) -> Tensor<4> {
        let relu1_out1 = crate::model::ops::conv2d_relu(&self.conv2d1, x);
        let conv2d2_out1 = crate::model::ops::conv2d(&self.conv2d2, y);
        let conv2d3_out1 = crate::model::ops::conv2d(&self.conv2d3, relu1_out1.clone());
        let relu2_out1 = burn::tensor::activation::relu(conv2d3_out1.clone());
        let relu3_out1 = burn::tensor::activation::relu(conv2d3_out1);
        let relu4_out1 = burn::tensor::activation::relu(relu2_out1);
        conv2d2_out1
    }
";
        assert_eq!(with_fused_relus(code).unwrap(), want);
    }

    /// A convolution whose output is also used elsewhere, or a sum used past its ReLU, stays.
    #[test]
    fn leaves_outputs_used_twice() {
        let code = "let c_out1 = crate::model::ops::conv2d(&self.c, x);
let add1_out1 = y.add(c_out1);
let relu1_out1 = burn::tensor::activation::relu(add1_out1);
let z = c_out1;
";
        assert!(with_fused_residuals(code).is_err());
        assert_eq!(
            uses("conv2d1_out1 conv2d11_out1 (conv2d1_out1)", "conv2d1_out1"),
            2
        );
    }
}
