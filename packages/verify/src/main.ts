import { readFile } from 'node:fs/promises';
import { runCli } from './cli';

const { exitCode, lines } = await runCli(process.argv.slice(2), async (path) => new Uint8Array(await readFile(path)));
for (const line of lines) (exitCode === 0 ? console.log : console.error)(line);
process.exit(exitCode);
