import { useState } from 'react';
import { templateStatuses, type TemplateElement, type TemplateElementInput } from '../../api/template';
import { useSaveElement } from '../../api/templateQueries';
import { fieldText } from '../../components/errorText';
import { RadioGroup, TextArea } from '../../components/form';
import { SaveIndicator } from '../../features/wizard/SaveIndicator';
import { useAutosave } from '../../features/wizard/useAutosave';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/dates';
import { templateWeights } from '../../features/wizard/i18n/template';
import { elementTexts } from './texts';

/**
 * One element of the method template: its name, the requirement (as firmly as the method
 * states it), the questions to
 * discuss, and the team's answer and status, saved a moment after each change. Writing in
 * an element that was not started makes it a draft.
 */
export function ElementEditor(p: { element: TemplateElement; readOnly?: boolean }) {
  const { t, tx, lang } = useI18n();
  const save = useSaveElement();
  const el = p.element;
  const [form, setForm] = useState<TemplateElementInput>({ element: el.element, answer: el.answer, status: el.status });
  const { state, flush } = useAutosave(form, (v) => (p.readOnly ? Promise.resolve() : save.mutateAsync(v)));
  const err = state.kind === 'invalid' || state.kind === 'error' ? state.error : null;
  const fe = (name: string) => fieldText(lang, err?.field(name));
  const txt = elementTexts(lang, el.element);
  // Only a requirement the method states as a must is called one.
  const weight = templateWeights[el.element];
  const reqLabel = weight ? t(`template.${weight}`) : t('template.requirement');
  return (
    <section className="tpl-editor" aria-labelledby="tpl-element-title">
      <div className="topic-head">
        <div>
          <h2 id="tpl-element-title">{txt.name}</h2>
          <div className="muted small">{el.updatedAt ? t('template.updated', { at: formatDateTime(el.updatedAt) }) : t('template.neverSaved')}</div>
        </div>
        <SaveIndicator state={state} onRetry={() => void flush()} />
      </div>
      <div className="tpl-requirement" role="note" aria-label={reqLabel} data-weight={weight ?? 'must'}>
        <div className="tpl-requirement-label">{reqLabel}</div>
        <p>{txt.requirement}</p>
      </div>
      <h3 className="tpl-questions-title">{t('template.questions')}</h3>
      <ul className="tpl-questions">
        {txt.questions.map((q) => (
          <li key={q}>{q}</li>
        ))}
      </ul>
      <form onSubmit={(e) => e.preventDefault()} onBlur={() => void flush()} aria-label={txt.name}>
        <fieldset disabled={p.readOnly} className="plain">
          <TextArea
            label={t('template.answer')}
            help={t('template.answerHelp')}
            value={form.answer}
            onChange={(answer) => setForm((f) => ({ ...f, answer, status: f.status === 'not_started' && answer.trim() ? 'draft' : f.status }))}
            error={fe('answer')}
            rows={8}
          />
          <RadioGroup
            label={t('template.statusLabel')}
            value={form.status}
            onChange={(status) => setForm((f) => ({ ...f, status }))}
            options={templateStatuses.map((s) => ({ value: s, label: tx(`template.status.${s}`) }))}
            error={fe('status')}
          />
        </fieldset>
      </form>
    </section>
  );
}
