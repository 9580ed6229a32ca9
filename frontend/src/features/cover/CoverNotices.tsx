import { useCovers } from '../../api/coverQueries';
import { useI18n } from '../../i18n/i18n';
import { isoToDanish } from '../../lib/dates';
import { useSession } from '../auth/session';
import { scopeText } from './CoverSection';
import { coverText, fill } from './i18n';
import './cover.css';

/**
 * Tells the signed-in worker, read-only, who covers for them now and whom they cover for
 * (now, or planned), on their start screen.
 */
export function CoverNotices() {
  const { lang } = useI18n();
  const x = coverText[lang];
  const me = useSession()?.user?.workerId ?? 0;
  const covers = useCovers();
  if (!me || !covers.data) return null;
  const lines: string[] = [];
  for (const c of covers.data) {
    if (c.withdrawn) continue;
    const to = isoToDanish(c.to);
    const scope = scopeText(lang, c);
    if (c.coverWorkerId === me) {
      lines.push(c.current ? fill(x.youCover, { worker: c.workerName, to, scope }) : fill(x.youWillCover, { worker: c.workerName, from: isoToDanish(c.from), to }));
    } else if (c.workerId === me && c.current) {
      lines.push(fill(x.coversYou, { cover: c.coverWorkerName, to, scope }));
    }
  }
  if (!lines.length) return null;
  return (
    <div className="banner banner-info cover-notices" role="note" data-testid="cover-notices">
      {lines.map((l) => (
        <div key={l}>{l}</div>
      ))}
    </div>
  );
}
