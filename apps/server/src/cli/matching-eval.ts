import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { parseAwardCsv } from '../modules/cooperation';
import { DEFAULT_TRAIN, evaluate, formatReport, historyDatabase, trainModel } from '../modules/matching';

/**
 * 匹配准确率: trains on the train file only (fresh in-memory database holding only it), then asks the matcher
 * and two baselines for the top 5 of a demand built from each test award.
 *   npm run eval:matching -- --train /tmp/split/train.csv --test /tmp/split/test.csv
 */
const { values } = parseArgs({ options: { train: { type: 'string' }, test: { type: 'string' } } });
if (!values.train || !values.test) {
  console.error('usage: npm run eval:matching -- --train TRAIN.csv --test TEST.csv');
  process.exit(2);
}
const { readFileSync } = await import('node:fs');
const started = Date.now();
const { database, ctx, rows, text, report } = await historyDatabase(values.train);
try {
  const test = parseAwardCsv(readFileSync(values.test, 'utf8'));
  console.log(
    `train: ${basename(values.train)} ${report.imported} records imported (${report.broken.length} broken, ${report.duplicates} duplicate ids, ${report.spellingsMerged} spellings merged into known firms)`,
  );
  console.log(`test:  ${basename(values.test)} ${test.rows.length} awards (${test.broken.length} broken rows skipped)`);
  const model = await trainModel(ctx, rows, { name: basename(values.train), text }, DEFAULT_TRAIN);
  console.log(
    `model: trained in this run on ${model.training.examples} training awards (${model.training.rows} candidate rows)`,
  );
  console.log(`weights: ${model.features.map((f, i) => `${f}=${model.weights[i]}`).join(' ')} bias=${model.bias}`);
  const result = await evaluate(ctx, model, rows, test.rows);
  console.log('');
  console.log(formatReport(result));
  console.log(`\n${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await database.close();
}
