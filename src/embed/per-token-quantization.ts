// Rewrites a dynamically quantized ONNX graph so that activations are quantized per token instead of per tensor,
// which makes a text's vector independent of the texts it is batched with.
//
// Why: onnxruntime's quantize_dynamic graphs (the bundled int8 e5 model among them) quantize each activation tensor
// with one scale and zero point taken from its minimum and maximum over the whole batch (DynamicQuantizeLinear). A
// question embedded together with others therefore gets another vector than alone (cosine ≈ 0.998), and answers
// depended on the load. Here each DynamicQuantizeLinear becomes the same arithmetic over the last axis only (per
// token: min/max → scale and zero point → QuantizeLinear per row), and each MatMulInteger fed by it subtracts the
// token's zero point times the weights' column sums in int32 (onnxruntime's MatMulInteger takes only a scalar zero
// point for its first input). Integer sums are exact, so a token's result depends on that token alone; the float
// parts of the graph (attention, LayerNorm, GELU) are computed per row already.
//
// Own code rather than a library: no maintained package rewrites quantized ONNX graphs in JavaScript; onnx-proto
// reads and writes the public protobuf format.
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
type Node = onnxProto.onnx.INodeProto;
type Tensor = onnxProto.onnx.ITensorProto;
const { DataType } = onnx.TensorProto;
const { AttributeType } = onnx.AttributeProto;

export interface PerTokenRewrite {
  /** The model to load: rewritten where it quantized activations per tensor, else the input bytes unchanged. */
  bytes: Uint8Array;
  /** DynamicQuantizeLinear nodes rewritten (0: the graph had none). */
  rewritten: number;
  /**
   * Whether rows of one batch cannot influence each other through quantization: true when every per-tensor
   * quantizer was rewritten (or there was none); false when one feeds something this rewrite does not know.
   */
  rowIndependent: boolean;
}

const PREFIX = 'per_token';
const CONSTANTS = {
  zero: `${PREFIX}_zero`,
  max: `${PREFIX}_255`,
  tiny: `${PREFIX}_tiny`,
  flat: `${PREFIX}_flat`,
};

export function quantizeActivationsPerToken(model: Uint8Array): PerTokenRewrite {
  const decoded = onnx.ModelProto.decode(model);
  const graph = decoded.graph;
  const quantizers = (graph?.node ?? []).filter((node) => node.opType === 'DynamicQuantizeLinear');
  if (!graph || quantizers.length === 0) return { bytes: model, rewritten: 0, rowIndependent: true };
  const initializers = new Map((graph.initializer ?? []).map((tensor) => [tensor.name ?? '', tensor]));
  const consumers = consumersOf(graph.node ?? []);
  if (!quantizers.every((node) => rewritable(node, consumers, initializers))) {
    return { bytes: model, rewritten: 0, rowIndependent: false };
  }
  const zeroPoints = new Map<string, string>();
  const nodes: Node[] = [];
  for (const node of graph.node ?? []) {
    if (node.opType === 'DynamicQuantizeLinear') {
      nodes.push(...perTokenQuantizer(node, zeroPoints));
    } else if (node.opType === 'MatMulInteger' && zeroPoints.has(node.input?.[2] ?? '')) {
      nodes.push(...withRowZeroPoints(node, zeroPoints, initializers, graph.initializer ?? []));
    } else {
      nodes.push(node);
    }
  }
  graph.node = nodes;
  graph.initializer = [...(graph.initializer ?? []), ...constants()];
  // Recorded shapes of the rewritten tensors (a scalar scale, say) would now be wrong: let the runtime infer them.
  const changed = new Set(
    (graph.node ?? [])
      .filter((entry) => entry.name?.startsWith(`${PREFIX}/`))
      .flatMap((entry) => entry.output ?? []),
  );
  graph.valueInfo = (graph.valueInfo ?? []).filter((info) => !changed.has(info.name ?? ''));
  return {
    bytes: onnx.ModelProto.encode(decoded).finish(),
    rewritten: quantizers.length,
    rowIndependent: true,
  };
}

function consumersOf(nodes: readonly Node[]): Map<string, Node[]> {
  const consumers = new Map<string, Node[]>();
  for (const node of nodes) {
    for (const input of node.input ?? []) consumers.set(input, [...(consumers.get(input) ?? []), node]);
  }
  return consumers;
}

