/**
 * Poverty data imports in the browser (issue 3 item 4): TPMAP public CSV exports and household
 * CSVs, parsed in the compute worker; each becomes a dataset the user can switch to and from.
 */
import { appStore, notify } from '../store/store';
import { computeWorker, showImported } from '../store/actions';
import { headText, registerFileHandler } from '../ui/fileHandlers';
import { classifyTpmapFile } from '../data/tpmap/tpmapCsv';


registerFileHandler({
  id: 'tpmap',
  label: { th: 'ตาราง TPMAP', en: 'TPMAP tables' },
  accepts: (name, head) => classifyTpmapFile(name) !== null || /poor\.JPT\.MOFval|village_ID/.test(headText(head).split('\n')[0] ?? ''),
  handle: async (file) => importTpmapFiles([file]),
  handleMany: importTpmapFiles,
});

async function importTpmapFiles(files: File[]): Promise<void> {
  await showImported(await computeWorker().importTpmapFiles(files.map((f) => ({ name: f.name, file: f }))));
}

registerFileHandler({
  id: 'households',
  label: { th: 'ข้อมูลครัวเรือน', en: 'household CSV' },
  accepts: (name, head) => /\.csv$/i.test(name) && /^\s*"?village_code"?\s*,/.test(headText(head).split('\n')[0] ?? '') && /members/.test(headText(head).split('\n')[0] ?? ''),
  handle: async (file) => {
    // The browser path reads the whole file; the CLI streams (ingest-households) for national files.
    if (file.size > 200 * 1024 * 1024) {
      notify('error', `${file.name}: ${Math.round(file.size / 1e6)} MB is too large for the browser; use \`npm run cli -- ingest-households\``);
      return;
    }
    const year = appStore.getState().year;
    await showImported(await computeWorker().importHouseholdCsv(file, file.name, year));
  },
});
