/**
 * A legend's source line, collapsed to one line ("21 ไฟล์ · TPMAP 2561, OCHA, VIIRS") with a
 * toggle that lists every file (issue 15 item 6): at 1024 × 768 a list of thousands of TPMAP file
 * names would cover the map. Synthetic data is always said in full, never collapsed away.
 */
import { useState } from 'react';
import type { WorkspaceLayer } from '../data/datasetFormat';
import { sourceLineText, sourceSummary } from '../data/sourceSummary';
import { formatInt, formatYear, type Lang } from '../text/i18n';

const MAX_LISTED = 200;

export function SourceLine({ layers, lang, thaiDigits, label, synthetic }: { layers: readonly WorkspaceLayer[]; lang: Lang; thaiDigits: boolean; label: string; synthetic?: string | null }) {
  const [open, setOpen] = useState(false);
  if (synthetic) return <div className="legend-source small" data-testid="legend-source">{label}: {synthetic}</div>;
  const s = sourceSummary(layers, lang, (y) => formatYear(y, lang, thaiDigits));
  const line = sourceLineText(s, lang, (n) => formatInt(n, lang, thaiDigits));
  return (
    <div className="legend-source small" data-testid="legend-source" data-files={s.files.length}>
      <div className="legend-source-row">
        <span className="legend-source-line" title={`${label}: ${line}`}>{label}: {line}</span>
        {s.files.length > 0 && (
          <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="legend-source-toggle">
            {open ? (lang === 'th' ? 'ซ่อน' : 'hide') : lang === 'th' ? 'รายชื่อไฟล์' : 'list files'}
          </button>
        )}
      </div>
      {open && (
        <div className="legend-source-files" data-testid="legend-source-files">
          {s.files.slice(0, MAX_LISTED).join(', ')}
          {s.files.length > MAX_LISTED && ` … (${lang === 'th' ? 'อีก' : 'and'} ${formatInt(s.files.length - MAX_LISTED, lang, thaiDigits)}${lang === 'th' ? ' ไฟล์' : ' more'})`}
        </div>
      )}
    </div>
  );
}
