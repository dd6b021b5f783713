import { type ChildProcess, spawn } from 'node:child_process';
import { BackupError } from './backup-errors';

/** A spawned pg_dump/pg_restore and a promise of its end: rejects (BackupError) on a non-zero exit, with its stderr. */
export function spawnTool(
  tool: string,
  args: string[],
  stdio: ['pipe' | 'ignore', 'pipe' | 'ignore'],
  env: NodeJS.ProcessEnv = process.env,
): { child: ChildProcess; done: Promise<void> } {
  const child = spawn(tool, args, { stdio: [stdio[0], stdio[1], 'pipe'], env });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    if (stderr.length < 8000) stderr += text;
  });
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', (error) => reject(new BackupError('BACKUP_TOOL_FAILED', { tool, detail: error.message })));
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new BackupError('BACKUP_TOOL_FAILED', {
            tool,
            detail: stderr.trim() || `exit ${code ?? signal}`,
          }),
        );
    });
  });
  // The caller may await a stream first; a failure is still reported through `done`.
  done.catch(() => {});
  return { child, done };
}

/** The tool's first line of --version, for the backup's metadata. */
export async function toolVersion(tool: string): Promise<string> {
  const { child, done } = spawnTool(tool, ['--version'], ['ignore', 'pipe']);
  let out = '';
  child.stdout?.setEncoding('utf8').on('data', (text: string) => {
    out += text;
  });
  await done;
  return out.trim().split('\n')[0] ?? tool;
}
