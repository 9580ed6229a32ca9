import type { da } from './da';
import type { daScreens } from './daScreens';
import type { Widen } from './locale';

/** The texts loaded at start (da.ts, en.ts): Danish decides the keys. */
export type ShellMessages = Widen<typeof da>;
/** The texts loaded with the screens after sign-in (daScreens.ts, enScreens.ts). */
export type ScreenMessages = Widen<typeof daScreens>;
/** The shape every locale has once the screens are loaded. */
export type Messages = ShellMessages & ScreenMessages;

type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every translation key, e.g. "citizens.title". */
export type MessageKey = Paths<Messages>;
