/** Same keys as T, every leaf a string: what a translation of T must look like. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Pairs a Danish text group with its English twin; the compiler refuses a missing key. */
export function textGroup<T>(da: T, en: Widen<T>): { da: T; en: Widen<T> } {
  return { da, en };
}
