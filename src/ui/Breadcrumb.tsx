import { lineage } from '../domain/adminCodes';
import { useApp } from '../store/store';
import { select } from '../store/actions';
import { areaName } from '../store/names';

/** Drill-down path country → province → district → subdistrict → village; each step selectable. */
export function Breadcrumb() {
  const selection = useApp((s) => s.selection);
  const ds = useApp((s) => s.dataset);
  const lang = useApp((s) => s.lang);
  const chain = lineage(selection);
  return (
    <nav className="breadcrumb" aria-label="breadcrumb" data-testid="breadcrumb">
      {chain.map((code, i) => (
        <span key={code}>
          {i > 0 && <span className="sep"> › </span>}
          {i === chain.length - 1 ? (
            <strong>{areaName(ds, code, lang)}</strong>
          ) : (
            <button type="button" className="link" onClick={() => select(code)}>
              {areaName(ds, code, lang)}
            </button>
          )}
        </span>
      ))}
    </nav>
  );
}
