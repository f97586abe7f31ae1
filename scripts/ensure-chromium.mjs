#!/usr/bin/env node
// The e2e tests need Debian's chromium (STACK.md: never download a browser). Install it with apt
// when it is missing and we can; otherwise fail with a clear message — never skip silently.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(CHROMIUM)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!hasApt) {
  console.error(`e2e: ${CHROMIUM} is missing and apt-get is not available. Install Debian's "chromium" package (or set CHROMIUM_PATH).`);
  process.exit(1);
}
const sudo = isRoot ? '' : existsSync('/usr/bin/sudo') ? 'sudo -n ' : null;
if (sudo === null) {
  console.error(`e2e: ${CHROMIUM} is missing; run as root or install it: apt-get install -y chromium`);
  process.exit(1);
}
console.error('e2e: installing Debian chromium with apt-get (one time)…');
try {
  execSync(`${sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${sudo}apt-get install -y -qq chromium fonts-tlwg-loma-otf >/dev/null`, { stdio: 'inherit', shell: '/bin/bash' });
} catch {
  console.error('e2e: apt-get install chromium failed; install it by hand (apt-get install -y chromium) and re-run.');
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`e2e: chromium installed but ${CHROMIUM} not found`);
  process.exit(1);
}
