import { textGroup } from '../../i18n/locale';

// Texts of the About dialog, Danish first.
export const aboutText = textGroup(
  {
    open: 'Om ICM',
    title: 'Om ICM',
    product: 'ICM – Intensive Case Management',
    purpose: 'Til kommunale ICM-teams: borgerforløb efter ICM-metoden, fra visitation til opfølgning.',
    version: 'Version',
    built: 'Bygget',
    commit: 'Kildekode (commit)',
    commitChanges: '{commit} med ændringer, der ikke er gemt i git',
    notRecorded: 'ikke angivet (udviklerbygning)',
    database: 'Databasefil',
    schema: 'Databaseversion',
    privacyTitle: 'Databeskyttelse',
    privacy: 'Alle data bliver på denne computer: ICM gemmer alt i databasefilen ovenfor og sender intet over netværket.',
    licencesTitle: 'Licenser',
    licences:
      'ICM indeholder Go og Go-moduler (BSD-3-Clause og MIT, bl.a. Wails, GORM, gofpdf og modernc.org/sqlite), SQLite (public domain), React og TanStack Query (MIT) samt skrifttypen DejaVu Sans, der er indlejret i PDF-filerne (Bitstream Vera-licensen). Vinduet tegnes af systemets webkomponent: Microsoft Edge WebView2 på Windows, WebKitGTK (LGPL) på Linux.',
    licencesFile: 'Alle licenstekster: THIRD-PARTY-LICENSES.txt i programmappen (Windows) eller i /usr/share/doc/icm (Linux).',
    close: 'Luk',
  },
  {
    open: 'About ICM',
    title: 'About ICM',
    product: 'ICM – Intensive Case Management',
    purpose: "For municipal ICM teams: citizens' courses by the ICM method, from visitation to follow-up.",
    version: 'Version',
    built: 'Built',
    commit: 'Source (commit)',
    commitChanges: '{commit} with changes not committed to git',
    notRecorded: 'not recorded (developer build)',
    database: 'Database file',
    schema: 'Database version',
    privacyTitle: 'Data protection',
    privacy: 'All data stays on this computer: ICM keeps everything in the database file above and sends nothing over the network.',
    licencesTitle: 'Licences',
    licences:
      "ICM contains Go and Go modules (BSD-3-Clause and MIT, among them Wails, GORM, gofpdf and modernc.org/sqlite), SQLite (public domain), React and TanStack Query (MIT), and the DejaVu Sans font embedded in the PDFs (Bitstream Vera licence). The window is drawn by the system's web component: Microsoft Edge WebView2 on Windows, WebKitGTK (LGPL) on Linux.",
    licencesFile: 'Every licence text: THIRD-PARTY-LICENSES.txt in the program folder (Windows) or in /usr/share/doc/icm (Linux).',
    close: 'Close',
  },
);
