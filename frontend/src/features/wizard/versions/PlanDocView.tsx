import { TableScroll } from '../../../components/ui';
import type { ReactNode } from 'react';
import type { PlanDoc } from '../../../api/versions';
import { useI18n } from '../../../i18n/i18n';
import { formatDateTime, isoToDanish } from '../../../lib/dates';
import './versions.css';

function Part(p: { title: string; empty: boolean; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <section className="pv-doc-part" aria-label={p.title}>
      <h5>{p.title}</h5>
      {p.empty ? <p className="muted small">{t('versions.doc.nothing')}</p> : p.children}
    </section>
  );
}

const date = (iso: string) => (iso ? isoToDanish(iso) : '');

/**
 * A plan version read-only, as it was signed (or the draft as it would be signed): the
 * citizen's wishes, the goals with their sub-goals, the activity plan, the network and
 * agreed actions, the advocacy, the next evaluation and the signatures. Every text comes
 * from the snapshot, so nothing here changes when the live plan does.
 */
export function PlanDocView(p: { doc: PlanDoc; title: string }) {
  const { t } = useI18n();
  const d = p.doc;
  const s = d.signature;
  return (
    <article className="pv-doc" aria-label={p.title}>
      <h4>{p.title}</h4>
      <dl className="facts pv-doc-facts">
        <dt>{t('versions.doc.citizen')}</dt>
        <dd>
          {d.citizen}
          {d.citizenCpr ? ` · ${t('versions.doc.cpr')} ${d.citizenCpr}` : ''}
        </dd>
        <dt>{t('versions.doc.worker')}</dt>
        <dd>{d.worker}</dd>
        <dt>{t('versions.doc.team')}</dt>
        <dd>{[d.team, d.municipality].filter(Boolean).join(', ')}</dd>
        <dt>{t('versions.doc.course')}</dt>
        <dd>{date(d.courseStart)}</dd>
      </dl>

      <Part title={t('versions.doc.wishes')} empty={false}>
        {d.wishes ? <blockquote className="citizen-words pv-wishes" lang="da">{d.wishes}</blockquote> : <p className="muted small">{t('versions.doc.noWishes')}</p>}
      </Part>

      <Part title={t('versions.doc.goals')} empty={d.goals.length === 0}>
        <ol className="pv-goals">
          {d.goals.map((g, i) => (
            <li key={i}>
              <div className="muted small">
                {t('versions.doc.goal', { n: i + 1 })}
                {g.area ? ` · ${g.area}` : ''}
              </div>
              <blockquote className="citizen-words" lang="da">“{g.citizenWords}”</blockquote>
              {g.actionPlanGoal && (
                <div className="small">
                  {t('versions.doc.actionPlanGoal')}: {g.actionPlanGoal}
                </div>
              )}
              {g.subGoals.length === 0 ? (
                <p className="muted small">{t('versions.doc.noSubGoals')}</p>
              ) : (
                <TableScroll label={t('versions.doc.goal', { n: i + 1 })}><table className="table compact pv-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('versions.doc.subGoal')}</th>
                      <th scope="col">{t('versions.doc.measure')}</th>
                      <th scope="col">{t('versions.doc.owner')}</th>
                      <th scope="col">{t('versions.doc.deadline')}</th>
                      <th scope="col">{t('versions.doc.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {g.subGoals.map((sg, j) => (
                      <tr key={j}>
                        <td>{sg.what}</td>
                        <td>{sg.measure}</td>
                        <td>{sg.owner}</td>
                        <td className="pv-nowrap">{date(sg.deadline)}</td>
                        <td>{sg.status}</td>
                      </tr>
                    ))}
                  </tbody>
                </table></TableScroll>
              )}
            </li>
          ))}
        </ol>
      </Part>

      <Part title={t('versions.doc.activities')} empty={d.activities.length === 0}>
        <TableScroll label={t('versions.doc.activities')}><table className="table compact pv-table">
          <thead>
            <tr>
              <th scope="col">{t('versions.doc.activity')}</th>
              <th scope="col">{t('versions.doc.frequency')}</th>
              <th scope="col">{t('versions.doc.who')}</th>
            </tr>
          </thead>
          <tbody>
            {d.activities.map((a, i) => (
              <tr key={i}>
                <td>{a.what}</td>
                <td>{a.frequency}</td>
                <td>{a.owner}</td>
              </tr>
            ))}
          </tbody>
        </table></TableScroll>
      </Part>

      <Part title={t('versions.doc.network')} empty={d.network.length === 0}>
        <ul className="pv-plain">
          {d.network.map((c, i) => (
            <li key={i}>
              <strong>{c.kind}</strong>: {[c.name, c.organisation].filter(Boolean).join(', ')}
              {c.phone ? ` · ${c.phone}` : ''}
              {c.role && <div className="muted small">{c.role}</div>}
            </li>
          ))}
        </ul>
      </Part>

      <Part title={t('versions.doc.actions')} empty={d.actions.length === 0}>
        <TableScroll label={t('versions.doc.actions')}><table className="table compact pv-table">
          <thead>
            <tr>
              <th scope="col">{t('versions.doc.action')}</th>
              <th scope="col">{t('versions.doc.who')}</th>
              <th scope="col">{t('versions.doc.deadline')}</th>
              <th scope="col">{t('versions.doc.status')}</th>
            </tr>
          </thead>
          <tbody>
            {d.actions.map((a, i) => (
              <tr key={i}>
                <td>{a.action}</td>
                <td>{a.owner}</td>
                <td className="pv-nowrap">{date(a.deadline)}</td>
                <td>{a.done ? t('versions.doc.done') : t('versions.doc.notDone')}</td>
              </tr>
            ))}
          </tbody>
        </table></TableScroll>
      </Part>

      <Part title={t('versions.doc.advocacy')} empty={d.advocacy.length === 0}>
        <ul className="pv-plain">
          {d.advocacy.map((a, i) => (
            <li key={i}>
              <strong>{a.barrier}</strong> · {a.status}
              {a.towards && (
                <div className="small">
                  {t('versions.doc.towards')}: {a.towards}
                </div>
              )}
              {a.actions && <div className="small pv-pre">{a.actions}</div>}
              {a.outcome && (
                <div className="small">
                  {t('versions.doc.outcome')}: {a.outcome}
                </div>
              )}
            </li>
          ))}
        </ul>
      </Part>

      <dl className="facts pv-doc-facts">
        <dt>{t('versions.doc.nextEvaluation')}</dt>
        <dd>{date(d.nextEvaluation) || t('versions.doc.notRecorded')}</dd>
        <dt>{t('versions.doc.actionPlan141')}</dt>
        <dd>{d.actionPlan141 || t('versions.doc.notRecorded')}</dd>
        <dt>{t('versions.doc.who5')}</dt>
        <dd>{d.who5.length === 0 ? t('versions.doc.notRecorded') : d.who5.map((w) => `${date(w.date)}: ${w.percent} %`).join(' · ')}</dd>
      </dl>

      {s && (
        <Part title={t('versions.doc.signature')} empty={false}>
          <dl className="facts pv-doc-facts">
            <dt>{t('versions.doc.citizen')}</dt>
            <dd>{`${s.citizenName}, ${date(s.citizenDate)}`}</dd>
            <dt>{t('versions.doc.worker')}</dt>
            <dd>{`${s.workerName}, ${date(s.workerDate)}`}</dd>
            <dt>{t('versions.doc.signatureMethod')}</dt>
            <dd>{s.method}</dd>
            <dt>{t('versions.form.lead')}</dt>
            <dd>{s.leadName ? `${s.leadName}, ${date(s.leadDate)}` : t('versions.noLead')}</dd>
            {s.citizenComment && (
              <>
                <dt>{t('versions.citizenComment')}</dt>
                <dd className="pv-pre">{s.citizenComment}</dd>
              </>
            )}
            <dt>{t('versions.doc.recorded')}</dt>
            <dd>{formatDateTime(s.signedAt)}</dd>
          </dl>
        </Part>
      )}
    </article>
  );
}
