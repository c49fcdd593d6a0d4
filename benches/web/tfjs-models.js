// The study's networks in TensorFlow.js, built from the same `ModelConfig` layer list that
// facepoints trains (batch norm, "same" convolutions with ReLU, 2×2 max pools, dropout,
// flatten, dense layers with ReLU but the last), NHWC. Loaded into the benchmark page.

/** A `tf.Sequential` for `layers` (facepoints' ModelConfig `layers`), input `[B, 96, 96, 1]`. */
export function buildModel(tf, layers) {
  const net = tf.sequential();
  const input = { inputShape: [96, 96, 1] };
  let first = true;
  const add = (layer) => { net.add(layer); first = false; };
  const lastDense = layers.map((l) => l.type).lastIndexOf('dense');
  layers.forEach((layer, i) => {
    const shape = first ? input : {};
    switch (layer.type) {
      case 'batch_norm': return add(tf.layers.batchNormalization({ ...shape, epsilon: 1e-5, momentum: 0.9 }));
      case 'conv': return add(tf.layers.conv2d({ ...shape, filters: layer.filters, kernelSize: layer.kernel, padding: 'same', activation: 'relu' }));
      case 'max_pool': return add(tf.layers.maxPooling2d({ ...shape, poolSize: 2, strides: 2 }));
      case 'dropout': return add(tf.layers.dropout({ ...shape, rate: layer.prob }));
      case 'flatten': return add(tf.layers.flatten(shape));
      case 'dense': return add(tf.layers.dense({ ...shape, units: layer.units, activation: i === lastDense ? 'linear' : 'relu' }));
      default: throw new Error(`no TF.js layer for ${layer.type}`);
    }
  });
  return net;
}

/**
 * TF.js 4.22's wasm backend has no Conv2DBackpropFilter kernel, so it cannot train a
 * convolution. This registers one, for the benchmark only, in two ways (`filterGradient.via`
 * picks; the benchmark times both and keeps the faster for TF.js):
 *  - 'matmul': the backend's own XNNPACK matrix product: for each kernel offset (i, j),
 *    dW[i, j] = Xᵢⱼᵀ · dY, where Xᵢⱼ is the padded input shifted by (i, j), as
 *    `[B·H'·W', C_in]`, and dY is `[B·H'·W', C_out]`;
 *  - 'conv3d': the backend's own Conv3DBackpropFilterV2 kernel on a depth of 1.
 * Stride 1, no dilation, NHWC (what these networks use); anything else is refused.
 */
export const filterGradient = { via: 'matmul' };

export function registerConv2DBackpropFilter(tf) {
  tf.registerKernel({
    kernelName: 'Conv2DBackpropFilter',
    backendName: 'wasm',
    kernelFunc: ({ inputs, attrs }) => {
      const { strides, pad, dataFormat, dilations, filterShape } = attrs;
      const one = (v) => (Array.isArray(v) ? v.every((s) => s === 1) : v === 1 || v === undefined);
      if (!one(strides) || !one(dilations ?? 1) || (dataFormat && dataFormat !== 'NHWC')) {
        throw new Error('this Conv2DBackpropFilter handles stride 1, dilation 1, NHWC only');
      }
      const engine = tf.engine();
      return tf.tidy(() => {
        const x = engine.makeTensorFromTensorInfo(inputs.x);
        const dy = engine.makeTensorFromTensorInfo(inputs.dy);
        const [kh, kw, cin, cout] = filterShape;
        const [n, oh, ow] = dy.shape;
        if (filterGradient.via === 'conv3d') {
          const dw = engine.runKernel('Conv3DBackpropFilterV2',
            { x: tf.reshape(x, [n, 1, ...x.shape.slice(1)]), dy: tf.reshape(dy, [n, 1, oh, ow, cout]) },
            { strides: [1, 1, 1], pad, filterShape: [1, kh, kw, cin, cout] });
          return tf.reshape(dw, [kh, kw, cin, cout]);
        }
        const [top, left] = pad === 'same' ? [Math.floor((kh - 1) / 2), Math.floor((kw - 1) / 2)] : [0, 0];
        const padded = pad === 'same'
          ? tf.pad(x, [[0, 0], [top, kh - 1 - top], [left, kw - 1 - left], [0, 0]])
          : x;
        const grad = tf.reshape(dy, [n * oh * ow, cout]);
        const taps = [];
        for (let i = 0; i < kh; i++) {
          for (let j = 0; j < kw; j++) {
            const shifted = tf.reshape(tf.slice(padded, [0, i, j, 0], [n, oh, ow, cin]), [n * oh * ow, cin]);
            taps.push(tf.matMul(shifted, grad, true, false)); // [C_in, C_out]
          }
        }
        return tf.reshape(tf.stack(taps), [kh, kw, cin, cout]);
      });
    },
  });
}
