import onnxProto from 'onnx-proto';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random.ts';
import { quantizeActivationsPerToken } from './per-token-quantization.ts';
import { quantizedLayer } from './testing/quantized-layer.ts';

const { onnx } = onnxProto;
const WIDTH = 8;

/** x [batch, tokens, WIDTH] → one quantized linear layer (→ `extra`, when given, applied to the quantized input). */
function layerGraph(options: { extra?: onnxProto.onnx.INodeProto } = {}): Uint8Array {
  const layer = quantizedLayer('x', 'y', WIDTH, seededRandom(7));
  const { FLOAT } = onnx.TensorProto.DataType;
  const tensor = (name: string, elemType: number, dims: string[]) => ({
    name,
    type: { tensorType: { elemType, shape: { dim: dims.map((dimParam) => ({ dimParam })) } } },
  });
  const outputs = [tensor('y', FLOAT, ['batch', 'tokens', 'width'])];
  if (options.extra)
    outputs.push(tensor(options.extra.output?.[0] ?? '', FLOAT, ['batch', 'tokens', 'width']));
  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 13 }],
    graph: {
      name: 'layer',
      input: [tensor('x', FLOAT, ['batch', 'tokens', 'width'])],
      output: outputs,
      initializer: layer.initializers,
      node: [...layer.nodes, ...(options.extra ? [options.extra] : [])],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

/** Token rows of distinct ranges: a large-valued row widens a per-tensor range for every other row. */
function tokens(count: number, seed: number): Float32Array[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, row) =>
    Float32Array.from({ length: WIDTH }, () => (random() * 2 - 1) * (1 + row * 3)),
  );
}

async function runRows(model: Uint8Array, rows: Float32Array[]): Promise<Float32Array[]> {
  const session = await ort.InferenceSession.create(model);
  const input = new Float32Array(rows.length * WIDTH);
  rows.forEach((row, index) => {
    input.set(row, index * WIDTH);
  });
  const { y } = await session.run({ x: new ort.Tensor('float32', input, [1, rows.length, WIDTH]) });
  const data = (y as ort.Tensor).data as Float32Array;
  await session.release();
  return rows.map((_, index) => data.slice(index * WIDTH, (index + 1) * WIDTH));
}

async function alone(model: Uint8Array, rows: Float32Array[]): Promise<Float32Array[]> {
  const results: Float32Array[] = [];
  for (const row of rows) results.push(...(await runRows(model, [row])));
  return results;
}

describe('quantizeActivationsPerToken', () => {
  it('reproduces the fault it removes: per-tensor quantization makes a row depend on its neighbours', async () => {
    const rows = tokens(6, 1);
    const together = await runRows(layerGraph(), rows);
    const separately = await alone(layerGraph(), rows);
    const changed = rows.filter((_, index) => !arraysEqual(together[index], separately[index]));
    expect(changed.length).toBeGreaterThan(0);
  });

  it('gives every row the same output alone and in a batch, byte for byte', async () => {
    const { bytes, rewritten, rowIndependent } = quantizeActivationsPerToken(layerGraph());
    expect(rewritten).toBe(1);
    expect(rowIndependent).toBe(true);
    const rows = tokens(6, 2);
    const separately = await alone(bytes, rows);
    expect(await runRows(bytes, rows)).toEqual(separately);
    expect(await runRows(bytes, [...rows].reverse())).toEqual([...separately].reverse());
  });

  it('computes what the per-tensor graph computes for a single token (its tensor is the token)', async () => {
    const { bytes } = quantizeActivationsPerToken(layerGraph());
    for (const row of tokens(5, 3)) {
      const [expected] = await runRows(layerGraph(), [row]);
      const [received] = await runRows(bytes, [row]);
      received?.forEach((value, index) => {
        expect(value).toBeCloseTo(expected?.[index] ?? Number.NaN, 5);
      });
    }
  });

  it('quantizes an all-zero token to zeros instead of dividing by a zero range', async () => {
    const { bytes } = quantizeActivationsPerToken(layerGraph());
    const [zeros] = await runRows(bytes, [new Float32Array(WIDTH)]);
    expect(Array.from(zeros ?? [])).toEqual(new Array(WIDTH).fill(0));
  });

  it('returns a graph without dynamic quantization unchanged', () => {
    const model = onnx.ModelProto.encode(
      onnx.ModelProto.create({
        irVersion: 8,
        opsetImport: [{ domain: '', version: 13 }],
        graph: { name: 'float', node: [{ opType: 'Relu', input: ['x'], output: ['y'] }] },
      }),
    ).finish();
    expect(quantizeActivationsPerToken(model)).toEqual({ bytes: model, rewritten: 0, rowIndependent: true });
  });

  it('leaves a quantizer it does not know how to rewrite alone and says rows are not independent', () => {
    const model = layerGraph({
      extra: {
        opType: 'DequantizeLinear',
        input: ['y_quantized', 'y_scale', 'y_zero_point'],
        output: ['x_again'],
        name: 'dequantize',
      },
    });
    expect(quantizeActivationsPerToken(model)).toEqual({ bytes: model, rewritten: 0, rowIndependent: false });
  });
});

function arraysEqual(left: Float32Array | undefined, right: Float32Array | undefined): boolean {
  return left !== undefined && right !== undefined && left.every((value, index) => value === right[index]);
}
