import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseCsv } from '../modules/cooperation';

/**
 * Time split of an award-history CSV by publication year: rows of years before --test-year go to train.csv,
 * rows of that year to test.csv (header on both; rows kept byte for byte).
 *   npm run split:matching -- --file ../shared/data/award-history-2018-2021.csv --test-year 2021 --out /tmp/split
 */
const { values } = parseArgs({
  options: { file: { type: 'string' }, 'test-year': { type: 'string' }, out: { type: 'string' } },
});
if (!values.file || !values['test-year'] || !values.out) {
  console.error('usage: npm run split:matching -- --file FILE --test-year YYYY --out DIR');
  process.exit(2);
}
const text = readFileSync(values.file, 'utf8');
const rows = parseCsv(text);
const header = rows[0]?.fields ?? [];
const yearAt = header.indexOf('year');
if (yearAt < 0) {
  console.error('the file has no "year" column');
  process.exit(2);
}
const quote = (f: string) => (/[",\n\r]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
const line = (fields: string[]) => fields.map(quote).join(',');
const testYear = Number(values['test-year']);
const train = [line(header)];
const test = [line(header)];
for (const row of rows.slice(1)) {
  const year = Number(row.fields[yearAt]);
  if (year < testYear) train.push(line(row.fields));
  else if (year === testYear) test.push(line(row.fields));
}
mkdirSync(values.out, { recursive: true });
writeFileSync(join(values.out, 'train.csv'), `${train.join('\n')}\n`);
writeFileSync(join(values.out, 'test.csv'), `${test.join('\n')}\n`);
console.log(`train: ${train.length - 1} rows (years < ${testYear}) → ${join(values.out, 'train.csv')}`);
console.log(`test:  ${test.length - 1} rows (year ${testYear}) → ${join(values.out, 'test.csv')}`);
