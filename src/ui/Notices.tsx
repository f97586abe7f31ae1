import { dismissNotice, useApp } from '../store/store';
import { t } from '../text/i18n';

export function Notices() {
  const notices = useApp((s) => s.notices);
  const lang = useApp((s) => s.lang);
  if (!notices.length) return null;
  return (
    <div className="notices" role="alert" data-testid="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice ${n.level}`}>
          <span>{n.text}</span>
          <button type="button" onClick={() => dismissNotice(n.id)}>{t('dismiss', lang)}</button>
        </div>
      ))}
    </div>
  );
}
