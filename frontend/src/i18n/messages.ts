import { da } from './da';
import type { Widen } from './locale';

/** The shape every locale must have: Danish decides the keys. */
export type Messages = Widen<typeof da>;

type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every translation key, e.g. "citizens.title". */
export type MessageKey = Paths<Messages>;
