import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { CheckboxGroup, DateField, RadioGroup, SelectField, TextArea, TextField } from './form';

afterEach(cleanup);

const inDanish = (ui: ReactNode) => render(<I18nProvider lang="da" onChange={() => {}}>{ui}</I18nProvider>);

const options = [
  { value: 'street', label: 'Gadesovende' },
  { value: 'shelter', label: 'Herberg' },
  { value: 'own', label: 'Egen bolig' },
];

describe('TextField', () => {
  it('is found by its label and reports typing', () => {
    const onChange = vi.fn();
    inDanish(<TextField label="Navn" value="Anna" onChange={onChange} />);
    const input = screen.getByLabelText('Navn') as HTMLInputElement;
    expect(input.value).toBe('Anna');
    expect(input).toHaveProperty('type', 'text');
    expect(input.getAttribute('aria-invalid')).toBe('false');
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.change(input, { target: { value: 'Anna B' } });
    expect(onChange).toHaveBeenCalledWith('Anna B');
  });

  it('shows an error as plain text tied to the input, not as an alert', () => {
    inDanish(<TextField label="Navn" value="" onChange={() => {}} error="Feltet skal udfyldes." help="Fornavn og efternavn" />);
    const input = screen.getByLabelText('Navn');
    // The input reads its own error on focus (label + error); a live region would say it again.
    expect(screen.queryByRole('alert')).toBeNull();
    const alert = screen.getByText('Feltet skal udfyldes.');
    expect(alert.getAttribute('role')).toBeNull();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = (input.getAttribute('aria-describedby') ?? '').split(' ');
    expect(described).toContain(alert.id);
    expect(described.map((id) => document.getElementById(id)?.textContent)).toEqual(['Fornavn og efternavn', 'Feltet skal udfyldes.']);
  });

  it('marks a required field', () => {
    inDanish(<TextField label="Navn" required value="" onChange={() => {}} />);
    // The star is for the eye; assistive technology gets aria-required and a clean name.
    const input = screen.getByRole('textbox', { name: 'Navn' });
    expect(input.getAttribute('aria-required')).toBe('true');
    expect(screen.getByTitle('skal udfyldes').getAttribute('aria-hidden')).toBe('true');
  });

  it('gives each field its own id', () => {
    inDanish(
      <>
        <TextField label="Et" value="" onChange={() => {}} />
        <TextField label="To" value="" onChange={() => {}} />
      </>,
    );
    expect(screen.getByLabelText('Et').id).not.toBe(screen.getByLabelText('To').id);
  });
});

