import { useMemo, useState } from 'react';
import type { AuditComputer, AuditEntry } from '../../api/audit';
import { useAuditLog, useCheckAnchor, useVerifyAudit } from '../../api/auditQueries';
import type { AuditCheck } from '../../api/auth';
import { toAppError, type FieldError } from '../../api/errors';
import { useCitizens, useWorkers } from '../../api/queries';
import { fieldText } from '../../components/errorText';
import { DateField, SelectField, TextField } from '../../components/form';
import { ErrorBanner, Loading, PageHeader, TableScroll } from '../../components/ui';
import { hasKey, useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import { AuditExport } from './AuditExport';
import { computerName, computerOptions } from './computers';
import { emptyAuditFilter, toAuditFilter, type AuditFilterForm } from './filter';
import { TeamChains } from './TeamChains';
import './audit.css';
import { BusyButton } from '../../components/BusyButton';

/** The actions in the order the backend offers them (service.AuditActions). */
const fallbackActions = ['view', 'list', 'search', 'create', 'change', 'delete', 'export', 'print', 'sign', 'import', 'sign_in', 'sign_in_failed', 'sign_out', 'lock', 'account', 'settings', 'backup', 'restore', 'verify'];

/**
 * The team lead's audit log: who used which citizen's data and when, newest first, filtered
 * by citizen, worker, action and dates; the state of the hash chain with a check on demand;
 * and the export of every entry about one citizen.
 */
export function AuditPage() {
  const { t } = useI18n();
  const [form, setForm] = useState<AuditFilterForm>(emptyAuditFilter);
  const filter = useMemo(() => {
    const { before: _before, cursor: _cursor, ...f } = toAuditFilter(form);
    return f;
  }, [form]);
  const log = useAuditLog(filter);
  const pages = log.data?.pages ?? [];
  const entries = pages.flatMap((p) => p.entries);
  const actions = pages[0]?.actions ?? fallbackActions;
  const computers = pages[0]?.computers ?? [];
  const error = log.error ? toAppError(log.error) : null;
  return (
    <>
      <PageHeader title={t('audit.title')} />
      <p className="lead">{t('audit.intro')}</p>
      <ChainStatus />
      <TeamChains />
      <AnchorCheckForm />
      <Filters form={form} setForm={setForm} actions={actions} computers={computers} fieldError={(f) => error?.field(f)} />
      <AuditExport citizenId={filter.citizenId} />
      <ErrorBanner error={error && !error.fields.length ? error : null} />
      {log.isPending ? (
        <Loading />
      ) : entries.length === 0 ? (
        <p className="empty">{t('audit.none')}</p>
      ) : (
        <>
          <p className="muted small" role="status">
            {entries.length === 1 ? t('audit.shownOne') : t('audit.shown', { n: entries.length })}
          </p>
          <AuditTable entries={entries} computers={computers} />
          {log.hasNextPage && (
            <div className="form-actions">
              <button type="button" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
                {t('audit.more')}
              </button>
            </div>
          )}
        </>
      )}
    </>
  );
}

function Filters(p: {
  form: AuditFilterForm;
  setForm: (f: AuditFilterForm) => void;
  actions: string[];
  computers: AuditComputer[];
  fieldError: (name: string) => FieldError | undefined;
}) {
  const { t, tx, lang } = useI18n();
  const citizens = useCitizens('');
  const workers = useWorkers();
  const f = p.form;
  const set = (k: keyof AuditFilterForm) => (v: string) => p.setForm({ ...f, [k]: v });
  const all = (label: string) => `${label}: ${t('audit.all').toLowerCase()}`;
  return (
    <form className="card audit-filters" aria-label={t('audit.filters')} onSubmit={(e) => e.preventDefault()}>
      <div className="audit-filter-row">
        <SelectField
          label={t('audit.citizen')}
          value={f.citizenId}
          onChange={set('citizenId')}
          options={[{ value: '', label: all(t('audit.citizen')) }, ...(citizens.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))]}
          allowEmpty={false}
        />
        <SelectField
          label={t('audit.worker')}
          value={f.workerId}
          onChange={set('workerId')}
          options={[{ value: '', label: all(t('audit.worker')) }, ...(workers.data ?? []).map((w) => ({ value: String(w.id), label: `${w.name} (${w.initials})` }))]}
          allowEmpty={false}
        />
        <SelectField
          label={t('audit.action')}
          value={f.action}
          onChange={set('action')}
          options={[{ value: '', label: all(t('audit.action')) }, ...p.actions.map((a) => ({ value: a, label: tx(`audit.actions.${a}`) }))]}
          allowEmpty={false}
        />
        {p.computers.length > 1 && (
          <SelectField
            label={t('audit.team.computer')}
            value={f.computer}
            onChange={set('computer')}
            options={computerOptions(t, p.computers)}
            allowEmpty={false}
            error={fieldText(lang, p.fieldError('computer'))}
          />
        )}
        <DateField label={t('audit.from')} value={f.from} onChange={set('from')} error={fieldText(lang, p.fieldError('from'))} />
        <DateField label={t('audit.to')} value={f.to} onChange={set('to')} error={fieldText(lang, p.fieldError('to'))} />
      </div>
      <button type="button" className="link" onClick={() => p.setForm(emptyAuditFilter)} disabled={JSON.stringify(f) === JSON.stringify(emptyAuditFilter)}>
        {t('audit.reset')}
      </button>
    </form>
  );
}

