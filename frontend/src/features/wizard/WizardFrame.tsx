import type { KeyboardEvent, ReactNode } from 'react';
import type { StepStatus } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { href } from '../../lib/router';

/** Arrow keys (and Home, End) move the focus along the step strip; Enter opens the step. */
function moveAlongSteps(e: KeyboardEvent<HTMLOListElement>) {
  const links = Array.from(e.currentTarget.querySelectorAll('a'));
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (at < 0) return;
  const to = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: links.length - 1 }[e.key];
  if (to === undefined) return;
  e.preventDefault();
  links[Math.min(links.length - 1, Math.max(0, to))].focus();
}

/** The six method steps as a wizard: the step list, where you are, and how complete each is. */
export function WizardFrame(p: { courseId: number; steps: StepStatus[]; current: string; status?: ReactNode; onLeave?: () => void; children: ReactNode }) {
  const { t, tx } = useI18n();
  const idx = Math.max(0, p.steps.findIndex((s) => s.step === p.current));
  const prev = p.steps[idx - 1];
  const next = p.steps[idx + 1];
  const link = (step: string) => href({ name: 'course', id: p.courseId, step });
  return (
    <div className="wizard">
      <nav className="steps" aria-label={t('course.stepsLabel')}>
        <ol onKeyDown={moveAlongSteps}>
          {p.steps.map((s, i) => (
            <li key={s.step} className={s.step === p.current ? 'current' : ''}>
              <a href={link(s.step)} aria-current={s.step === p.current ? 'step' : undefined} onClick={p.onLeave}>
                <span className="step-no">{i + 1}</span>
                <span className="step-name">{tx(`steps.${s.step}`)}</span>
                <span className="step-meta">
                  {s.available ? (
                    <>
                      <span className="mini-bar" aria-hidden="true">
                        <span style={{ width: `${s.percent}%` }} />
                      </span>
                      {t('course.complete', { percent: s.percent })}
                    </>
                  ) : (
                    t('course.notYet')
                  )}
                </span>
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <section className="step-body" aria-labelledby="step-title">
        <header className="step-header">
          <div>
            <div className="step-of">{t('course.stepOf', { n: idx + 1, total: p.steps.length })}</div>
            <h2 id="step-title" tabIndex={-1}>{tx(`steps.${p.current}`)}</h2>
          </div>
          {p.status}
        </header>
        <p className="step-help">{tx(`stepHelp.${p.current}`)}</p>
        {p.children}
        <footer className="step-nav">
          {prev ? (
            <a className="button" href={link(prev.step)} onClick={p.onLeave}>
              ← {t('course.previous')}
            </a>
          ) : (
            <span />
          )}
          {next && (
            <a className="button" href={link(next.step)} onClick={p.onLeave}>
              {t('course.next')} →
            </a>
          )}
        </footer>
      </section>
    </div>
  );
}
