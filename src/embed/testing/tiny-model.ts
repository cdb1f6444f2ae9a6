// Test fixture: writes a tiny BERT-shaped model (WordPiece tokenizer + ONNX graph) that transformers.js loads.
import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import onnxProto from 'onnx-proto';
import { seededRandom } from '../../seeded-random.ts';
import { quantizedLayer } from './quantized-layer.ts';

const { onnx } = onnxProto;

export interface TinyBertModelOptions {
  /** Folder name below `dir`, may contain a slash like a hub id. Default "testing/tiny-multilingual-e5". */
  modelName?: string;
  /** Width of the hidden state (the embedding dimensions). Default 32. */
  hiddenSize?: number;
  /** Seed of the weights; the same seed writes the same bytes. Default 42. */
  seed?: number;
  /** Longest tokenised input; longer ones are truncated by the tokenizer. Default 128. */
  maxLength?: number;
}

const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;

// Words of the IMK resolutions plus the e5 prefixes, so that prefixes and German text change the vectors.
const WORDS = [
  'query',
  'passage',
  'die',
  'der',
  'das',
  'und',
  'in',
  'zu',
  'den',
  'mit',
  'von',
  'für',
  'innenminister',
  'konferenz',
  'beschluss',
  'beschließt',
  'nimmt',
  'kenntnis',
  'bericht',
  'polizei',
  'bund',
  'länder',
  'land',
  'gefährder',
  'prüfung',
  'übermittlung',
  'abschiebung',
  'straße',
  'sicherheit',
  'schutz',
  'bevölkerung',
  'katastrophen',
  'top',
  'ziffer',
  'protokollnotiz',
  'ausländer',
  'behörden',
  'öffentliche',
  'maßnahmen',
];
const SUBWORDS = ['##ung', '##en', '##er', '##e', '##s', '##n', '##lich', '##keit', '##heit'];
const PUNCTUATION = [':', '.', ',', ';', '-', '(', ')', '?', '!', '/', '§', '"', "'"];
const LETTERS = [...'abcdefghijklmnopqrstuvwxyzäöüß0123456789'];

function buildVocabulary(): Record<string, number> {
  const tokens = [
    ...SPECIAL_TOKENS,
    ...PUNCTUATION,
    ...WORDS,
    ...SUBWORDS,
    ...LETTERS,
    ...LETTERS.map((letter) => `##${letter}`),
  ];
  const vocabulary: Record<string, number> = {};
  for (const token of tokens) {
    if (!(token in vocabulary)) vocabulary[token] = Object.keys(vocabulary).length;
  }
  return vocabulary;
}

function randomMatrix(rows: number, columns: number, random: () => number): Float32Array {
  const values = new Float32Array(rows * columns);
  for (let index = 0; index < values.length; index++) values[index] = random() * 2 - 1;
  return values;
}

function bytesOf(values: Float32Array | BigInt64Array): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}

function tensorInput(name: string, elementType: number, dimensions: string[]) {
  return {
    name,
    type: {
      tensorType: { elemType: elementType, shape: { dim: dimensions.map((dimParam) => ({ dimParam })) } },
    },
  };
}

/**
 * The graph: last_hidden_state = tanh(word[input_ids] + type[token_type_ids]) * attention_mask. Each token's vector
 * depends only on that token, so padding in a batch cannot change a result. The `quantized` graph (the q8 file)
 * adds a linear layer as onnxruntime's quantize_dynamic writes it, whose activations are quantized per tensor —
 * over the whole batch — like the bundled e5 model's.
 */
