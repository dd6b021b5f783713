import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../infra/db/client';
import { productEvents } from './analytics.tables';

export type ProductEventRow = typeof productEvents.$inferSelect;

export async function insertProductEvent(db: DbOrTx, row: typeof productEvents.$inferInsert): Promise<void> {
  await db.insert(productEvents).values(row);
}

export async function listProductEvents(
  db: DbOrTx,
  options: { name?: string; limit: number },
): Promise<ProductEventRow[]> {
  const query = db.select().from(productEvents);
  const filtered = options.name ? query.where(eq(productEvents.name, options.name)) : query;
  return filtered.orderBy(desc(productEvents.occurredAt), desc(productEvents.id)).limit(options.limit);
}
