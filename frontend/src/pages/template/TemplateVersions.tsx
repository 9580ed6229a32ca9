import { useState } from 'react';
import { toAppError } from '../../api/errors';
import { templateApi, type Template, type TemplateVersionSummary } from '../../api/template';
import { useTemplateVersion } from '../../api/templateQueries';
import { StatusLine, useFocusReturn, useStatusLine } from '../../components/focus';
import { ErrorBanner, Loading } from '../../components/ui';
import { ExportButton } from '../../features/export/ExportButton';
import { useI18n } from '../../i18n/i18n';
import { isoToDanish } from '../../lib/dates';
import { SignTemplateForm } from './SignTemplateForm';
import { elementTexts } from './texts';
import '../../features/wizard/versions/versions.css';
import { useIsLead } from '../../features/auth/session';

/** The signed versions of the template: the current one first, then each signed version, and the sign form. */
export function TemplateVersions(p: { template: Template }) {
  const { t } = useI18n();
  const versions = p.template.versions;
  const isLead = useIsLead();
  const [signing, setSigning] = useState(false);
  // Says "version N is signed" after a signing and takes the focus (mounted once, WCAG 4.1.3).
  const signed = useStatusLine();
  const [open, setOpen] = useState<number | null>(null);
  // The form held the focus: cancelled, it goes back to its button; signed, to the status line.
  const focusReturn = useFocusReturn();
  const next = (versions[0]?.versionNo ?? 0) + 1;
  const c = p.template.completeness;
  return (
    <section className="card tpl-versions" aria-labelledby="tpl-versions-title">
      <div className="pv-row-head">
        <h2 id="tpl-versions-title">{t('template.versions.title')}</h2>
        {!signing && isLead && (
          <button type="button" className="primary" data-focus-key="sign-template" onClick={() => { setSigning(true); signed.clear(); }}>
            {t('template.versions.signOpen')}
          </button>
        )}
      </div>
      <p className="muted">{t('template.versions.intro')}</p>
      <StatusLine status={signed} className="pv-signed" testId="template-signed" />
      {signing && (
        <SignTemplateForm
          nextNo={next}
          agreed={c.agreed}
          total={c.total}
          onDone={(v) => {
            setSigning(false);
            if (v) signed.say(t('template.versions.signedNotice', { n: v.summary.versionNo }));
            else focusReturn('sign-template');
          }}
        />
      )}
      <ul className="pv-list ca-cards" aria-label={t('template.versions.title')}>
        <li className="card-inner pv-draft">
          <div className="pv-row-head">
            <div className="pv-row-main">
              <h3>{t('template.versions.current')}</h3>
              <div className="muted small">
                {t('template.versions.currentNote')} · {t('template.versions.agreed', { n: c.agreed, total: c.total })}
              </div>
            </div>
            <div className="pv-row-actions">
              <ExportButton label={t('template.versions.savePdf')} run={() => templateApi.savePdf(0)} />
            </div>
          </div>
        </li>
        {versions.map((v) => (
          <VersionItem key={v.id} version={v} open={open === v.id} onToggle={() => setOpen((o) => (o === v.id ? null : v.id))} />
        ))}
      </ul>
      {versions.length === 0 && <p className="muted small pv-none">{t('template.versions.none')}</p>}
    </section>
  );
}

function VersionItem(p: { version: TemplateVersionSummary; open: boolean; onToggle: () => void }) {
  const { t } = useI18n();
  const v = p.version;
  const title = t('template.versions.version', { n: v.versionNo });
  return (
    <li className="card-inner" aria-label={title}>
      <div className="pv-row-head">
        <div className="pv-row-main">
          <h3>{title}</h3>
          <div className="pv-meta">
            <span>{t('template.versions.signedBy', { name: v.leadName, date: isoToDanish(v.date) })}</span>
            <span>{t('template.versions.agreed', { n: v.agreed, total: v.total })}</span>
          </div>
          {v.note && (
            <div className="pv-comment pv-pre">
              <strong>{t('template.versions.note')}:</strong> {v.note}
            </div>
          )}
        </div>
        <div className="pv-row-actions">
          <button type="button" aria-expanded={p.open} onClick={p.onToggle}>
            {p.open ? t('template.versions.hide') : t('template.versions.view')}
          </button>
          <ExportButton label={t('template.versions.savePdf')} run={() => templateApi.savePdf(v.id)} />
        </div>
      </div>
      {p.open && <VersionView id={v.id} />}
    </li>
  );
}

/** A signed version's elements, read-only, exactly as signed. */
function VersionView(p: { id: number }) {
  const { t, tx, lang } = useI18n();
  const q = useTemplateVersion(p.id);
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorBanner error={toAppError(q.error)} />;
  return (
    <dl className="pv-doc tpl-version-doc">
      {q.data.elements.map((e) => (
        <div key={e.element} className="contents">
          <dt>
            {elementTexts(lang, e.element).name} <span className="muted small">({tx(`template.status.${e.status}`)})</span>
          </dt>
          <dd className="pv-pre">{e.answer || <span className="muted">{t('template.neverSaved')}</span>}</dd>
        </div>
      ))}
    </dl>
  );
}