/** Logged objects whose Danish name is the English word: a screen reader says them in English (WCAG 3.1.2). */
const englishInDanish = new Set(['caseload']);

/** A translated name for a logged value, or the value itself when it is new to this version. */
function useName() {
  const { tx, lang } = useI18n();
  return (group: 'actions' | 'object', v: string) => (v ? (hasKey(lang, `audit.${group}.${v}`) ? tx(`audit.${group}.${v}`) : v) : '–');
}

function AuditTable(p: { entries: AuditEntry[]; computers: AuditComputer[] }) {
  const { t, lang } = useI18n();
  const name = useName();
  // On a laptop in a team every entry says which computer it was logged on.
  const team = p.computers.length > 0;
  const self = p.computers.find((c) => c.this)?.laptop;
  return (
    <TableScroll label={t('audit.title')}><table className="table audit-table">
      <thead>
        <tr>
          <th>{t('audit.colAt')}</th>
          {team && <th>{t('audit.team.colComputer')}</th>}
          <th>{t('audit.colWho')}</th>
          <th>{t('audit.colAction')}</th>
          <th>{t('audit.colObject')}</th>
          <th>{t('audit.colCitizen')}</th>
          <th>{t('audit.colDetail')}</th>
        </tr>
      </thead>
      <tbody>
        {p.entries.map((e) => (
          <tr key={`${e.laptop}/${e.id}`} data-testid="audit-entry" data-action={e.action}>
            <td className="mono nowrap">{e.at}</td>
            {team && <td>{computerName(t, e.laptop, e.computer, e.laptop === self)}</td>}
            <td>{e.workerName || <span className="muted">{t('audit.unknownWorker')}</span>}</td>
            <td className={e.action === 'sign_in_failed' ? 'tone-bad' : undefined}>{name('actions', e.action)}</td>
            <td lang={lang === 'da' && englishInDanish.has(e.object) ? 'en' : undefined}>{name('object', e.object)}</td>
            <td>{e.citizenId ? e.citizenName || <span className="muted">{t('audit.deletedCitizen', { id: e.citizenId })}</span> : '–'}</td>
            <td className="muted small">{e.detail}</td>
          </tr>
        ))}
      </tbody>
    </table></TableScroll>
  );
}

