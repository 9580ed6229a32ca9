import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StepStatus } from '../../api/client';
import { da } from '../../i18n/all';
import { I18nProvider } from '../../i18n/i18n';
import { WizardFrame } from './WizardFrame';

afterEach(cleanup);

const order = ['visitation', 'assessment', 'planning', 'coordination', 'advocacy', 'followup'] as const;

const steps: StepStatus[] = order.map((step, i) => ({
  step,
  available: i < 2,
  done: i === 0 ? 3 : 0,
  total: 7,
  percent: i === 0 ? 43 : 0,
  missing: [],
}));

function frame(current: string, onLeave?: () => void) {
  return render(
    <I18nProvider lang="da" onChange={() => {}}>
      <WizardFrame courseId={42} steps={steps} current={current} status={<span>status here</span>} onLeave={onLeave}>
        <p>step content</p>
      </WizardFrame>
    </I18nProvider>,
  );
}

const stepLinks = () => within(screen.getByRole('navigation', { name: da.course.stepsLabel })).getAllByRole('link');

describe('WizardFrame', () => {
  it('lists the six steps with their Danish names and links', () => {
    frame('visitation');
    const links = stepLinks();
    expect(links).toHaveLength(6);
    order.forEach((step, i) => {
      expect(links[i].textContent).toContain(da.steps[step]);
      expect(links[i].textContent).toContain(String(i + 1));
      expect(links[i].getAttribute('href')).toBe(`#/courses/42/${step}`);
    });
  });

  it('marks the current step, and only that one', () => {
    frame('assessment');
    const current = stepLinks().filter((a) => a.getAttribute('aria-current') === 'step');
    expect(current).toHaveLength(1);
    expect(current[0].textContent).toContain('Udredning');
    expect(current[0].closest('li')?.className).toBe('current');
  });

  it('says where you are and shows the step heading, help and content', () => {
    frame('assessment');
    expect(screen.getByText('Trin 2 af 6')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Udredning');
    expect(screen.getByText(da.stepHelp.assessment)).toBeTruthy();
    expect(screen.getByText('step content')).toBeTruthy();
    expect(screen.getByText('status here')).toBeTruthy();
  });

  it('shows completeness for available steps and "Kommer senere" for the rest', () => {
    frame('visitation');
    const links = stepLinks();
    expect(links[0].textContent).toContain('43 % udfyldt');
    expect(links[1].textContent).toContain('0 % udfyldt');
    for (const a of links.slice(2)) {
      expect(a.textContent).toContain('Kommer senere');
      expect(a.textContent).not.toContain('udfyldt');
    }
    expect(links[0].textContent).not.toContain('Kommer senere');
  });

  it('links to the previous and next step', () => {
    frame('assessment');
    expect(screen.getByRole('link', { name: /Forrige trin/ }).getAttribute('href')).toBe('#/courses/42/visitation');
    expect(screen.getByRole('link', { name: /Næste trin/ }).getAttribute('href')).toBe('#/courses/42/planning');
  });

  it('has no previous link on the first step and no next link on the last', () => {
    frame('visitation');
    expect(screen.getByText('Trin 1 af 6')).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Forrige trin/ })).toBeNull();
    expect(screen.getByRole('link', { name: /Næste trin/ }).getAttribute('href')).toBe('#/courses/42/assessment');
    cleanup();

    frame('followup');
    expect(screen.getByText('Trin 6 af 6')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Forrige trin/ }).getAttribute('href')).toBe('#/courses/42/advocacy');
    expect(screen.queryByRole('link', { name: /Næste trin/ })).toBeNull();
  });

  it('tells the step that the user is leaving', () => {
    const onLeave = vi.fn();
    frame('visitation', onLeave);
    fireEvent.click(screen.getByRole('link', { name: /Næste trin/ }));
    fireEvent.click(stepLinks()[3]);
    expect(onLeave).toHaveBeenCalledTimes(2);
  });
});
