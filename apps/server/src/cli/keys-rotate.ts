import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../config';
import { rotateFieldKeys } from '../infra/crypto-rotation';
import { openDatabase } from '../infra/db/client';

/**
 * 密钥轮换 `npm run keys:rotate`: re-encrypts every registered encrypted column (infra/crypto-rotation.ts) under
 * the current MASTER_KEY, in batches, printing counts. Run it with the new key in MASTER_KEY, the old ones in
 * MASTER_KEY_PREVIOUS and LOOKUP_KEY set (README "Keys"); when it reports 0 left the old key may be dropped.
 * Idempotent and resumable: run it again after an interruption. On PGlite the server must be stopped first.
 */
const { values } = parseArgs({ options: { 'batch-size': { type: 'string' } } });
const batchSize = Number(values['batch-size'] ?? 500);
if (!Number.isInteger(batchSize) || batchSize < 1) {
  console.error('usage: npm run keys:rotate -- [--batch-size 500]');
  process.exit(2);
}
const config = loadConfigOrExit();
const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: join(config.dataDir, 'pglite') });
try {
  await database.migrate();
  console.log(
    `rotating field encryption to key ${config.fieldKeys.current.id} ` +
      `(keyring: ${config.fieldKeys.all.map((k) => k.id).join(', ')}), batches of ${batchSize}`,
  );
  const counts = await rotateFieldKeys(database.db, config.fieldKeys, {
    batchSize,
    onBatch: (table, column, n) => console.log(`  ${table}.${column}: ${n} re-encrypted`),
  });
  let rotated = 0;
  for (const c of counts) {
    rotated += c.rotated;
    console.log(`${c.table}.${c.column}: ${c.rotated} rotated, ${c.current} already current`);
  }
  console.log(
    `done: ${rotated} value(s) re-encrypted; every encrypted column now uses key ${config.fieldKeys.current.id}`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