/** The outcome of the last check of the chain (at start, or the one asked for here). */
function ChainStatus() {
  const { t, tx } = useI18n();
  const session = useSession();
  const verify = useVerifyAudit();
  const [checked, setChecked] = useState<AuditCheck | null>(null);
  const c = checked ?? session?.status.audit;
  const broken = !!c?.checked && !c.ok;
  return (
    <section className={`card chain-status ${broken ? 'chain-broken' : ''}`} aria-labelledby="chain-title" data-testid="chain-status" data-ok={c?.checked ? String(c.ok) : undefined}>
      <div>
        <h2 id="chain-title">{t('audit.chainTitle')}</h2>
        <p role="status" className={broken ? 'tone-bad' : c?.checked ? 'tone-ok' : 'muted'}>
          {!c?.checked
            ? t('audit.chainPending')
            : !c.ok && c.rewritten && !c.brokenAt
              ? t('audit.chainRewritten', { source: tx(`audit.anchorSources.${c.anchorSource}`), entry: c.anchorId, at: c.anchorAt ? `, ${c.anchorAt}` : '' })
              : !c.ok
              ? t('audit.chainBroken', { entry: c.brokenAt, at: c.checkedAt })
              : c.full
                ? t('audit.chainOk', { entries: c.entries, at: c.checkedAt })
                : t('audit.chainOkSince', { entries: c.entries, at: c.checkedAt, n: c.newEntries, fullAt: c.fullAt })}
        </p>
        {c?.checked && c.headId > 0 && (
          <p className="small">
            <span className="mono">{t('audit.head', { id: c.headId, hash: hashGroups(c.headHash) })}</span>
            <br />
            <span className="muted">{t('audit.headHelp')}</span>
          </p>
        )}
        <ErrorBanner error={verify.error} />
      </div>
      <BusyButton
        type="button"
        busy={verify.isPending}
        onClick={() =>
          verify.mutate(undefined, {
            onSuccess: (r) => {
              setChecked(r);
              void session?.refresh();
            },
          })
        }
      >
        {verify.isPending ? t('audit.verifying') : t('audit.verify')}
      </BusyButton>
    </section>
  );
}

/** A hash in groups of eight, as the exported log prints it. */
export function hashGroups(hash: string): string {
  return (hash.match(/.{1,8}/g) ?? []).join(' ');
}

/** Compares a point of the chain typed back from a printed log with the chain now. */
function AnchorCheckForm() {
  const { t, lang } = useI18n();
  const check = useCheckAnchor();
  const [id, setId] = useState('');
  const [hash, setHash] = useState('');
  const error = check.error ? toAppError(check.error) : null;
  const r = check.data;
  return (
    <form
      className="card anchor-check"
      aria-labelledby="anchor-title"
      onSubmit={(e) => {
        e.preventDefault();
        check.mutate({ id: Number(id.trim()) || 0, hash });
      }}
    >
      <h2 id="anchor-title">{t('audit.anchorTitle')}</h2>
      <p className="muted small">{t('audit.anchorIntro')}</p>
      <div className="audit-filter-row">
        <TextField label={t('audit.anchorId')} value={id} onChange={setId} inputMode="decimal" maxLength={20} error={fieldText(lang, error?.field('id'))} />
        <TextField label={t('audit.anchorHash')} value={hash} onChange={setHash} maxLength={120} className="anchor-hash" error={fieldText(lang, error?.field('hash'))} />
      </div>
      <div className="form-actions">
        <BusyButton type="submit" busy={check.isPending}>
          {t('audit.anchorCheck')}
        </BusyButton>
      </div>
      <ErrorBanner error={error && !error.fields.length ? error : null} />
      {r && (
        <p role="status" className={r.matches ? 'tone-ok' : 'tone-bad'} data-testid="anchor-result">
          {r.matches ? t('audit.anchorMatches') : r.missing ? t('audit.anchorMissing') : t('audit.anchorDiffers')}
        </p>
      )}
    </form>
  );
}
