import { useApp } from '../store/store';
import { activateDataset, setLang, setThaiDigits, setYear } from '../store/actions';
import { formatYear, t } from '../text/i18n';
import { OpenFileButton } from './DropZone';

export function Header() {
  const lang = useApp((s) => s.lang);
  const year = useApp((s) => s.year);
  const thaiDigits = useApp((s) => s.thaiDigits);
  const manifest = useApp((s) => s.dataset?.manifest);
  const years = manifest?.years ?? [year];
  const workspaces = useApp((s) => s.workspaces);
  const activeId = useApp((s) => s.dataset?.id);
  // Any synthetic layer on screen is labelled (the demo: all of them).
  const synthetic = useApp((s) => s.dataset?.layers.some((l) => l.synthetic) ?? false);
  return (
    <header className="header">
      <div className="brand">
        <span className="brand-title">{t('appTitle', lang)}</span>
        <span className="brand-sub">{t('appSubtitle', lang)}</span>
      </div>
      {synthetic && (
        <div className="synthetic-badge" data-testid="synthetic-badge" title={t('syntheticLong', lang)}>
          {t('synthetic', 'th')} · {t('synthetic', 'en')}
        </div>
      )}
      <div className="controls">
        <label className="dataset-switch">
          <span className="label">{lang === 'th' ? 'พื้นที่ทำงาน' : 'Workspace'}</span>
          <select value={activeId} onChange={(e) => void activateDataset(e.target.value)} data-testid="dataset-select">
            <option value="demo">{lang === 'th' ? 'ข้อมูลสาธิต (สังเคราะห์)' : 'Demo (synthetic)'}</option>
            {workspaces.map((w) => (
              <option key={w.id} value={w.id}>{w.title[lang]}</option>
            ))}
          </select>
        </label>
        <OpenFileButton />
        <div className="segmented" role="group" aria-label={t('year', lang)}>
          <span className="label">{t('year', lang)}</span>
          {years.map((y) => (
            <button key={y} type="button" className={y === year ? 'on' : ''} aria-pressed={y === year} data-testid={`year-${y}`} onClick={() => setYear(y)}>
              {formatYear(y, lang, thaiDigits)}
            </button>
          ))}
        </div>
        <div className="segmented" role="group" aria-label={t('language', lang)}>
          <button type="button" className={lang === 'th' ? 'on' : ''} aria-pressed={lang === 'th'} data-testid="lang-th" onClick={() => setLang('th')}>ไทย</button>
          <button type="button" className={lang === 'en' ? 'on' : ''} aria-pressed={lang === 'en'} data-testid="lang-en" onClick={() => setLang('en')}>EN</button>
        </div>
        <label className="check">
          <input type="checkbox" checked={thaiDigits} onChange={(e) => setThaiDigits(e.target.checked)} /> {t('thaiDigits', lang)}
        </label>
      </div>
    </header>
  );
}
