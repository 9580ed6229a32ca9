import { describe, expect, it } from 'vitest';
import { AppError, toAppError } from './errors';

// What formatError in app.go sends: a JSON object as the rejected Error's message.
const wire = JSON.stringify({
  code: 'invalid_input',
  fields: [
    { field: 'name', code: 'required' },
    { field: 'startDate', code: 'date_out_of_range', params: { min: '1990-01-01', max: '2100-12-31' } },
    { field: 'name', code: 'too_long' },
  ],
  message: 'input failed validation',
});

describe('toAppError', () => {
  it('reads the JSON the Go side sends', () => {
    const e = toAppError(new Error(wire));
    expect(e).toBeInstanceOf(AppError);
    expect(e).toBeInstanceOf(Error);
    expect(e.code).toBe('invalid_input');
    expect(e.message).toBe('input failed validation');
    expect(e.fields).toHaveLength(3);
    expect(e.params).toEqual({});
    expect(e.field('name')).toEqual({ field: 'name', code: 'required' });
    expect(e.field('startDate')?.params).toEqual({ min: '1990-01-01', max: '2100-12-31' });
    expect(e.field('missing')).toBeUndefined();
  });

  it('keeps the parameters of a coded error', () => {
    const e = toAppError(new Error(JSON.stringify({ code: 'caseload_full', params: { worker: 'AB', open: '8', max: '8' }, message: 'full' })));
    expect(e.code).toBe('caseload_full');
    expect(e.params).toEqual({ worker: 'AB', open: '8', max: '8' });
    expect(e.fields).toEqual([]);
  });

  it('reads the JSON from a rejected string as well', () => {
    const e = toAppError(JSON.stringify({ code: 'not_found' }));
    expect(e.code).toBe('not_found');
    expect(e.message).toBe('not_found');
  });

  it('ignores fields and params of the wrong type', () => {
    const e = toAppError(new Error(JSON.stringify({ code: 'internal', fields: 'x', params: 'y', message: 42 })));
    expect(e.code).toBe('internal');
    expect(e.fields).toEqual([]);
    expect(e.params).toEqual({});
    expect(e.message).toBe('internal');
  });

  it('treats a Wails argument error as invalid input', () => {
    const e = toAppError(new Error('error parsing arguments: json: cannot unmarshal string into Go struct field'));
    expect(e.code).toBe('invalid_input');
    expect(e.fields).toEqual([]);
  });

  it('treats a timeout as a network error', () => {
    expect(toAppError(new Error('Call to main.CourseService.GetCourse timed out. Request ID: 123')).code).toBe('network');
  });

  it.each([
    ['random text', new Error('something broke')],
    ['JSON without a code', new Error('{"message":"x"}')],
    ['JSON with a numeric code', new Error('{"code":5}')],
    ['JSON null', new Error('null')],
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['an object', { code: 'not_found' }],
  ])('turns %s into internal', (_name, input) => {
    const e = toAppError(input);
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe('internal');
    expect(e.fields).toEqual([]);
  });

  it('passes an AppError through unchanged', () => {
    const original = new AppError('invalid_input', [{ field: 'x', code: 'required' }], { a: 'b' }, 'msg');
    expect(toAppError(original)).toBe(original);
    expect(original.name).toBe('AppError');
  });
});
