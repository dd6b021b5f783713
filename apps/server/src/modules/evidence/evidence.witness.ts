import { randomBytes, sign } from 'node:crypto';
import {
  cosignatureMessage,
  cosignaturePayload,
  formatSignatureLine,
  formatVerifierKey,
  hexToBytes,
  keyHash,
  parseCheckpointBody,
  parseNote,
  parseVerifierKey,
  SIG_COSIGNATURE_V1,
  verifyConsistency,
  verifyNoteSignature,
} from '@zhuhe/verify';
import type { AppContext } from '../../infra/context';
import { decryptField, encryptField } from '../../infra/crypto';
import type { DbOrTx } from '../../infra/db/client';
import { evidenceErrors } from './evidence.errors';
import { ed25519FromSeed, rawPublicKey } from './evidence.keys';
import * as repo from './evidence.repository';

/**
 * The built-in witness (C2SP tlog-witness behaviour, in-process): it holds its own randomly generated Ed25519 key,
 * remembers the last checkpoint it cosigned, and cosigns a new checkpoint only when the log's signature verifies
 * with the log key it was configured with and a consistency proof shows the new tree extends the one it last saw.
 * It knows the log only through the signed note and the proof it is handed, never through the log's tables.
 */
export const BUILT_IN_WITNESS = 'witness.zhuhe.cn/w1';

type Ctx = Pick<AppContext, 'db' | 'config'>;

export interface WitnessHead {
  name: string;
  verifierKey: string;
  treeSize: number;
  rootHash: string | null;
}

/** The witness's key and head, creating the key on first use. */
export async function witnessHead(ctx: Ctx, db: DbOrTx = ctx.db, name = BUILT_IN_WITNESS): Promise<WitnessHead> {
  let row = await repo.findWitness(db, name);
  if (!row) {
    const seed = randomBytes(32);
    const { publicKey } = ed25519FromSeed(seed);
    await repo.insertWitness(db, {
      name,
      publicKey: Buffer.from(rawPublicKey(publicKey)).toString('hex'),
      privateKeyEnc: encryptField(ctx.config.fieldKeys, seed.toString('hex')),
      treeSize: 0,
      rootHash: null,
      updatedAt: new Date(),
    });
    row = await repo.findWitness(db, name);
  }
  if (!row) throw new Error('the witness key could not be stored');
  return {
    name,
    verifierKey: formatVerifierKey(name, SIG_COSIGNATURE_V1, hexToBytes(row.publicKey)),
    treeSize: row.treeSize,
    rootHash: row.rootHash,
  };
}

export interface CosignRequest {
  /** the checkpoint as a signed note carrying the log's signature */
  note: string;
  /** the log's verifier key the witness was configured with */
  logKey: string;
  /** RFC 9162 consistency proof from the witness's last tree size to the note's (hex hashes) */
  consistency: string[];
}

/** Cosigns, or refuses with EVIDENCE_WITNESS_REFUSED and the reason. Returns the cosignature line. */
export async function cosign(ctx: Ctx, request: CosignRequest, name = BUILT_IN_WITNESS, now = new Date()) {
  await witnessHead(ctx, ctx.db, name);
  return ctx.db.transaction(async (tx) => {
    const state = await repo.findWitnessForUpdate(tx, name);
    if (!state) throw new Error('witness state missing');
    const refuse = (reason: string) => evidenceErrors.raise('EVIDENCE_WITNESS_REFUSED', { reason });
    let note: ReturnType<typeof parseNote>;
    let body: ReturnType<typeof parseCheckpointBody>;
    try {
      note = parseNote(request.note);
      body = parseCheckpointBody(note.body);
    } catch (error) {
      throw refuse(`not a checkpoint: ${(error as Error).message}`);
    }
    const logKey = parseVerifierKey(request.logKey);
    if (body.origin !== logKey.name) throw refuse(`unknown log ${body.origin}`);
    if (verifyNoteSignature(note, logKey).status !== 'valid') throw refuse('the log signature does not verify');
    const root = Buffer.from(body.rootHash).toString('hex');
    if (body.treeSize < state.treeSize) throw refuse(`the tree shrank from ${state.treeSize} to ${body.treeSize}`);
    if (state.treeSize > 0 && state.rootHash) {
      const consistent = verifyConsistency(
        state.treeSize,
        body.treeSize,
        hexToBytes(state.rootHash),
        body.rootHash,
        request.consistency.map(hexToBytes),
      );
      if (!consistent)
        throw refuse(`size ${body.treeSize} is not consistent with the cosigned size ${state.treeSize} (a fork)`);
    }
    const seed = Buffer.from(decryptField(ctx.config.fieldKeys, state.privateKeyEnc), 'hex');
    const { privateKey } = ed25519FromSeed(seed);
    const time = Math.floor(now.getTime() / 1000);
    const signature = sign(null, Buffer.from(cosignatureMessage(note.body, time)), privateKey);
    const hash = keyHash(name, SIG_COSIGNATURE_V1, hexToBytes(state.publicKey));
    await repo.updateWitnessHead(tx, name, body.treeSize, root, now);
    return formatSignatureLine(name, hash, cosignaturePayload(time, new Uint8Array(signature)));
  });
}
