// The texts of the screens after sign-in, in both languages. Importing this module adds them
// to the dictionaries: Routed.tsx does, so they load with those screens rather than at start
// (the first screen parses only what it shows). Tests load it in src/testSetup.ts.
import { addScreenTexts } from './i18n';
import { daScreens } from './daScreens';
import { enScreens } from './enScreens';

addScreenTexts({ da: daScreens, en: enScreens });
