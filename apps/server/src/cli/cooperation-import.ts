import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../config';
import type { AppContext } from '../infra/context';
import { openDatabase } from '../infra/db/client';
import { importCooperationCsv } from '../modules/cooperation';

/**
 * 导入合作历史 into the configured database (DATABASE_URL, else the embedded one):
 *   npm run cooperation:import -- --file awards.csv
 * Prints what was imported and what was not (broken rows with their line, unknown codes, merged spellings).
 */
const { values } = parseArgs({ options: { file: { type: 'string' } } });
if (!values.file) {
  console.error('usage: npm run cooperation:import -- --file FILE.csv');
  process.exit(2);
}
const config = loadConfigOrExit();
const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: join(config.dataDir, 'pglite') });
await database.migrate();
try {
  // the import uses only the database
  const report = await importCooperationCsv(
    { db: database.db } as unknown as AppContext,
    readFileSync(values.file, 'utf8'),
  );
  console.log(
    `rows ${report.rows}: imported ${report.imported}, already there ${report.duplicates}, broken ${report.broken.length}`,
  );
  console.log(`firms created ${report.firmsCreated}, spellings merged into a known firm ${report.spellingsMerged}`);
  console.log(`rows with codes ZhuHe does not map (kept as foreign codes) ${report.unknownCodeRows}`);
  for (const b of report.broken.slice(0, 20)) console.log(`  line ${b.line}: ${b.reason}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
