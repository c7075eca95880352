// Computes the golden fixture backbone-converter/src/test/resources/golden/backbone-features.json
// with the real TensorFlow.js runtime (pure-JS CPU backend).
//
// Usage (from this directory):
//   npm ci
//   node golden.mjs [nsfwjs-4.4.0.tgz | extracted 'package' dir] [output.json]
//
// Without a first argument, `npm pack nsfwjs@4.4.0` is run in a temporary directory.
// Without a second argument, the fixture is written to ../resources/golden/backbone-features.json.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';

const PACKAGE = 'nsfwjs@4.4.0';
const MODEL_DIR = 'dist/models/mobilenet_v2_mid';
const FEATURE_NODE =
  'StatefulPartitionedCall/sequential/keras_layer/StatefulPartitionedCall/StatefulPartitionedCall/' +
  'StatefulPartitionedCall/predict/feature_vector/SpatialSqueeze';
const OUTPUT_NODE = 'Identity';
// The intermediate layers PlantSpy's serving backbone exposes (see BuildBackbone.TAP_NODES): each NHWC feature map
// is reduced to its per-channel mean and standard deviation over positions, mean first.
const TAP_PREFIX =
  'StatefulPartitionedCall/sequential/keras_layer/StatefulPartitionedCall/StatefulPartitionedCall/' +
  'StatefulPartitionedCall/predict/MobilenetV2/';
const TAP_NODES = ['expanded_conv_6/expand/Relu6', 'expanded_conv_9/expand/Relu6', 'expanded_conv_13/expand/Relu6']
  .map((n) => TAP_PREFIX + n);
const BATCH = 2;
const SIZE = 224;
const CHANNELS = 3;
const FEATURES = 1792;
const CLASSES = 5;

const here = path.dirname(fileURLToPath(import.meta.url));
const outFile = path.resolve(process.argv[3] ?? path.join(here, '../resources/golden/backbone-features.json'));

const tempDirs = [];

/** Returns the extracted nsfwjs 'package' directory for the given argument. */
function resolvePackageDir(arg) {
  if (arg && fs.statSync(arg).isDirectory()) {
    return path.resolve(arg);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plantspy-nsfwjs-'));
  tempDirs.push(tmp);
  let tgz = arg ? path.resolve(arg) : null;
  if (!tgz) {
    const name = execFileSync('npm', ['pack', PACKAGE, '--silent'], { cwd: tmp, encoding: 'utf8' }).trim().split('\n').pop();
    tgz = path.join(tmp, name);
  }
  execFileSync('tar', ['-xzf', tgz, '-C', tmp]);
  return path.join(tmp, 'package');
}

/** Evaluates one of the UMD '.min.js' modules and returns its module.exports. */
function loadUmd(file) {
  const sandbox = { module: { exports: {} } };
  sandbox.exports = sandbox.module.exports;
  vm.runInNewContext(fs.readFileSync(file, 'utf8'), sandbox, { filename: file });
  return sandbox.module.exports;
}

/** value(b,y,x,c) = ((x*7 + y*13 + c*29 + b*101) % 256) / 255, NHWC. */
function makeInput() {
  const data = new Float32Array(BATCH * SIZE * SIZE * CHANNELS);
  let i = 0;
  for (let b = 0; b < BATCH; b++)
    for (let y = 0; y < SIZE; y++)
      for (let x = 0; x < SIZE; x++)
        for (let c = 0; c < CHANNELS; c++)
          data[i++] = ((x * 7 + y * 13 + c * 29 + b * 101) % 256) / 255;
  return tf.tensor4d(data, [BATCH, SIZE, SIZE, CHANNELS], 'float32');
}

function rows(tensor, width) {
  const flat = tensor.dataSync();
  const out = [];
  for (let r = 0; r < flat.length / width; r++) {
    out.push(Array.from(flat.subarray(r * width, (r + 1) * width), (v) => Number(v.toPrecision(9))));
  }
  return out;
}

function check(cond, message) {
  if (!cond) throw new Error(`sanity check failed: ${message}`);
}

const started = Date.now();
const pkgDir = resolvePackageDir(process.argv[2]);
const modelDir = path.join(pkgDir, MODEL_DIR);
const pkgJson = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
check(`${pkgJson.name}@${pkgJson.version}` === PACKAGE, `expected ${PACKAGE}, got ${pkgJson.name}@${pkgJson.version}`);

const modelJson = loadUmd(path.join(modelDir, 'model.min.js'));
const squeeze = modelJson.modelTopology.node.find((n) => n.name === FEATURE_NODE);
check(squeeze && squeeze.op === 'Squeeze', `node ${FEATURE_NODE} (Squeeze) not in modelTopology`);
check(modelJson.modelTopology.node.some((n) => n.name === OUTPUT_NODE), `node ${OUTPUT_NODE} not in modelTopology`);

// Concatenate the decoded shards in manifest path order; tfjs dequantises the uint8 weights itself.
const weightSpecs = [];
const shards = [];
for (const group of modelJson.weightsManifest) {
  weightSpecs.push(...group.weights);
  for (const p of group.paths) shards.push(Buffer.from(loadUmd(path.join(modelDir, `${p}.min.js`)), 'base64'));
}
const weights = Buffer.concat(shards);
const weightData = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength);

