import { createHash } from 'node:crypto';

/**
 * Merkle tree hashing of RFC 6962 §2.1 (also RFC 9162 §2.1): leaves are SHA-256(0x00 ‖ data), interior nodes
 * SHA-256(0x01 ‖ left ‖ right), and a tree of n leaves splits at the largest power of two below n.
 *
 * The functions take a `SubtreeHash` source for MTH(D[start:end]) so that the log can answer from stored
 * perfect subtrees without rehashing every leaf.
 */
export type Hash = Buffer;
export type SubtreeHash = (start: number, end: number) => Promise<Hash>;

export const EMPTY_ROOT: Hash = createHash('sha256').digest();

export function leafHash(data: Buffer): Hash {
  return createHash('sha256')
    .update(Buffer.from([0]))
    .update(data)
    .digest();
}

export function nodeHash(left: Hash, right: Hash): Hash {
  return createHash('sha256')
    .update(Buffer.from([1]))
    .update(left)
    .update(right)
    .digest();
}

/** The largest power of two strictly smaller than n (n ≥ 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export function isPowerOfTwo(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}

/**
 * MTH(D[start:end]) computed from perfect, aligned subtrees: `perfect(level, index)` is the hash of the
 * subtree of 2^level leaves starting at index · 2^level.
 */
export function subtreeHashFrom(perfect: (level: number, index: number) => Promise<Hash>): SubtreeHash {
  const mth: SubtreeHash = async (start, end) => {
    const size = end - start;
    if (size <= 0) return EMPTY_ROOT;
    if (isPowerOfTwo(size) && start % size === 0) return perfect(Math.log2(size), start / size);
    const k = splitPoint(size);
    return nodeHash(await mth(start, start + k), await mth(start + k, end));
  };
  return mth;
}

/** PATH(m, D[start:end]) of RFC 6962 §2.1.1, from the leaf's sibling upwards. */
export async function inclusionPath(mth: SubtreeHash, m: number, start: number, end: number): Promise<Hash[]> {
  const n = end - start;
  if (n <= 1) return [];
  const k = splitPoint(n);
  if (m < k) return [...(await inclusionPath(mth, m, start, start + k)), await mth(start + k, end)];
  return [...(await inclusionPath(mth, m - k, start + k, end)), await mth(start, start + k)];
}

/** PROOF(m, D[0:n]) of RFC 6962 §2.1.2: consistency of the first m leaves with the first n. */
export async function consistencyProof(mth: SubtreeHash, m: number, n: number): Promise<Hash[]> {
  if (m <= 0 || m > n) throw new RangeError('consistency proof needs 0 < m ≤ n');
  const subproof = async (m: number, start: number, end: number, complete: boolean): Promise<Hash[]> => {
    const size = end - start;
    if (m === size) return complete ? [] : [await mth(start, end)];
    const k = splitPoint(size);
    if (m <= k) return [...(await subproof(m, start, start + k, complete)), await mth(start + k, end)];
    return [...(await subproof(m - k, start + k, end, false)), await mth(start, start + k)];
  };
  return subproof(m, 0, n, true);
}
