/** `npm run build:wasm`: recompiles the WebAssembly kernel and rewrites its committed module. */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { compileBufferZonalKernel, KERNEL_MODULE, kernelModuleText } from './compileKernel';

const version = (JSON.parse(readFileSync(createRequire(import.meta.url).resolve('assemblyscript/package.json'), 'utf8')) as { version: string }).version;
const binary = await compileBufferZonalKernel();
writeFileSync(KERNEL_MODULE, kernelModuleText(binary, version));
process.stdout.write(`${KERNEL_MODULE}: ${binary.length} bytes of WebAssembly\n`);
