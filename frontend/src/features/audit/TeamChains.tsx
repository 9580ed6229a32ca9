import { useState } from 'react';
import type { TeamChain } from '../../api/audit';
import { useRewrittenEntries, useTeamAudit } from '../../api/auditQueries';
import { ErrorBanner, Loading, TableScroll } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { computerName } from './computers';

/**
 * The other computers' logs as this one holds them: per computer the entries received, the
 * latest, and whether they link up; a broken link or a rewritten number is an alarm that
 * says what to do, and the rewritten entries can be read beside the ones kept.
 */
export function TeamChains() {
  const { t } = useI18n();
  const team = useTeamAudit();
  const [open, setOpen] = useState<string | null>(null);
  if (team.isPending) return <Loading />;
  if (team.error) return <ErrorBanner error={team.error} />;
  if (!team.data.inTeam) return null;
  const chains = team.data.chains;
  return (
    <section className={`card chain-status ${team.data.ok ? '' : 'chain-broken'}`} aria-labelledby="team-chains-title" data-testid="team-chains">
      <div>
        <h2 id="team-chains-title">{t('audit.team.chainsTitle')}</h2>
        <p className="muted small">{t('audit.team.chainsIntro')}</p>
        {chains.length === 0 ? (
          <p className="empty">{t('audit.team.chainsNone')}</p>
        ) : (
          <TableScroll label={t('audit.team.chainsTitle')}><table className="table">
            <thead>
              <tr>
                <th>{t('audit.team.colComputer')}</th>
                <th>{t('audit.team.colEntries')}</th>
                <th>{t('audit.team.colLast')}</th>
                <th>{t('audit.team.colState')}</th>
              </tr>
            </thead>
            <tbody>
              {chains.map((c) => (
                <tr key={c.laptop} data-testid="team-chain" data-ok={String(c.ok)}>
                  <td>{computerName(t, c.laptop, c.computer)}</td>
                  <td>{c.entries}</td>
                  <td>{c.last ? t('audit.team.last', { id: c.last, at: c.lastAt }) : <span className="muted">{t('audit.team.nothing')}</span>}</td>
                  <td className={c.ok ? 'tone-ok' : 'tone-bad'}>{c.ok ? t('audit.team.ok') : t('audit.team.alarm')}</td>
                </tr>
              ))}
            </tbody>
          </table></TableScroll>
        )}
        {chains.filter((c) => !c.ok).map((c) => (
          <ChainAlarm key={c.laptop} chain={c} open={open === c.laptop} onToggle={() => setOpen(open === c.laptop ? null : c.laptop)} />
        ))}
      </div>
    </section>
  );
}

/** A list of entry numbers, the first few and how many more. */
function numbers(ids: number[]): string {
  return ids.length > 10 ? `${ids.slice(0, 10).join(', ')} … (${ids.length})` : ids.join(', ');
}

function ChainAlarm(p: { chain: TeamChain; open: boolean; onToggle: () => void }) {
  const { t } = useI18n();
  const c = p.chain;
  const name = computerName(t, c.laptop, c.computer);
  return (
    <div role="alert" className="tone-bad" data-testid="team-chain-alarm">
      {c.broken.length > 0 && <p>{t('audit.team.broken', { computer: name, entries: numbers(c.broken) })}</p>}
      {c.rewritten.length > 0 && (
        <>
          <p>{t('audit.team.rewritten', { computer: name, entries: numbers(c.rewritten) })}</p>
          <button type="button" className="link" aria-expanded={p.open} onClick={p.onToggle}>
            {p.open ? t('audit.team.hideRewritten') : t('audit.team.showRewritten', { computer: name })}
          </button>
          {p.open && <RewrittenTable laptop={c.laptop} name={name} />}
        </>
      )}
    </div>
  );
}

function RewrittenTable(p: { laptop: string; name: string }) {
  const { t } = useI18n();
  const q = useRewrittenEntries(p.laptop);
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorBanner error={q.error} />;
  const line = (e: { at: string; workerName: string; action: string; object: string; citizenName: string; detail: string }) =>
    [e.at, e.workerName, e.action, e.object, e.citizenName, e.detail].filter(Boolean).join(' · ');
  return (
    <table className="table" aria-label={t('audit.team.rewrittenTitle', { computer: p.name })}>
      <thead>
        <tr>
          <th>{t('audit.team.colNumber')}</th>
          <th>{t('audit.team.colHeld')}</th>
          <th>{t('audit.team.colRewritten')}</th>
        </tr>
      </thead>
      <tbody>
        {q.data.map((r) => (
          <tr key={r.number} data-testid="rewritten-pair">
            <td>{r.number}</td>
            <td className="small">{line(r.held)}</td>
            <td className="small">{line(r.rewritten)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
