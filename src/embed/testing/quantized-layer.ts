// Test fixture: the nodes onnxruntime's quantize_dynamic writes for one linear layer (DynamicQuantizeLinear →
// MatMulInteger against int8 weights with per-column zero points → Cast → Mul by both scales), so tests can run a
// graph whose activations are quantized per tensor like the bundled e5 model's.
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
const { FLOAT, INT8 } = onnx.TensorProto.DataType;

export interface QuantizedLayer {
  nodes: onnxProto.onnx.INodeProto[];
  initializers: onnxProto.onnx.ITensorProto[];
}

/** A square layer `output = input · W` over the last axis of `input` (width `size`), W from the seeded `random`. */
export function quantizedLayer(
  input: string,
  output: string,
  size: number,
  random: () => number,
): QuantizedLayer {
  const weights = new Int8Array(size * size);
  for (let index = 0; index < weights.length; index++) weights[index] = Math.round(random() * 254 - 127);
  const zeroPoints = new Int8Array(size);
  for (let index = 0; index < size; index++) zeroPoints[index] = Math.round(random() * 6 - 3);
  const scales = Float32Array.from({ length: size }, () => 0.002 + random() * 0.004);
  const name = (part: string) => `${output}_${part}`;
  const bytes = (values: Int8Array | Float32Array) =>
    new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  return {
    initializers: [
      { name: name('weights'), dataType: INT8, dims: [size, size], rawData: bytes(weights) },
      { name: name('weights_zero_point'), dataType: INT8, dims: [size], rawData: bytes(zeroPoints) },
      { name: name('weights_scale'), dataType: FLOAT, dims: [size], rawData: bytes(scales) },
    ],
    nodes: [
      {
        opType: 'DynamicQuantizeLinear',
        input: [input],
        output: [name('quantized'), name('scale'), name('zero_point')],
        name: name('quantize'),
      },
      {
        opType: 'MatMulInteger',
        input: [name('quantized'), name('weights'), name('zero_point'), name('weights_zero_point')],
        output: [name('integers')],
        name: name('matmul'),
      },
      {
        opType: 'Cast',
        input: [name('integers')],
        output: [name('floats')],
        name: name('cast'),
        attribute: [{ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: FLOAT }],
      },
      {
        opType: 'Mul',
        input: [name('scale'), name('weights_scale')],
        output: [name('scales')],
        name: name('scales'),
      },
      { opType: 'Mul', input: [name('floats'), name('scales')], output: [output], name: name('rescale') },
    ],
  };
}
