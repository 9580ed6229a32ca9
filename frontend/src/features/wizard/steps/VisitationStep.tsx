import { useState } from 'react';
import type { SaveVisitationInput, Visitation, Vocabulary } from '../../../api/client';
import { useSaveVisitation } from '../../../api/queries';
import { fieldText } from '../../../components/errorText';
import { CheckboxGroup, DateField, RadioGroup, SelectField, TextArea, TextField } from '../../../components/form';
import { useI18n } from '../../../i18n/i18n';
import { SaveIndicator } from '../SaveIndicator';
import { useAutosave } from '../useAutosave';
import { HousingPanel } from '../../housing/HousingPanel';

function toInput(v: Visitation): SaveVisitationInput {
  const { updatedAt: _u, completeness: _c, ...rest } = v;
  void _u;
  void _c;
  return rest;
}

/** Step 1: target group and visitation. Autosaves the whole step as the worker types. */
export function VisitationStep(p: { data: Visitation; vocab: Vocabulary; readOnly: boolean; citizenId: number }) {
  const { t, tx, lang } = useI18n();
  const save = useSaveVisitation();
  const [form, setForm] = useState<SaveVisitationInput>(() => toInput(p.data));
  const { state, flush } = useAutosave(form, (v) => (p.readOnly ? Promise.resolve() : save.mutateAsync(v)));
  const err = state.kind === 'invalid' || state.kind === 'error' ? state.error : null;
  const fe = (name: string) => fieldText(lang, err?.field(name));
  const set = <K extends keyof SaveVisitationInput>(k: K) => (v: SaveVisitationInput[K]) => setForm((f) => ({ ...f, [k]: v }));
  const opts = (list: string[], group: string) => list.map((v) => ({ value: v, label: tx(`enum.${group}.${v}`) }));
  const c = save.data?.completeness ?? p.data.completeness;

  return (
    // A div in the role of a form: the housing history inside has forms of its own.
    <div role="form" className="step-form" onBlur={() => void flush()} aria-label={t('steps.visitation')}>
      <div className="step-toolbar">
        <SaveIndicator state={state} onRetry={() => void flush()} />
      </div>
      {c.missing.length > 0 && (
        <div className="banner banner-info">
          <strong>{t('course.missing')}:</strong> {c.missing.map((m) => tx(`requirement.${m}`)).join(' · ')}
        </div>
      )}
      <fieldset disabled={p.readOnly} className="plain">
        <section className="form-section">
          <h3>{t('visitation.housingSection')}</h3>
          <SelectField label={t('visitation.housingAtStart')} value={form.housingAtStart} onChange={set('housingAtStart')} options={opts(p.vocab.housings, 'housing')} error={fe('housingAtStart')} />
          <TextArea label={t('visitation.housingNote')} value={form.housingNote} onChange={set('housingNote')} error={fe('housingNote')} rows={2} />
          <p className="help">{t('visitation.housingHistoryHelp')}</p>
          <HousingPanel citizenId={p.citizenId} readOnly={p.readOnly} />
        </section>
        <section className="form-section">
          <h3>{t('visitation.needsSection')}</h3>
          <CheckboxGroup label={t('visitation.needs')} values={form.needs} onChange={set('needs')} options={opts(p.vocab.needs, 'need')} error={fe('needs')} />
          <TextArea label={t('visitation.needsNote')} value={form.needsNote} onChange={set('needsNote')} error={fe('needsNote')} rows={2} />
          <TextArea label={t('visitation.targetGroupReason')} help={t('visitation.targetGroupReasonHelp')} value={form.targetGroupReason} onChange={set('targetGroupReason')} error={fe('targetGroupReason')} />
        </section>
        <section className="form-section">
          <h3>{t('visitation.consentSection')}</h3>
          <RadioGroup label={t('visitation.consent')} value={form.consent} onChange={set('consent')} options={opts(p.vocab.consents, 'consent')} error={fe('consent')} />
          <div className="row">
            <RadioGroup label={t('visitation.consentForm')} value={form.consentForm} onChange={set('consentForm')} options={opts(p.vocab.consentForms, 'consentForm')} error={fe('consentForm')} />
            <DateField label={t('visitation.consentDate')} value={form.consentDate} onChange={set('consentDate')} error={fe('consentDate')} />
          </div>
          <TextArea label={t('visitation.contactAgreement')} help={t('visitation.contactAgreementHelp')} value={form.contactAgreement} onChange={set('contactAgreement')} error={fe('contactAgreement')} rows={2} />
        </section>
        <section className="form-section">
          <h3>{t('visitation.referralSection')}</h3>
          <div className="row">
            <SelectField label={t('visitation.referralSource')} value={form.referralSource} onChange={set('referralSource')} options={opts(p.vocab.referrals, 'referral')} error={fe('referralSource')} />
            <TextField label={t('visitation.referralNote')} value={form.referralNote} onChange={set('referralNote')} error={fe('referralNote')} />
          </div>
          <div className="row">
            <DateField label={t('visitation.visitationDate')} value={form.visitationDate} onChange={set('visitationDate')} error={fe('visitationDate')} />
            <SelectField label={t('visitation.legalBasis')} value={form.legalBasis} onChange={set('legalBasis')} options={opts(p.vocab.legalBases, 'legalBasis')} error={fe('legalBasis')} />
          </div>
          <TextArea label={t('visitation.legalNote')} value={form.legalNote} onChange={set('legalNote')} error={fe('legalNote')} rows={2} />
        </section>
        <section className="form-section">
          <h3>{t('visitation.actionPlanSection')}</h3>
          <SelectField label={t('visitation.actionPlan')} value={form.actionPlan} onChange={set('actionPlan')} options={opts(p.vocab.actionPlans, 'actionPlan')} error={fe('actionPlan')} />
          <div className="row">
            <DateField label={t('visitation.actionPlanDate')} value={form.actionPlanDate} onChange={set('actionPlanDate')} error={fe('actionPlanDate')} />
            <TextField label={t('visitation.actionPlanCaseworker')} value={form.actionPlanCaseworker} onChange={set('actionPlanCaseworker')} error={fe('actionPlanCaseworker')} />
          </div>
          <TextArea label={t('visitation.actionPlanNote')} value={form.actionPlanNote} onChange={set('actionPlanNote')} error={fe('actionPlanNote')} />
        </section>
      </fieldset>
    </div>
  );
}