function buildOnnxModel(
  vocabularySize: number,
  hiddenSize: number,
  seed: number,
  quantized: boolean,
): Uint8Array {
  const random = seededRandom(seed);
  const layer = quantized
    ? quantizedLayer('activated', 'projected', hiddenSize, seededRandom(seed + 1))
    : undefined;
  const { FLOAT, INT64 } = onnx.TensorProto.DataType;
  const graph = {
    name: 'tiny_bert',
    input: [
      tensorInput('input_ids', INT64, ['batch', 'sequence']),
      tensorInput('attention_mask', INT64, ['batch', 'sequence']),
      tensorInput('token_type_ids', INT64, ['batch', 'sequence']),
    ],
    output: [tensorInput('last_hidden_state', FLOAT, ['batch', 'sequence', 'hidden'])],
    initializer: [
      {
        name: 'word_embeddings',
        dataType: FLOAT,
        dims: [vocabularySize, hiddenSize],
        rawData: bytesOf(randomMatrix(vocabularySize, hiddenSize, random)),
      },
      {
        name: 'token_type_embeddings',
        dataType: FLOAT,
        dims: [2, hiddenSize],
        rawData: bytesOf(randomMatrix(2, hiddenSize, random)),
      },
      { name: 'last_axis', dataType: INT64, dims: [1], rawData: bytesOf(BigInt64Array.of(-1n)) },
      ...(layer?.initializers ?? []),
    ],
    node: [
      { opType: 'Gather', input: ['word_embeddings', 'input_ids'], output: ['words'], name: 'gather_words' },
      {
        opType: 'Gather',
        input: ['token_type_embeddings', 'token_type_ids'],
        output: ['types'],
        name: 'gather_types',
      },
      { opType: 'Add', input: ['words', 'types'], output: ['summed'], name: 'add' },
      { opType: 'Tanh', input: ['summed'], output: ['activated'], name: 'tanh' },
      ...(layer?.nodes ?? []),
      {
        opType: 'Cast',
        input: ['attention_mask'],
        output: ['mask_float'],
        name: 'cast_mask',
        attribute: [{ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: FLOAT }],
      },
      { opType: 'Unsqueeze', input: ['mask_float', 'last_axis'], output: ['mask'], name: 'unsqueeze_mask' },
      {
        opType: 'Mul',
        input: [layer ? 'projected' : 'activated', 'mask'],
        output: ['last_hidden_state'],
        name: 'apply_mask',
      },
    ],
  };
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'beschluss-assistent tiny-model fixture',
    opsetImport: [{ domain: '', version: 13 }],
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}

function buildTokenizer(vocabulary: Record<string, number>) {
  const special = (token: string) => ({ id: token, ids: [vocabulary[token]], tokens: [token] });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content) => ({
      id: vocabulary[content],
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      // German keeps its umlauts: "Prüfung" and "Prufung" are different words.
      strip_accents: false,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: { '[CLS]': special('[CLS]'), '[SEP]': special('[SEP]') },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: vocabulary,
    },
  };
}

async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${randomUUID()}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}

/**
 * Writes <dir>/<modelName>/{config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx,
 * onnx/model_quantized.onnx}: the fp32 and q8 file names transformers.js v3 asks for; the q8 graph adds an int8
 * layer with dynamically quantized activations.
 */
export async function buildTinyBertModel(
  dir: string,
  options: TinyBertModelOptions = {},
): Promise<{ modelName: string; modelPath: string; vocabularySize: number; hiddenSize: number }> {
  const { modelName = 'testing/tiny-multilingual-e5', hiddenSize = 32, seed = 42, maxLength = 128 } = options;
  const modelPath = path.join(dir, modelName);
  const vocabulary = buildVocabulary();
  const vocabularySize = Object.keys(vocabulary).length;
  const config = {
    architectures: ['BertModel'],
    model_type: 'bert',
    hidden_size: hiddenSize,
    vocab_size: vocabularySize,
    type_vocab_size: 2,
    max_position_embeddings: maxLength,
    num_attention_heads: 1,
    num_hidden_layers: 0,
    pad_token_id: vocabulary['[PAD]'],
  };
  const tokenizerConfig = {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    strip_accents: false,
    model_max_length: maxLength,
    clean_up_tokenization_spaces: true,
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    mask_token: '[MASK]',
  };
  const onnxModel = buildOnnxModel(vocabularySize, hiddenSize, seed, false);
  await writeFileAtomic(path.join(modelPath, 'config.json'), JSON.stringify(config, null, 2));
  await writeFileAtomic(path.join(modelPath, 'tokenizer.json'), JSON.stringify(buildTokenizer(vocabulary)));
  await writeFileAtomic(
    path.join(modelPath, 'tokenizer_config.json'),
    JSON.stringify(tokenizerConfig, null, 2),
  );
  await writeFileAtomic(path.join(modelPath, 'onnx', 'model.onnx'), onnxModel);
  await writeFileAtomic(
    path.join(modelPath, 'onnx', 'model_quantized.onnx'),
    buildOnnxModel(vocabularySize, hiddenSize, seed, true),
  );
  return { modelName, modelPath, vocabularySize, hiddenSize };
}
