/**
 * `npm run cli -- <command> [options]`. Each command lives in commands/<name>.ts and exports a
 * default Command; adding a command is adding a file.
 */
import { existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CliError, type Command } from './io';

const commandsDir = fileURLToPath(new URL('./commands/', import.meta.url));
/** Old-space limits (MB) for commands whose inputs can be national-size. */
const HEAP_LIMIT_MB: Record<string, number> = { import: 640 };

function available(): string[] {
  return readdirSync(commandsDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    process.stderr.write(`usage: npm run cli -- <command> [options]\ncommands: ${available().join(', ')}\n`);
    return name ? 0 : 2;
  }
  if (!/^[a-z][a-z-]*$/.test(name) || !existsSync(`${commandsDir}${name}.ts`)) {
    process.stderr.write(`cheepao: unknown command "${name}" (commands: ${available().join(', ')})\n`);
    return 2;
  }
  // The national TPMAP import must fit in 1 GB (issue 8): a smaller old space makes V8 collect
  // as it goes instead of growing to the machine's default limit. Re-run once with the flag.
  const heapMb = HEAP_LIMIT_MB[name];
  if (heapMb && !process.execArgv.some((a) => a.startsWith('--max-old-space-size'))) {
    const r = spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${heapMb}`, ...process.argv.slice(1)], { stdio: 'inherit' });
    return r.status ?? 1;
  }
  const mod = (await import(`./commands/${name}.ts`)) as { default: Command };
  try {
    await mod.default(rest, { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) });
    return 0;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`cheepao ${name}: ${msg.split('\n')[0]}\n`);
    if (!(e instanceof CliError) && process.env.CHEEPAO_DEBUG) console.error(e);
    return e instanceof CliError ? 2 : 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
