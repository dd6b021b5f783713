import type { StaffRole } from '@zhuhe/contracts';
import type { AppContext } from '../../infra/context';
import type { DbOrTx } from '../../infra/db/client';

/**
 * 双人复核 dual control (ORG-6). A sensitive staff action is stored as a request and executes only when a
 * different staff member approves it. Modules declare their sensitive actions here; the first is granting a
 * platform staff role. `validate` runs at request time and again before execution.
 */
export interface SensitiveAction<P extends Record<string, unknown> = Record<string, unknown>> {
  name: string;
  /** staff roles that may request it and approve it */
  roles: readonly StaffRole[];
  summary(payload: P): { 'zh-CN': string; en: string };
  validate(ctx: AppContext, payload: P): Promise<void>;
  /** runs inside the transaction that marks the request executed */
  execute(tx: DbOrTx, payload: P, meta: { requestId: string; approvedBy: string }): Promise<void>;
}

const actions = new Map<string, SensitiveAction>();

export function defineSensitiveAction<P extends Record<string, unknown>>(
  action: SensitiveAction<P>,
): SensitiveAction<P> {
  if (actions.has(action.name) && actions.get(action.name) !== (action as unknown as SensitiveAction)) {
    throw new Error(`sensitive action ${action.name} is declared twice`);
  }
  actions.set(action.name, action as unknown as SensitiveAction);
  return action;
}

export function sensitiveAction(name: string): SensitiveAction | undefined {
  return actions.get(name);
}
