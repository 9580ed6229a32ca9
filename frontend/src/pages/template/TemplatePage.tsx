import { useState } from 'react';
import { toAppError } from '../../api/errors';
import type { TemplateElement } from '../../api/template';
import { useTemplate } from '../../api/templateQueries';
import { ErrorBanner, Loading, PageHeader, Progress } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { ElementEditor } from './ElementEditor';
import { TemplateVersions } from './TemplateVersions';
import { elementTexts } from './texts';
import './template.css';
import { useIsLead } from '../../features/auth/session';
import { ReadOnlyBanner } from '../../features/auth/ReadOnlyBanner';

/**
 * The team lead's method template (metodeskabelon): for each of the sixteen elements of
 * ICM, how the team does it in practice and whether it is agreed; below, the versions the
 * team lead has signed.
 */
export function TemplatePage() {
  const { t } = useI18n();
  const q = useTemplate();
  const isLead = useIsLead();
  const [selected, setSelected] = useState('target_group');
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorBanner error={toAppError(q.error)} />;
  const tpl = q.data;
  const current = tpl.elements.find((e) => e.element === selected) ?? tpl.elements[0];
  const c = tpl.completeness;
  const progress = t('template.progress', { n: c.agreed, total: c.total });
  return (
    <div className="template-page">
      <PageHeader title={t('template.title')} subtitle={progress} />
      <p className="lead">{t('template.intro')}</p>
      {!isLead && <ReadOnlyBanner text={t('auth.leadOnly')} />}
      <div className="tpl-progress">
        <Progress value={c.agreed} max={c.total} label={t('template.progressLabel')} />
      </div>
      <div className="assessment-grid card">
        <ElementList elements={tpl.elements} current={current.element} onSelect={setSelected} />
        <ElementEditor key={current.element} element={current} readOnly={!isLead} />
      </div>
      <TemplateVersions template={tpl} />
    </div>
  );
}

const dotClass: Record<string, string> = { not_started: '', draft: 'dot-draft', agreed: 'dot-on' };

function ElementList(p: { elements: TemplateElement[]; current: string; onSelect: (code: string) => void }) {
  const { t, tx, lang } = useI18n();
  return (
    <nav aria-label={t('template.elementsLabel')} className="topic-list">
      <ul>
        {p.elements.map((e) => {
          const on = e.element === p.current;
          return (
            <li key={e.element}>
              <button type="button" className={on ? 'on' : ''} aria-current={on ? 'true' : undefined} onClick={() => p.onSelect(e.element)}>
                <span className={`dot ${dotClass[e.status] ?? ''}`} aria-hidden="true" />
                {/* The status in words as well as by the dot (WCAG 1.4.1). */}
                <span className="tpl-el">
                  {elementTexts(lang, e.element).name}
                  <span className="tpl-el-status">
                    <span className="sr-only"> – </span>
                    {tx(`template.status.${e.status}`)}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