/**
 * The pattern quantize_dynamic writes: the quantized tensor and zero point go only into MatMulInteger as its first
 * input and zero point, against constant weights; the scale only into a Mul (with the weights' scale).
 */
function rewritable(node: Node, consumers: Map<string, Node[]>, initializers: Map<string, Tensor>): boolean {
  const [quantized = '', scale = '', zeroPoint = ''] = node.output ?? [];
  const matMuls = consumers.get(quantized) ?? [];
  const zeroPointUsers = consumers.get(zeroPoint) ?? [];
  return (
    matMuls.length > 0 &&
    matMuls.every(
      (user) =>
        user.opType === 'MatMulInteger' &&
        user.input?.[0] === quantized &&
        user.input?.[2] === zeroPoint &&
        weightsOf(user, initializers) !== undefined,
    ) &&
    zeroPointUsers.every((user) => matMuls.includes(user)) &&
    (consumers.get(scale) ?? []).every((user) => user.opType === 'Mul')
  );
}

function node(opType: string, input: string[], output: string[], attribute: object[] = []): Node {
  return onnx.NodeProto.create({ opType, input, output, name: `${PREFIX}/${output[0]}`, attribute });
}

const intAttribute = (name: string, value: number) => ({ name, type: AttributeType.INT, i: value });
const intsAttribute = (name: string, value: number[]) => ({ name, type: AttributeType.INTS, ints: value });

/**
 * DynamicQuantizeLinear's arithmetic over the last axis: range [min(0, min x), max(0, max x)] of each token, scale
 * range/255, zero point round(-min/scale), x_q = saturate(round(x/scale) + zero point). The scale keeps the shape
 * [..., 1], so the Mul with the weights' scale broadcasts it over the output row.
 */
function perTokenQuantizer(quantizer: Node, zeroPoints: Map<string, string>): Node[] {
  const [x = ''] = quantizer.input ?? [];
  const [quantized = '', scale = '', zeroPoint = ''] = quantizer.output ?? [];
  const name = (part: string) => `${x}/${PREFIX}/${part}`;
  const lastAxis = [intsAttribute('axes', [-1]), intAttribute('keepdims', 1)];
  zeroPoints.set(zeroPoint, name('zero_point_int32'));
  return [
    node('ReduceMin', [x], [name('min')], lastAxis),
    node('ReduceMax', [x], [name('max')], lastAxis),
    node('Min', [name('min'), CONSTANTS.zero], [name('low')]),
    node('Max', [name('max'), CONSTANTS.zero], [name('high')]),
    node('Sub', [name('high'), name('low')], [name('range')]),
    node('Div', [name('range'), CONSTANTS.max], [name('step')]),
    // An all-zero token has no range; any positive scale quantizes it to the zero point.
    node('Max', [name('step'), CONSTANTS.tiny], [scale]),
    node('Div', [name('low'), scale], [name('low_steps')]),
    node('Sub', [CONSTANTS.zero, name('low_steps')], [name('offset')]),
    node('Clip', [name('offset'), CONSTANTS.zero, CONSTANTS.max], [name('offset_clipped')]),
    node('Round', [name('offset_clipped')], [name('zero_point_float')]),
    node(
      'Cast',
      [name('zero_point_float')],
      [name('zero_point_uint8')],
      [intAttribute('to', DataType.UINT8)],
    ),
    node(
      'Cast',
      [name('zero_point_float')],
      [name('zero_point_int32')],
      [intAttribute('to', DataType.INT32)],
    ),
    node('Shape', [x], [name('shape')]),
    node('Flatten', [x], [name('rows')], [intAttribute('axis', -1)]),
    node('Reshape', [scale, CONSTANTS.flat], [name('row_scales')]),
    node('Reshape', [name('zero_point_uint8'), CONSTANTS.flat], [name('row_zero_points')]),
    node(
      'QuantizeLinear',
      [name('rows'), name('row_scales'), name('row_zero_points')],
      [name('rows_quantized')],
      [intAttribute('axis', 0)],
    ),
    node('Reshape', [name('rows_quantized'), name('shape')], [quantized]),
  ];
}

