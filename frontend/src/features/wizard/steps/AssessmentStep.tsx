import { useState } from 'react';
import type { Assessment, SaveTopicInput, Topic } from '../../../api/steps';
import { stepsApi } from '../../../api/steps';
import { stepKeys, useAssessment, useStepMutation } from '../../../api/stepQueries';
import { toAppError } from '../../../api/errors';
import { fieldText } from '../../../components/errorText';
import { TextArea } from '../../../components/form';
import { ErrorBanner, Loading } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { isoToDanish } from '../../../lib/dates';
import { SaveIndicator } from '../SaveIndicator';
import { useAutosave } from '../useAutosave';
import { MissingLine } from './MissingLine';

const wholePerson = (topic: string) => topic === 'wishes' || topic === 'help_barriers';

/** Step 2: the continuous assessment across life areas, with dated revisions. */
export function AssessmentStep(p: { courseId: number; readOnly: boolean }) {
  const { t, tx } = useI18n();
  const q = useAssessment(p.courseId);
  const [topic, setTopic] = useState('wishes');
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorBanner error={toAppError(q.error)} />;
  const current = q.data.topics.find((x) => x.topic === topic) ?? q.data.topics[0];
  return (
    <div className="assessment">
      <p className="muted">{t('assessment.intro')}</p>
      <MissingLine missing={q.data.completeness.missing} />
      <div className="assessment-grid">
        <nav aria-label={t('assessment.topicsLabel')} className="topic-list">
          <ul>
            {q.data.topics.map((x) => {
              const filled = hasText(x);
              return (
                <li key={x.topic}>
                  <button type="button" className={x.topic === current.topic ? 'on' : ''} aria-current={x.topic === current.topic ? 'true' : undefined} onClick={() => setTopic(x.topic)}>
                    <span className={`dot ${filled ? 'dot-on' : ''}`} aria-hidden="true" />
                    {tx(`topics.${x.topic}`)}
                    <span className="sr-only"> – {filled ? t('assessment.filled') : t('assessment.empty')}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </nav>
        <TopicEditor key={current.topic} courseId={p.courseId} topic={current} readOnly={p.readOnly} />
      </div>
    </div>
  );
}

function hasText(x: Topic): boolean {
  const c = x.current;
  return !!(c.citizenView || c.workerView || c.resources || c.needs || c.barriers);
}

function TopicEditor(p: { courseId: number; topic: Topic; readOnly: boolean }) {
  const { t, tx, lang } = useI18n();
  const save = useStepMutation<SaveTopicInput, Assessment>(stepKeys.assessment(p.courseId), p.courseId, stepsApi.saveTopic);
  const c = p.topic.current;
  const [form, setForm] = useState<SaveTopicInput>({
    courseId: p.courseId,
    topic: p.topic.topic,
    citizenView: c.citizenView,
    workerView: c.workerView,
    resources: c.resources,
    needs: c.needs,
    barriers: c.barriers,
  });
  const { state, flush } = useAutosave(form, (v) => (p.readOnly ? Promise.resolve() : save.mutateAsync(v)));
  const err = state.kind === 'invalid' || state.kind === 'error' ? state.error : null;
  const fe = (name: string) => fieldText(lang, err?.field(name));
  const set = (k: keyof SaveTopicInput) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const title = tx(`topics.${p.topic.topic}`);
  return (
    <section className="topic-editor" aria-labelledby="topic-title">
      <div className="topic-head">
        <div>
          <h3 id="topic-title">{title}</h3>
          <div className="muted small">{c.revisionDate ? t('assessment.revision', { date: isoToDanish(c.revisionDate) }) : t('assessment.noRevision')}</div>
        </div>
        <SaveIndicator state={state} onRetry={() => void flush()} />
      </div>
      <form onSubmit={(e) => e.preventDefault()} onBlur={() => void flush()} aria-label={title}>
        <fieldset disabled={p.readOnly} className="plain">
          {wholePerson(p.topic.topic) ? (
            <TextArea
              label={p.topic.topic === 'wishes' ? t('assessment.wishesText') : t('assessment.helpBarriersText')}
              help={p.topic.topic === 'help_barriers' ? t('assessment.helpBarriersHelp') : undefined}
              value={form.citizenView}
              onChange={set('citizenView')}
              error={fe('citizenView')}
              rows={6}
            />
          ) : (
            <>
              <TextArea label={t('assessment.citizenView')} value={form.citizenView} onChange={set('citizenView')} error={fe('citizenView')} />
              <TextArea label={t('assessment.workerView')} value={form.workerView} onChange={set('workerView')} error={fe('workerView')} />
              <div className="row">
                <TextArea label={t('assessment.resources')} value={form.resources} onChange={set('resources')} error={fe('resources')} />
                <TextArea label={t('assessment.needs')} value={form.needs} onChange={set('needs')} error={fe('needs')} />
              </div>
              <TextArea label={t('assessment.barriers')} value={form.barriers} onChange={set('barriers')} error={fe('barriers')} rows={2} />
            </>
          )}
        </fieldset>
      </form>
      {p.topic.history.length > 0 && (
        <details className="history">
          <summary>{t('assessment.history', { n: p.topic.history.length })}</summary>
          <ol>
            {p.topic.history.map((r) => (
              <li key={r.revisionDate}>
                <div className="history-date">{t('assessment.revision', { date: isoToDanish(r.revisionDate) })}</div>
                <dl className="facts">
                  {(
                    [
                      ['citizenView', r.citizenView],
                      ['workerView', r.workerView],
                      ['resources', r.resources],
                      ['needs', r.needs],
                      ['barriers', r.barriers],
                    ] as const
                  )
                    .filter(([, v]) => v)
                    .map(([k, v]) => (
                      <div key={k} className="contents">
                        <dt>{wholePerson(p.topic.topic) ? title : t(`assessment.${k}`)}</dt>
                        <dd className="pre" lang="da">{v}</dd>
                      </div>
                    ))}
                </dl>
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
