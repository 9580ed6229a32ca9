import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codeText, errorText, fieldText } from '../components/errorText';
import { AppError } from '../api/errors';
import { da } from './all';
import { en } from './all';
import { hasKey, locales, translate } from './i18n';

type Tree = { [k: string]: string | Tree };

/** Every leaf of a locale as [path, text]. */
function leaves(node: Tree, prefix = ''): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(node)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.push([path, v]);
    else if (v && typeof v === 'object') out.push(...leaves(v, path));
    else throw new Error(`${path} is neither text nor a group`);
  }
  return out;
}

const daLeaves = new Map(leaves(da as Tree));
const enLeaves = new Map(leaves(en as unknown as Tree));
const placeholders = (s: string) => new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));

// frontend/src/i18n -> backend/domain (a plain path, so that Vite does not treat it as an asset)
const domainDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../backend/domain');
const backend = (file: string) => readFileSync(resolve(domainDir, file), 'utf8');

/** Values of the Go string constants of one type, e.g. `HousingStreet Housing = "street"`. */
function goConsts(source: string, type: string): string[] {
  const re = new RegExp(`^\\s*\\w+\\s+${type}\\s*=\\s*"(\\w*)"`, 'gm');
  return [...source.matchAll(re)].map((m) => m[1]);
}