/** MatMulInteger with a zero point per token: A·(W − w0) − zp_row · Σ_k (W − w0), all in int32. */
function withRowZeroPoints(
  matMul: Node,
  zeroPoints: Map<string, string>,
  initializers: Map<string, Tensor>,
  added: Tensor[],
): Node[] {
  const [a = '', weights = '', zeroPoint = '', weightZeroPoint = ''] = matMul.input ?? [];
  const [output = ''] = matMul.output ?? [];
  const columnSums = `${weights}/${PREFIX}/column_sums`;
  if (!initializers.has(columnSums)) {
    const sums = columnSumsOf(weightsOf(matMul, initializers) as Weights);
    const tensor = onnx.TensorProto.create({
      name: columnSums,
      dataType: DataType.INT32,
      dims: [sums.length],
      rawData: new Uint8Array(sums.buffer),
    });
    added.push(tensor);
    initializers.set(columnSums, tensor);
  }
  const name = (part: string) => `${output}/${PREFIX}/${part}`;
  return [
    node('MatMulInteger', weightZeroPoint ? [a, weights, '', weightZeroPoint] : [a, weights], [name('raw')]),
    node('Mul', [zeroPoints.get(zeroPoint) as string, columnSums], [name('offset')]),
    node('Sub', [name('raw'), name('offset')], [output]),
  ];
}

interface Weights {
  rows: number;
  columns: number;
  values: ArrayLike<number>;
  zeroPoints: ArrayLike<number>;
}

/** Constant 2-D int8/uint8 weights and their zero points (scalar, per column, or none), or undefined. */
function weightsOf(matMul: Node, initializers: Map<string, Tensor>): Weights | undefined {
  const weights = initializers.get(matMul.input?.[1] ?? '');
  const dims = (weights?.dims ?? []).map(Number);
  if (!weights || dims.length !== 2) return undefined;
  const [rows = 0, columns = 0] = dims;
  const values = integersOf(weights, rows * columns);
  const zeroPointName = matMul.input?.[3] ?? '';
  const zeroPointTensor = zeroPointName === '' ? undefined : initializers.get(zeroPointName);
  if (values === undefined || (zeroPointName !== '' && zeroPointTensor === undefined)) return undefined;
  const zeroPoints =
    zeroPointTensor === undefined
      ? new Int32Array(columns)
      : integersOf(zeroPointTensor, sizeOf(zeroPointTensor));
  if (zeroPoints === undefined || (zeroPoints.length !== 1 && zeroPoints.length !== columns))
    return undefined;
  return { rows, columns, values, zeroPoints };
}

function sizeOf(tensor: Tensor): number {
  return (tensor.dims ?? []).map(Number).reduce((product, dimension) => product * dimension, 1);
}

function integersOf(tensor: Tensor, count: number): ArrayLike<number> | undefined {
  const signed = tensor.dataType === DataType.INT8;
  if (!signed && tensor.dataType !== DataType.UINT8) return undefined;
  const raw = tensor.rawData;
  if (raw && raw.length === count) {
    return signed ? new Int8Array(raw.buffer, raw.byteOffset, count) : raw;
  }
  // Small tensors may be stored as int32_data instead of raw bytes.
  const stored = tensor.int32Data ?? [];
  return stored.length === count ? stored : undefined;
}

function columnSumsOf({ rows, columns, values, zeroPoints }: Weights): Int32Array {
  const sums = new Int32Array(columns);
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const zeroPoint = zeroPoints.length === 1 ? zeroPoints[0] : zeroPoints[column];
      sums[column] =
        (sums[column] as number) + (values[row * columns + column] as number) - (zeroPoint as number);
    }
  }
  return sums;
}

function constants(): Tensor[] {
  const scalar = (name: string, value: number) =>
    onnx.TensorProto.create({ name, dataType: DataType.FLOAT, dims: [], floatData: [value] });
  return [
    scalar(CONSTANTS.zero, 0),
    scalar(CONSTANTS.max, 255),
    scalar(CONSTANTS.tiny, 1e-30),
    onnx.TensorProto.create({ name: CONSTANTS.flat, dataType: DataType.INT64, dims: [1], int64Data: [-1] }),
  ];
}
