import { bundleInput, readBundle } from './bundle';
import type { PublicEntry } from './leaf';
import { type EvidenceInput, type EvidenceResult, verifyEvidence } from './verify';

export const USAGE = `usage: zhuhe-verify [FILE] --bundle BUNDLE.zip|BUNDLE.json
       zhuhe-verify FILE --checkpoint CHECKPOINT.json|.txt --proof PROOF.json [--entry ENTRY.json]
                    [--log-key KEY] [--witness-key KEY]...
KEY is a signed-note verifier key (name+keyid+base64). Keys given here override those in the files.
Exit code 0: every step verified; 1: a step failed (named); 2: bad usage or unreadable input.`;

interface Args {
  file?: string;
  bundle?: string;
  checkpoint?: string;
  proof?: string;
  entry?: string;
  logKey?: string;
  witnessKeys: string[];
}

export function parseArgs(argv: string[]): Args {
  const args: Args = { witnessKeys: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new TypeError(`${a} needs a value`);
      return v;
    };
    if (a === '--bundle') args.bundle = value();
    else if (a === '--checkpoint') args.checkpoint = value();
    else if (a === '--proof') args.proof = value();
    else if (a === '--entry') args.entry = value();
    else if (a === '--log-key') args.logKey = value();
    else if (a === '--witness-key') args.witnessKeys.push(value());
    else if (a.startsWith('--')) throw new TypeError(`unknown option ${a}`);
    else if (args.file) throw new TypeError('only one file can be checked at a time');
    else args.file = a;
  }
  return args;
}

const decoder = new TextDecoder();

/** Builds the input from the command line and files (read through `read`, so that tests need no disk). */
export async function inputFromArgs(args: Args, read: (path: string) => Promise<Uint8Array>): Promise<EvidenceInput> {
  const file = args.file ? await read(args.file) : undefined;
  let input: EvidenceInput;
  if (args.bundle) {
    input = bundleInput(readBundle(await read(args.bundle)), file);
  } else {
    if (!args.checkpoint || !args.proof) throw new TypeError('give --bundle, or --checkpoint and --proof');
    const checkpointText = decoder.decode(await read(args.checkpoint));
    const checkpoint = checkpointText.trimStart().startsWith('{')
      ? (JSON.parse(checkpointText) as { note: string; logKey?: string; witnessKeys?: string[] })
      : { note: checkpointText };
    const proof = JSON.parse(decoder.decode(await read(args.proof))) as {
      entry?: PublicEntry;
      index?: number;
      treeSize: number;
      auditPath: string[];
    };
    const entry = args.entry ? (JSON.parse(decoder.decode(await read(args.entry))) as PublicEntry) : proof.entry;
    if (!entry) throw new TypeError('the proof holds no entry: give --entry');
    input = {
      ...(file ? { file } : {}),
      entry,
      proof: { index: proof.index ?? entry.index, treeSize: proof.treeSize, auditPath: proof.auditPath },
      checkpoint: checkpoint.note,
      logKey: checkpoint.logKey ?? '',
      witnessKeys: checkpoint.witnessKeys ?? [],
    };
  }
  if (args.logKey) input.logKey = args.logKey;
  if (args.witnessKeys.length > 0) input.witnessKeys = args.witnessKeys;
  if (!input.logKey) throw new TypeError('no log key: give --log-key');
  return input;
}

const LABEL: Record<string, string> = {
  file: '1 file SHA-256',
  leaf: '2 leaf hash',
  inclusion: '3 inclusion path',
  checkpoint: '4 checkpoint signature',
  witness: '5 witness cosignature',
};

export function formatResult(result: EvidenceResult): string[] {
  const out: string[] = [];
  for (const step of result.steps) {
    const mark = step.ok === true ? 'OK  ' : step.ok === false ? 'FAIL' : 'SKIP';
    out.push(`${mark} ${LABEL[step.id]}${step.witness ? ` (${step.witness})` : ''}: ${step.detail}`);
    if (step.computed) out.push(`       computed ${step.computed}`);
    if (step.expected && step.expected !== step.computed) out.push(`       expected ${step.expected}`);
  }
  if (result.checkpoint)
    out.push(
      `checkpoint: ${result.checkpoint.origin}, ${result.checkpoint.treeSize} entries, root ${result.checkpoint.rootHash}`,
    );
  out.push(result.ok ? 'VERIFIED' : `NOT VERIFIED: step "${result.failed?.id}" failed`);
  return out;
}

export async function runCli(
  argv: string[],
  read: (path: string) => Promise<Uint8Array>,
): Promise<{ exitCode: number; lines: string[] }> {
  let input: EvidenceInput;
  try {
    input = await inputFromArgs(parseArgs(argv), read);
  } catch (error) {
    return { exitCode: 2, lines: [`zhuhe-verify: ${(error as Error).message}`, USAGE] };
  }
  const result = verifyEvidence(input);
  return { exitCode: result.ok ? 0 : 1, lines: formatResult(result) };
}
