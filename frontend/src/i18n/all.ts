// Both dictionaries whole (the texts before sign-in and the screens' texts), for tests.
import { da as daShell } from './da';
import { daScreens } from './daScreens';
import { en as enShell } from './en';
import { enScreens } from './enScreens';

export const da = { ...daShell, ...daScreens };
export const en = { ...enShell, ...enScreens };