describe('TextArea and SelectField', () => {
  it('report changes and errors', () => {
    const onText = vi.fn();
    const onSelect = vi.fn();
    inDanish(
      <>
        <TextArea label="Note" value="" onChange={onText} />
        <SelectField label="Bolig" value="" options={options} onChange={onSelect} error="Vælg en" />
      </>,
    );
    fireEvent.change(screen.getByLabelText('Note'), { target: { value: 'hej' } });
    expect(onText).toHaveBeenCalledWith('hej');
    const select = screen.getByLabelText('Bolig') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Vælg …', 'Gadesovende', 'Herberg', 'Egen bolig']);
    expect(select.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(select, { target: { value: 'own' } });
    expect(onSelect).toHaveBeenCalledWith('own');
  });
});

/** A DateField whose value lives in state, as on the real screens. */
function DateHarness(p: { initial: string; onChange?: (v: string) => void; error?: string }) {
  const [value, setValue] = useState(p.initial);
  return (
    <>
      <DateField
        label="Startdato"
        value={value}
        error={p.error}
        onChange={(v) => {
          setValue(v);
          p.onChange?.(v);
        }}
      />
      <output data-testid="value">{value}</output>
      <button type="button" onClick={() => setValue('2030-06-15')}>
        load
      </button>
    </>
  );
}

describe('DateField', () => {
  const input = () => screen.getByLabelText('Startdato') as HTMLInputElement;

  it('shows an ISO value as dd.mm.åååå with the format as help', () => {
    inDanish(<DateHarness initial="2026-12-01" />);
    expect(input().value).toBe('01.12.2026');
    expect(input().placeholder).toBe('dd.mm.åååå');
    const help = document.getElementById(input().getAttribute('aria-describedby') ?? '');
    expect(help?.textContent).toBe('dd.mm.åååå');
  });

  it('passes an ISO date on as soon as a full valid date is typed', () => {
    const onChange = vi.fn();
    inDanish(<DateHarness initial="" onChange={onChange} />);
    fireEvent.change(input(), { target: { value: '1.12.202' } });
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.change(input(), { target: { value: '1.12.2026' } });
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenLastCalledWith('2026-12-01');
    // what the user typed stays as typed
    expect(input().value).toBe('1.12.2026');
    fireEvent.blur(input());
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(input().value).toBe('1.12.2026');
  });

  it('accepts the other ways Danes type a date', () => {
    const onChange = vi.fn();
    inDanish(<DateHarness initial="" onChange={onChange} />);
    fireEvent.change(input(), { target: { value: '24122026' } });
    expect(onChange).toHaveBeenLastCalledWith('2026-12-24');
    fireEvent.change(input(), { target: { value: '25-12-2026' } });
    expect(onChange).toHaveBeenLastCalledWith('2026-12-25');
  });

  it('passes invalid text on when it loses focus and keeps what was typed', () => {
    const onChange = vi.fn();
    inDanish(<DateHarness initial="2026-12-01" onChange={onChange} />);
    fireEvent.change(input(), { target: { value: '31.02.2026' } });
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.blur(input());
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledWith('31.02.2026');
    expect(input().value).toBe('31.02.2026');
    expect(screen.getByTestId('value').textContent).toBe('31.02.2026');
    // a second blur sends nothing new
    fireEvent.blur(input());
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('keeps invalid text while the backend error is shown', () => {
    const onChange = vi.fn();
    const { rerender } = inDanish(<DateHarness initial="" onChange={onChange} />);
    fireEvent.change(input(), { target: { value: '  12.2026 ' } });
    fireEvent.blur(input());
    expect(onChange).toHaveBeenCalledWith('12.2026');
    rerender(
      <I18nProvider lang="da" onChange={() => {}}>
        <DateHarness initial="" onChange={onChange} error="Skriv datoen som dd.mm.åååå." />
      </I18nProvider>,
    );
    expect(input().value).toBe('  12.2026 ');
    expect(input().getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.getElementById(input().getAttribute('aria-describedby')!.split(' ').pop()!)?.textContent).toBe('Skriv datoen som dd.mm.åååå.');
  });

  it('passes an empty value on when the text is cleared', () => {
    const onChange = vi.fn();
    inDanish(<DateHarness initial="2026-12-01" onChange={onChange} />);
    fireEvent.change(input(), { target: { value: '' } });
    fireEvent.blur(input());
    expect(onChange).toHaveBeenCalledWith('');
  });

  it('shows a value that changes from outside', () => {
    inDanish(<DateHarness initial="2026-12-01" />);
    fireEvent.change(input(), { target: { value: '3.4' } });
    fireEvent.click(screen.getByText('load'));
    expect(input().value).toBe('15.06.2030');
  });
});

describe('CheckboxGroup', () => {
  function Harness(p: { onChange: (v: string[]) => void }) {
    const [values, setValues] = useState<string[]>(['shelter']);
    return (
      <CheckboxGroup
        label="Behov"
        values={values}
        options={options}
        onChange={(v) => {
          setValues(v);
          p.onChange(v);
        }}
      />
    );
  }

  it('toggles values on and off', () => {
    const onChange = vi.fn();
    inDanish(<Harness onChange={onChange} />);
    expect(screen.getByRole('group', { name: 'Behov' })).toBeTruthy();
    const box = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;
    expect(box('Herberg').checked).toBe(true);
    expect(box('Gadesovende').checked).toBe(false);

    fireEvent.click(box('Gadesovende'));
    expect(onChange).toHaveBeenLastCalledWith(['shelter', 'street']);
    expect(box('Gadesovende').checked).toBe(true);

    fireEvent.click(box('Herberg'));
    expect(onChange).toHaveBeenLastCalledWith(['street']);
    expect(box('Herberg').checked).toBe(false);

    fireEvent.click(box('Gadesovende'));
    expect(onChange).toHaveBeenLastCalledWith([]);
  });

  it('ties its help and error to the group and marks the boxes invalid', () => {
    inDanish(<CheckboxGroup label="Behov" values={[]} options={options} onChange={() => {}} help="Vælg alle der passer" error="Vælg mindst ét" />);
    expect(screen.queryByRole('alert')).toBeNull();
    const group = screen.getByRole('group', { name: 'Behov' });
    const said = (group.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(said).toEqual(['Vælg alle der passer', 'Vælg mindst ét']);
    expect(screen.getAllByRole('checkbox').every((b) => b.getAttribute('aria-invalid') === 'true')).toBe(true);
  });

  it('is not invalid without an error', () => {
    inDanish(<CheckboxGroup label="Behov" values={[]} options={options} onChange={() => {}} />);
    expect(screen.getByRole('group', { name: 'Behov' }).getAttribute('aria-describedby')).toBeNull();
    expect(screen.getAllByRole('checkbox').some((b) => b.hasAttribute('aria-invalid'))).toBe(false);
  });
});

describe('RadioGroup', () => {
  it('selects one option', () => {
    const onChange = vi.fn();
    function Harness() {
      const [value, setValue] = useState('');
      return (
        <RadioGroup
          label="Bolig"
          value={value}
          options={options}
          onChange={(v) => {
            setValue(v);
            onChange(v);
          }}
        />
      );
    }
    inDanish(<Harness />);
    const radio = (name: string) => screen.getByRole('radio', { name }) as HTMLInputElement;
    expect(screen.getAllByRole('radio').every((r) => !(r as HTMLInputElement).checked)).toBe(true);
    fireEvent.click(radio('Egen bolig'));
    expect(onChange).toHaveBeenLastCalledWith('own');
    expect(radio('Egen bolig').checked).toBe(true);
    fireEvent.click(radio('Herberg'));
    expect(onChange).toHaveBeenLastCalledWith('shelter');
    expect(radio('Herberg').checked).toBe(true);
    expect(radio('Egen bolig').checked).toBe(false);
    // the options form one group: they share a name
    expect(new Set(screen.getAllByRole('radio').map((r) => (r as HTMLInputElement).name)).size).toBe(1);
  });

  it('ties its error to the group', () => {
    inDanish(<RadioGroup label="Samtykke" value="" options={options} onChange={() => {}} error="Vælg en" />);
    const group = screen.getByRole('group', { name: 'Samtykke' });
    expect(document.getElementById(group.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Vælg en');
    expect(screen.getAllByRole('radio').every((r) => r.getAttribute('aria-invalid') === 'true')).toBe(true);
  });

  it('ties its help to the group and shows the required mark', () => {
    inDanish(<RadioGroup label="Samtykke" required value="" options={options} onChange={() => {}} help="Spørg borgeren" />);
    const group = screen.getByRole('group', { name: 'Samtykke' });
    expect(document.getElementById(group.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Spørg borgeren');
    expect(group.querySelector('legend .req')).toBeTruthy();
  });

  it('tells assistive technology that a required group needs a choice, and an optional one not', () => {
    inDanish(
      <>
        <RadioGroup label="Samtykke" required value="" options={options} onChange={() => {}} />
        <RadioGroup label="Sprog" value="" options={options} onChange={() => {}} />
      </>,
    );
    const radios = (name: string) => within(screen.getByRole('group', { name })).getAllByRole('radio') as HTMLInputElement[];
    expect(radios('Samtykke').every((r) => r.required)).toBe(true);
    expect(radios('Sprog').some((r) => r.required || r.hasAttribute('aria-required'))).toBe(false);
  });
});
