import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasKey } from '../../i18n/i18n';
import { auditText } from './i18n';

// Every action and every kind of data ("object") the Go side writes to the audit log must
// have a name in both languages, or the audit screen would show raw codes. The names are
// read from the Go source itself: the action constants in access.go, and the string passed
// as the `object` parameter wherever a function that takes one is called.

// frontend/src/features/audit -> backend/service (a plain path, so that Vite does not treat it as an asset)
const serviceDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../backend/service');
const goFiles = readdirSync(serviceDir)
  .filter((f) => f.endsWith('.go') && !f.endsWith('_test.go'))
  .map((f) => ({ name: f, src: readFileSync(resolve(serviceDir, f), 'utf8') }));

/** The top-level arguments of the call or parameter list whose "(" is at `open`. */
export function splitArgs(src: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < src.length; i++) {
    const ch = src[i];
    if (ch === '"' || ch === '`' || ch === "'") {
      const end = ch === '`' ? src.indexOf('`', i + 1) : findQuoteEnd(src, i, ch);
      i = end;
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) {
        args.push(src.slice(start, i).trim());
        return args.filter((a, n) => a !== '' || n < args.length - 1);
      }
    } else if (ch === ',' && depth === 1) {
      args.push(src.slice(start, i).trim());
      start = i + 1;
    }
  }
  throw new Error(`unbalanced parentheses at ${open}`);
}

function findQuoteEnd(src: string, from: number, quote: string): number {
  for (let i = from + 1; i < src.length; i++) {
    if (src[i] === '\\') i++;
    else if (src[i] === quote) return i;
  }
  throw new Error(`unterminated string at ${from}`);
}

/** Functions and methods with a parameter named `object`, and its position. */
function objectParams(): Map<string, number> {
  const out = new Map<string, number>();
  for (const { src } of goFiles) {
    for (const m of src.matchAll(/^func\s+(?:\([^)]*\)\s*)?(\w+)(?:\[[^\]]*\])?\(/gm)) {
      const params = splitArgs(src, m.index! + m[0].length - 1);
      const at = params.findIndex((p) => p.split(/\s+/)[0] === 'object');
      if (at >= 0) out.set(m[1], at);
    }
  }
  return out;
}

/** The literal objects passed to those functions; anything else is reported. */
function loggedObjects() {
  const fns = objectParams();
  const objects = new Set<string>();
  const notLiteral: string[] = [];
  for (const { name, src } of goFiles) {
    for (const m of src.matchAll(/(?<![\w])(\w+)\(/g)) {
      const at = fns.get(m[1]);
      if (at === undefined) continue;
      const lineStart = src.lastIndexOf('\n', m.index!) + 1;
      if (src.slice(lineStart, m.index!).trimStart().startsWith('func')) continue; // the definition
      const arg = splitArgs(src, m.index! + m[0].length - 1)[at] ?? '';
      const lit = /^"([a-z0-9_]*)"$/.exec(arg);
      if (lit) {
        if (lit[1]) objects.add(lit[1]);
      } else if (arg !== 'object') {
        notLiteral.push(`${name}: ${m[1]}(… ${arg} …)`);
      }
    }
    for (const m of src.matchAll(/\bObject:\s*"([a-z0-9_]+)"/g)) objects.add(m[1]);
  }
  return { fns, objects: [...objects].sort(), notLiteral };
}

function actionConsts(): string[] {
  const access = goFiles.find((f) => f.name === 'access.go')!.src;
  return [...access.matchAll(/^\s*Audit\w+\s*=\s*"([a-z0-9_]+)"/gm)].map((m) => m[1]);
}

describe('the audit screen names what the backend logs', () => {
  it('finds the functions that take an object', () => {
    const { fns } = loggedObjects();
    for (const f of ['audit', 'auditEntry', 'viewCourse', 'viewCitizen', 'changing']) expect(fns.has(f), f).toBe(true);
  });

  it('sees every object as a string literal it can check', () => {
    const { objects, notLiteral } = loggedObjects();
    expect(notLiteral).toEqual([]);
    expect(objects.length).toBeGreaterThan(20);
    expect(objects).toEqual(expect.arrayContaining(['citizen', 'course', 'note', 'notes', 'plan', 'audit_log', 'team_overview', 'worker']));
  });

  it.each(['da', 'en'] as const)('translates every logged object in %s, and no object the backend does not log', (lang) => {
    const { objects } = loggedObjects();
    expect(objects.filter((o) => !hasKey(lang, `audit.object.${o}`))).toEqual([]);
    expect(Object.keys(auditText[lang].object).sort()).toEqual(objects);
  });

  it.each(['da', 'en'] as const)('translates every action in %s, and only those', (lang) => {
    const actions = actionConsts();
    expect(actions.length).toBeGreaterThan(15);
    expect(actions).toEqual(expect.arrayContaining(['view', 'export', 'sign_in_failed', 'verify']));
    expect(actions.filter((a) => !hasKey(lang, `audit.actions.${a}`))).toEqual([]);
    expect(Object.keys(auditText[lang].actions).sort()).toEqual([...actions].sort());
  });
});

describe('splitArgs', () => {
  it('splits at top-level commas only, past strings and nested calls', () => {
    const src = 's.audit(st, a, AuditSearch, "no, hits", f(x, y), 0, `raw, (text`)';
    expect(splitArgs(src, src.indexOf('('))).toEqual(['st', 'a', 'AuditSearch', '"no, hits"', 'f(x, y)', '0', '`raw, (text`']);
  });

  it('reads a parameter list with grouped types', () => {
    const src = 'func (b base) audit(st *store.Store, a Actor, action, object string, n uint) error {';
    expect(splitArgs(src, src.indexOf('audit(') + 5)).toEqual(['st *store.Store', 'a Actor', 'action', 'object string', 'n uint']);
    expect(splitArgs('f()', 1)).toEqual([]);
  });
});
