import { sql } from 'drizzle-orm';
import { decryptField, encryptField, type FieldKeyring } from './crypto';
import { type Db, queryRows } from './db/client';

/**
 * Every column that holds a value encrypted with `encryptField` (PLAT-2, ADR 0114). Key rotation walks exactly this
 * list: a new encrypted column must be added here, or `npm run keys:rotate` would leave it under the old key.
 */
export const ENCRYPTED_COLUMNS: readonly { table: string; id: string; column: string }[] = [
  { table: 'users', id: 'id', column: 'phone_enc' },
  { table: 'users', id: 'id', column: 'totp_secret_enc' },
  { table: 'users', id: 'id', column: 'totp_pending_secret_enc' },
  { table: 'verification_submissions', id: 'id', column: 'id_number_enc' },
  { table: 'escrow_payouts', id: 'id', column: 'beneficiary_account_enc' },
  { table: 'signing_authority', id: 'id', column: 'key_enc' },
  { table: 'org_seals', id: 'id', column: 'key_enc' },
  { table: 'tender_keys', id: 'tender_id', column: 'private_key_enc' },
  { table: 'evidence_witness_state', id: 'name', column: 'private_key_enc' },
  { table: 'webhook_endpoints', id: 'id', column: 'secret_encrypted' },
  { table: 'invitations', id: 'id', column: 'identifier_enc' },
];

export interface RotationCount {
  table: string;
  column: string;
  /** values re-encrypted under the current key by this run */
  rotated: number;
  /** values already under the current key (left alone) */
  current: number;
}

/**
 * 密钥轮换 re-encrypts every value of every registered column that is not yet a v2 envelope under the ring's current
 * key, `batchSize` rows per transaction. Idempotent and resumable: a run that stops half-way leaves every row
 * readable (old rows under a key of the ring, new ones under the current key) and the next run carries on.
 */
export async function rotateFieldKeys(
  db: Db,
  keys: FieldKeyring,
  options: { batchSize?: number; onBatch?: (table: string, column: string, n: number) => void } = {},
): Promise<RotationCount[]> {
  const batchSize = options.batchSize ?? 500;
  const prefix = `v2.${keys.current.id}.%`;
  const counts: RotationCount[] = [];
  for (const { table, id, column } of ENCRYPTED_COLUMNS) {
    const t = sql.identifier(table);
    const c = sql.identifier(column);
    const i = sql.identifier(id);
    let rotated = 0;
    for (;;) {
      const n = await db.transaction(async (tx) => {
        const rows = await queryRows<{ id: string; value: string }>(
          tx,
          sql`select ${i}::text as id, ${c} as value from ${t}
              where ${c} is not null and ${c} not like ${prefix}
              order by ${i} limit ${batchSize} for update`,
        );
        for (const row of rows) {
          const next = encryptField(keys, decryptField(keys, row.value));
          await tx.execute(sql`update ${t} set ${c} = ${next} where ${i}::text = ${row.id}`);
        }
        return rows.length;
      });
      if (n === 0) break;
      rotated += n;
      options.onBatch?.(table, column, n);
    }
    const [total] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${t} where ${c} like ${prefix}`,
    );
    counts.push({ table, column, rotated, current: (total?.n ?? 0) - rotated });
  }
  return counts;
}