await tf.setBackend('cpu');
await tf.ready();
const model = await tf.loadGraphModel(
  tf.io.fromMemory({ modelTopology: modelJson.modelTopology, weightSpecs, weightData }),
);

const input = makeInput();
const [featTensor, probTensor, ...tapTensors] = model.execute(input, [FEATURE_NODE, OUTPUT_NODE, ...TAP_NODES]);
// Population standard deviation, as tf.moments computes it.
const tapStats = tf.concat(tapTensors.flatMap((t) => {
  const { mean, variance } = tf.moments(t, [1, 2]);
  return [mean, tf.sqrt(variance)];
}), 1);
const tapWidth = tapStats.shape[1];
const taps = rows(tapStats, tapWidth);
check(featTensor.shape.join() === `${BATCH},${FEATURES}`, `feature shape ${featTensor.shape}`);
check(probTensor.shape.join() === `${BATCH},${CLASSES}`, `probability shape ${probTensor.shape}`);
const features = rows(featTensor, FEATURES);
const probabilities = rows(probTensor, CLASSES);

for (const [b, f] of features.entries()) {
  check(f.every((v) => Number.isFinite(v) && v >= 0 && v <= 6), `features[${b}] not in [0, 6] (post-ReLU6 average)`);
  check(f.some((v) => v > 0), `features[${b}] all zero`);
}
check(features[0].some((v, i) => v !== features[1][i]), 'batch items have identical features');
for (const [b, p] of probabilities.entries()) {
  const sum = p.reduce((a, v) => a + v, 0);
  check(p.every((v) => v >= 0 && v <= 1) && Math.abs(sum - 1) < 1e-4, `probabilities[${b}] sum ${sum}`);
}

const fixture = {
  generator: 'backbone-converter/src/test/tfjs/golden.mjs',
  tfjs: tf.version.tfjs,
  package: PACKAGE,
  model: MODEL_DIR,
  input: 'value(b,y,x,c) = ((x*7 + y*13 + c*29 + b*101) % 256) / 255, NHWC [2,224,224,3]',
  output: 'feature_vector/SpatialSqueeze',
  shape: [BATCH, FEATURES],
  features,
  nsfwProbabilities: probabilities,
  tapNodes: TAP_NODES,
  tapPooling: 'per tap: mean over positions of each channel, then population std over positions; taps concatenated',
  tapShape: [BATCH, tapWidth],
  taps,
};
// Pretty top level, one line per feature row, to keep diffs readable.
const body = Object.entries(fixture).map(([k, v]) => {
  const value = Array.isArray(v) && Array.isArray(v[0])
    ? `[\n${v.map((row) => `    ${JSON.stringify(row)}`).join(',\n')}\n  ]`
    : JSON.stringify(v);
  return `  ${JSON.stringify(k)}: ${value}`;
});
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, `{\n${body.join(',\n')}\n}\n`);
for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });

console.log(`tfjs ${tf.version.tfjs}, backend ${tf.getBackend()}`);
console.log(`feature node: ${FEATURE_NODE}`);
console.log(`output node:  ${OUTPUT_NODE}`);
for (const [b, f] of features.entries()) console.log(`features[${b}][0..5] = ${f.slice(0, 5).join(', ')}`);
for (const [b, p] of probabilities.entries()) console.log(`probabilities[${b}] = ${p.join(', ')}`);
console.log(`wrote ${outFile} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
