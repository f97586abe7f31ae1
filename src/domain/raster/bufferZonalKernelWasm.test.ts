import { describe, expect, it } from 'vitest';
import { compileBufferZonalKernel } from '../../../scripts/wasm/compileKernel';
import { BUFFER_ZONAL_KERNEL_WASM_BASE64 } from './bufferZonalKernelWasm';

// The committed WebAssembly must be what the committed AssemblyScript source compiles to with
// the pinned compiler: an edit of wasm/bufferZonalKernel.ts without `npm run build:wasm` fails here
// (and the engine tests in bufferZonalStats.test.ts would test stale bytes).
describe('bufferZonalKernelWasm', () => {
  it('is the current build of wasm/bufferZonalKernel.ts', async () => {
    const binary = await compileBufferZonalKernel();
    expect(Buffer.from(binary).toString('base64')).toBe(BUFFER_ZONAL_KERNEL_WASM_BASE64);
  }, 60_000);

  it('is a valid module that exports run and imports its memory', () => {
    const module = new WebAssembly.Module(Buffer.from(BUFFER_ZONAL_KERNEL_WASM_BASE64, 'base64'));
    expect(WebAssembly.Module.exports(module).map((e) => `${e.kind}:${e.name}`)).toContain('function:run');
    expect(WebAssembly.Module.imports(module).map((e) => `${e.kind}:${e.module}.${e.name}`)).toEqual(['memory:env.memory']);
  });
});
