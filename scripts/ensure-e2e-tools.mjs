#!/usr/bin/env node
// The e2e tests need Debian's chromium (STACK.md: never download a browser), a Thai system font,
// and, for the PowerPoint round trip (issue 15), LibreOffice Impress (`soffice`) and poppler's
// `pdftoppm`/`pdfinfo`. Install what is missing with apt when we can; otherwise fail with a clear
// message naming the packages — never skip silently.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Debian package → a file it installs (checked for presence). */
const NEEDED = [
  { pkg: 'chromium', file: CHROMIUM },
  { pkg: 'fonts-tlwg-loma-otf', file: '/usr/share/fonts/opentype/tlwg/Loma.otf' },
  { pkg: 'libreoffice-impress', file: '/usr/bin/soffice' },
  { pkg: 'poppler-utils', file: '/usr/bin/pdftoppm' },
];
const missing = NEEDED.filter((n) => !existsSync(n.file));
if (!missing.length) process.exit(0);
const names = missing.map((n) => n.pkg).join(' ');

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!existsSync('/usr/bin/apt-get')) {
  console.error(`e2e: missing ${missing.map((n) => n.file).join(', ')} and apt-get is not available. Install the Debian packages: ${names} (or set CHROMIUM_PATH).`);
  process.exit(1);
}
const sudo = isRoot ? '' : existsSync('/usr/bin/sudo') ? 'sudo -n ' : null;
if (sudo === null) {
  console.error(`e2e: missing ${names}; run as root or install them: apt-get install -y ${names}`);
  process.exit(1);
}
console.error(`e2e: installing Debian packages with apt-get (one time): ${names}…`);
try {
  execSync(`${sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${sudo}apt-get install -y -qq ${names} >/dev/null`, { stdio: 'inherit', shell: '/bin/bash' });
} catch {
  console.error(`e2e: apt-get install failed; install by hand (apt-get install -y ${names}) and re-run.`);
  process.exit(1);
}
const still = NEEDED.filter((n) => !existsSync(n.file));
if (still.length) {
  console.error(`e2e: installed, but still missing: ${still.map((n) => n.file).join(', ')}`);
  process.exit(1);
}
