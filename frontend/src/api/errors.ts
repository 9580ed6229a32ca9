// Errors from the Go side arrive as a JavaScript Error whose message is JSON
// ({code, fields, params}); see formatError in app.go. Everything else becomes "internal".

export interface FieldError {
  field: string;
  code: string;
  params?: Record<string, string>;
}

export class AppError extends Error {
  readonly code: string;
  readonly fields: FieldError[];
  readonly params: Record<string, string>;

  constructor(code: string, fields: FieldError[] = [], params: Record<string, string> = {}, message = code) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
    this.params = params;
  }

  /** The first error for a field, if any. */
  field(name: string): FieldError | undefined {
    return this.fields.find((f) => f.field === name);
  }
}

export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const text = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  try {
    const parsed = JSON.parse(text) as { code?: unknown; fields?: unknown; params?: unknown; message?: unknown };
    if (parsed && typeof parsed.code === 'string') {
      return new AppError(
        parsed.code,
        Array.isArray(parsed.fields) ? (parsed.fields as FieldError[]) : [],
        parsed.params && typeof parsed.params === 'object' ? (parsed.params as Record<string, string>) : {},
        typeof parsed.message === 'string' ? parsed.message : parsed.code,
      );
    }
  } catch {
    // not JSON: a runtime error such as "error parsing arguments" or a timeout
  }
  if (/parsing arguments/i.test(text)) return new AppError('invalid_input');
  if (/timed out/i.test(text)) return new AppError('network');
  return new AppError('internal');
}
