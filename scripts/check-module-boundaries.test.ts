import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const script = new URL('./check-module-boundaries.mjs', import.meta.url).pathname;

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'zh-boundaries-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

function run(root: string): { code: number; output: string } {
  try {
    return { code: 0, output: execFileSync('node', [script, root], { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (error) {
    const e = error as { status: number; stderr: string };
    return { code: e.status, output: e.stderr };
  }
}

describe('module boundary rule', () => {
  it('accepts imports through index.ts', () => {
    const root = tree({
      'modules/a/a.service.ts': "import { x } from '../b';\nimport { y } from '../b/index';\n",
      'modules/b/index.ts': 'export const x = 1; export const y = 2;\n',
    });
    expect(run(root).code).toBe(0);
  });

  it("refuses an import of another module's insides, and infra importing a module", () => {
    const root = tree({
      'modules/a/a.service.ts': "import { rows } from '../b/b.repository';\n",
      'modules/b/b.repository.ts': 'export const rows = 1;\n',
      'infra/db.ts': "import { x } from '../modules/b';\n",
      'modules/b/index.ts': 'export const x = 1;\n',
    });
    const result = run(root);
    expect(result.code).toBe(1);
    expect(result.output).toContain("imports the insides of module 'b'");
    expect(result.output).toContain("infra imports module 'b'");
  });
});
