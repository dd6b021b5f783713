import type { AppContext } from '../infra/context';
import { addSubscription, createCheckpoint } from '../modules/evidence';
import type { DemoLogin } from './foundation.demo';

/**
 * 区块链存证: a court's address subscribed to the checkpoints, and a checkpoint signed (and cosigned by the built-in
 * witness) once every other seeder has logged its evidence, so every demo entry has an inclusion proof at start.
 */
export async function seedEvidenceDemo(ctx: AppContext): Promise<DemoLogin[]> {
  await addSubscription(ctx, { email: 'evidence@court.example.cn', label: '示例市中级人民法院 电子证据平台' }, null);
  await createCheckpoint(ctx);
  return [];
}
