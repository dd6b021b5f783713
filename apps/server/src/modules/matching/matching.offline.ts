import { readFileSync } from 'node:fs';
import type { AppContext } from '../../infra/context';
import { type DatabaseHandle, openPglite } from '../../infra/db/client';
import { type ImportReport, importCooperationCsv, type ParsedRow, parseAwardCsv } from '../cooperation';

/**
 * A fresh in-memory database holding only the given history, for training and evaluation: nothing of a
 * running installation (and nothing of the test file) can leak in.
 */
export async function historyDatabase(
  file: string,
): Promise<{ database: DatabaseHandle; ctx: AppContext; rows: ParsedRow[]; text: string; report: ImportReport }> {
  const text = readFileSync(file, 'utf8');
  const database = await openPglite();
  await database.migrate();
  // the offline commands use only the database; the rest of the context is never touched
  const ctx = { db: database.db } as unknown as AppContext;
  const report = await importCooperationCsv(ctx, text);
  return { database, ctx, rows: parseAwardCsv(text).rows, text, report };
}
