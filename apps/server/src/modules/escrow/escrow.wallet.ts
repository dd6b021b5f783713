import { shanghaiDateTime } from '../../infra/calendar/working-days';
import type { AppContext } from '../../infra/context';
import { accountsById, accountsOfOrg, transfersOfAccount } from '../ledger';
import { csvCell, fenToYuan } from './escrow.bank';
import { presentPayout } from './escrow.presenter';
import * as repo from './escrow.repository';

const COUNTERPARTY: Record<string, string> = {
  'bank:clearing': 'bank',
  'platform:fees': 'platform fees',
  'platform:risk-reserve': 'risk reserve',
};

/** 钱包 an organisation's accounts (wallet and wage accounts) and its wallet's entries, newest first. */
export async function walletOf(ctx: Pick<AppContext, 'db'>, orgId: string, limit = 500) {
  const accounts = await accountsOfOrg(ctx.db, orgId);
  const wallet = accounts.find((a) => a.kind === 'org_wallet');
  const transfers = wallet
    ? (await transfersOfAccount(ctx.db, wallet.id, limit)).filter((t) => POSTED.has(t.kind))
    : [];
  const others = new Map(
    (
      await accountsById(
        ctx.db,
        transfers.map((t) => (t.debitAccountId === wallet?.id ? t.creditAccountId : t.debitAccountId)),
      )
    ).map((a) => [a.id, COUNTERPARTY[a.code] ?? a.code]),
  );
  let running = wallet?.posted ?? 0n;
  const entries = transfers.map((t) => {
    const incoming = t.creditAccountId === wallet?.id;
    const entry = {
      id: t.id,
      at: t.createdAt.toISOString(),
      code: t.code,
      counterparty: others.get(incoming ? t.debitAccountId : t.creditAccountId) ?? '',
      contractId: t.contractId,
      inFen: incoming ? Number(t.amount) : 0,
      outFen: incoming ? 0 : Number(t.amount),
      balanceFen: Number(running),
    };
    running += incoming ? -t.amount : t.amount;
    return entry;
  });
  return {
    accounts: accounts.map((a) => ({
      code: a.code,
      kind: a.kind,
      contractId: a.contractId,
      balanceFen: Number(a.posted),
      heldFen: Number(a.pendingDebits),
      availableFen: Number(a.posted - a.pendingDebits),
    })),
    entries,
    payouts: (await repo.payoutsOf(ctx.db, orgId)).map(presentPayout),
  };
}

const POSTED = new Set(['single', 'post_pending', 'reversal']);

/** 对账单 the wallet statement as CSV (UTF-8 with BOM for spreadsheet programs), times in Asia/Shanghai. */
export async function walletStatementCsv(ctx: Pick<AppContext, 'db'>, orgId: string): Promise<string> {
  const { entries } = await walletOf(ctx, orgId, 10_000);
  const time = (iso: string) => shanghaiDateTime(new Date(iso));
  const rows = [
    ['时间 (Asia/Shanghai)', '流水号', '摘要', '对方账户', '合同', '收入(元)', '支出(元)', '余额(元)'].join(','),
    ...[...entries]
      .reverse()
      .map((e) =>
        [
          time(e.at),
          e.id,
          e.code,
          e.counterparty,
          e.contractId ?? '',
          fenToYuan(BigInt(e.inFen)),
          fenToYuan(BigInt(e.outFen)),
          fenToYuan(BigInt(e.balanceFen)),
        ]
          .map(csvCell)
          .join(','),
      ),
  ];
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}
