import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_TRAIN, formatModel, historyDatabase, trainModel, WEIGHTS_FILE } from '../modules/matching';

/**
 * Learns the matcher's weights from an award-history CSV (in a fresh in-memory database) and writes them with
 * their training metadata. The same file and options give the same weights.
 *   npm run train:matching -- --file /tmp/split/train.csv [--out FILE]
 */
const { values } = parseArgs({ options: { file: { type: 'string' }, out: { type: 'string' } } });
if (!values.file) {
  console.error('usage: npm run train:matching -- --file TRAIN.csv [--out weights.json]');
  process.exit(2);
}
const started = Date.now();
const { database, ctx, rows, text, report } = await historyDatabase(values.file);
try {
  console.log(`imported ${report.imported} of ${report.rows} rows (${report.broken.length} broken)`);
  const model = await trainModel(ctx, rows, { name: basename(values.file), text }, DEFAULT_TRAIN);
  const out = values.out ?? WEIGHTS_FILE;
  writeFileSync(out, formatModel(model));
  console.log(`trained on ${model.training.examples} awards (${model.training.rows} candidate rows) → ${out}`);
  for (const [i, f] of model.features.entries()) console.log(`  ${f.padEnd(20)} ${model.weights[i]}`);
  console.log(`  ${'bias'.padEnd(20)} ${model.bias}`);
  console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await database.close();
}
