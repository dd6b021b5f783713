#!/usr/bin/env node
// Runs the TypeScript source directly (the package is not built): tsx compiles it on the fly.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