describe('locales', () => {
  it('has a reasonable number of texts', () => {
    expect(daLeaves.size).toBeGreaterThan(100);
  });

  it('da and en have exactly the same keys', () => {
    const daKeys = [...daLeaves.keys()].sort();
    const enKeys = [...enLeaves.keys()].sort();
    expect(enKeys.filter((k) => !daLeaves.has(k))).toEqual([]);
    expect(daKeys.filter((k) => !enLeaves.has(k))).toEqual([]);
    expect(enKeys).toEqual(daKeys);
  });

  it.each([
    ['da', daLeaves],
    ['en', enLeaves],
  ])('%s has no empty texts', (_lang, map) => {
    const empty = [...map].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('uses the same {placeholders} in both languages', () => {
    const problems: string[] = [];
    for (const [key, daText] of daLeaves) {
      const enText = enLeaves.get(key) ?? '';
      const d = placeholders(daText);
      const e = placeholders(enText);
      for (const p of d) if (!e.has(p)) problems.push(`${key}: {${p}} missing in en`);
      for (const p of e) if (!d.has(p)) problems.push(`${key}: {${p}} missing in da`);
    }
    expect(problems).toEqual([]);
  });

  it('exposes both locales whole once the screens are loaded', () => {
    expect(locales.da).toEqual(da);
    expect(locales.en).toEqual(en);
  });
});

describe('translate', () => {
  it('looks up a key per language', () => {
    expect(translate('da', 'nav.citizens')).toBe('Borgere');
    expect(translate('en', 'nav.citizens')).toBe('Citizens');
  });

  it('fills parameters', () => {
    expect(translate('da', 'course.stepOf', { n: 2, total: 6 })).toBe('Trin 2 af 6');
    expect(translate('en', 'common.savedAt', { time: '14:05' })).toBe('Saved at 14:05');
    expect(translate('da', 'course.complete', { percent: 0 })).toBe('0 % udfyldt');
  });

  it('leaves placeholders without a value as they are', () => {
    expect(translate('da', 'course.stepOf', { n: 2 })).toBe('Trin 2 af {total}');
    expect(translate('da', 'course.stepOf', { n: 2, total: undefined })).toBe('Trin 2 af {total}');
    expect(translate('da', 'course.stepOf')).toBe('Trin {n} af {total}');
  });

  it('falls back to the key for an unknown key', () => {
    expect(translate('da', 'no.such.key')).toBe('no.such.key');
    expect(translate('en', 'enum.housing.castle')).toBe('enum.housing.castle');
    // a group is not a text
    expect(translate('da', 'nav')).toBe('nav');
    expect(translate('da', 'nav.citizens.deeper')).toBe('nav.citizens.deeper');
  });

  it('reports whether a dynamic key exists', () => {
    expect(hasKey('da', 'enum.housing.street')).toBe(true);
    expect(hasKey('en', 'enum.housing.street')).toBe(true);
    expect(hasKey('da', 'enum.housing.castle')).toBe(false);
    expect(hasKey('da', 'enum.housing')).toBe(false);
  });
});

describe('codeText', () => {
  it('translates a known code', () => {
    expect(codeText('da', 'required')).toBe(da.errors.required);
    expect(codeText('en', 'required')).toBe(en.errors.required);
  });

  it('reads an unknown code as internal', () => {
    expect(codeText('da', 'something_new')).toBe(da.errors.internal);
    expect(codeText('en', 'something_new')).toBe(en.errors.internal);
    expect(codeText('da', '')).toBe(da.errors.internal);
  });

  it('shows ISO date parameters as dd.mm.åååå', () => {
    expect(codeText('da', 'date_out_of_range', { min: '1990-01-01', max: '2100-12-31' })).toBe('Datoen skal ligge mellem 01.01.1990 og 31.12.2100.');
    expect(codeText('en', 'date_out_of_range', { min: '1990-01-01', max: '2100-12-31' })).toBe('The date must be between 01.01.1990 and 31.12.2100.');
  });

  it('leaves other parameters as they are', () => {
    expect(codeText('da', 'too_long', { length: '2001', max: '2000' })).toBe('Teksten er for lang (2001 tegn, højst 2000).');
  });

  it('serves errorText and fieldText', () => {
    const err = new AppError('caseload_full', [{ field: 'startDate', code: 'date_out_of_range', params: { min: '2020-01-01', max: '2030-12-31' } }], { worker: 'Anna', open: '8', max: '8' });
    expect(errorText('da', err)).toContain('Anna har allerede 8 åbne forløb');
    expect(fieldText('en', err.field('startDate'))).toBe('The date must be between 01.01.2020 and 31.12.2030.');
    expect(fieldText('da', err.field('nothing'))).toBeUndefined();
  });
});

describe('the locales cover the backend vocabulary', () => {
  const keysIn = (lang: 'da' | 'en', group: string) =>
    [...(lang === 'da' ? daLeaves : enLeaves).keys()].filter((k) => k.startsWith(`${group}.`)).map((k) => k.slice(group.length + 1));

  it('translates every error code in domain/errors.go', () => {
    const src = backend('errors.go');
    const codes = [...src.matchAll(/Code\w+\s+Code = "(\w+)"/g)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThan(20);
    expect(codes).toContain('invalid_input');
    for (const lang of ['da', 'en'] as const) {
      const missing = codes.filter((c) => !hasKey(lang, `errors.${c}`));
      expect(missing, `errors.* missing in ${lang}`).toEqual([]);
    }
  });

  const enumGroups: [goType: string, group: string][] = [
    ['Housing', 'housing'],
    ['Need', 'need'],
    ['Referral', 'referral'],
    ['LegalBasis', 'legalBasis'],
    ['ActionPlanStatus', 'actionPlan'],
    ['Consent', 'consent'],
    ['ConsentForm', 'consentForm'],
    ['CourseStatus', 'status'],
    ['Role', 'role'],
  ];

  it.each(enumGroups)('translates every %s under enum.%s, and nothing else', (goType, group) => {
    // the empty HousingUnknownStatus means "not recorded" and has no label
    const values = goConsts(backend('enums.go'), goType).filter((v) => v !== '');
    expect(values.length).toBeGreaterThan(1);
    for (const lang of ['da', 'en'] as const) {
      expect(values.filter((v) => !hasKey(lang, `enum.${group}.${v}`)), `missing in ${lang}`).toEqual([]);
      expect(keysIn(lang, `enum.${group}`).sort(), `stale keys in ${lang}`).toEqual([...values].sort());
    }
  });

  it('names every visitation requirement', () => {
    const reqs = goConsts(backend('visitation.go'), 'Requirement');
    expect(reqs.length).toBeGreaterThanOrEqual(7);
    for (const lang of ['da', 'en'] as const) {
      expect(reqs.filter((r) => !hasKey(lang, `requirement.${r}`)), `missing in ${lang}`).toEqual([]);
    }
  });

  it('names and explains every step', () => {
    const steps = goConsts(backend('visitation.go'), 'Step');
    expect(steps).toHaveLength(6);
    for (const lang of ['da', 'en'] as const) {
      expect(steps.filter((s) => !hasKey(lang, `steps.${s}`)), `steps.* missing in ${lang}`).toEqual([]);
      expect(steps.filter((s) => !hasKey(lang, `stepHelp.${s}`)), `stepHelp.* missing in ${lang}`).toEqual([]);
      expect(keysIn(lang, 'steps').sort()).toEqual([...steps].sort());
    }
  });
});
