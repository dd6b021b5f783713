import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../config';
import { openDatabase } from '../infra/db/client';
import { findUserByIdentifier } from '../modules/identity';
import { bootstrapAdmin } from '../modules/staff';

/**
 * Makes a registered user the first platform admin of a fresh installation:
 *   npm run staff:bootstrap -- --identifier admin@example.com
 * Refused once an admin exists; every later staff role is granted in the staff console under dual control.
 */
const { values } = parseArgs({ options: { identifier: { type: 'string' } } });
if (!values.identifier) {
  console.error('usage: npm run staff:bootstrap -- --identifier <e-mail or mobile of a registered user>');
  process.exit(2);
}
const config = loadConfigOrExit();
const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: join(config.dataDir, 'pglite') });
await database.migrate();
const ctx = { db: database.db, config };
try {
  const user = await findUserByIdentifier(ctx, values.identifier);
  if (!user) throw new Error(`no registered user ${values.identifier}`);
  await bootstrapAdmin(ctx, user.id);
  console.log(`${user.displayName} is now platform admin. They must enable 2FA before using the staff console.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
