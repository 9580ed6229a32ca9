import { textGroup } from '../../i18n/locale';

// Texts of the backups on the settings page: the automatic backups, the encrypted backup file
// and restore from one. Danish first.
export const backupText = textGroup(
  {
    title: 'Sikkerhedskopier',
    listTable: 'Tabel over sikkerhedskopier',
    intro:
      'ICM tager selv en sikkerhedskopi af hele databasen én gang i døgnet: lidt efter start og ved lukning, hvis den seneste er mere end et døgn gammel. Alle kopier fra det seneste døgn gemmes, og derudover den nyeste fra hver af de seneste {daily} dage og fra hver af de seneste {weekly} uger.',
    sameComputer:
      'De automatiske kopier ligger på denne computer. De hjælper, hvis databasen går i stykker, men ikke hvis computeren bliver væk eller går i stykker. Gem derfor også jævnligt en krypteret sikkerhedskopi et andet sted.',
    folder: 'Mappe',
    automaticTitle: 'Automatiske sikkerhedskopier',
    none: 'Der er endnu ingen automatiske sikkerhedskopier.',
    due: 'Den seneste sikkerhedskopi er mere end et døgn gammel.',
    colTaken: 'Taget',
    colName: 'Fil',
    colSize: 'Størrelse',
    backupNow: 'Tag sikkerhedskopi nu',
    backupNowDone: 'Sikkerhedskopien er taget: {name}.',
    saveEncrypted: 'Gem krypteret sikkerhedskopi …',
    restore: 'Gendan fra fil …',
    leadOnly: 'Sikkerhedskopier og gendannelse klares af teamlederen.',
    working: 'Arbejder …',

    encryptedTitle: 'Gem krypteret sikkerhedskopi',
    encryptedIntro:
      'Filen rummer alle data i ICM – borgere, forløb, noter, brugerkonti og loggen over brug af data – krypteret med AES-256. Den kan kun åbnes med adgangsfrasen. Gem den fx på et krypteret USB-drev eller et drev, som IT har godkendt til personfølsomme data.',
    passphrase: 'Adgangsfrase',
    passphraseHelp: 'Mindst {min} tegn. En sætning på flere ord er let at huske og svær at gætte.',
    repeatPassphrase: 'Gentag adgangsfrasen',
    passphrasesDiffer: 'De to adgangsfraser er ikke ens.',
    passphraseWarning:
      'Skriv adgangsfrasen ned, og opbevar den et andet sted end filen. Uden den kan sikkerhedskopien ikke åbnes – heller ikke af IT.',
    chooseAndSave: 'Vælg placering og gem',
    saved: 'Den krypterede sikkerhedskopi er gemt og kontrolleret: {path} ({size}, {citizens} borgere).',
    cancelled: 'Der blev ikke valgt en placering. Intet er gemt.',

    restoreTitle: 'Gendan fra en sikkerhedskopi',
    restoreWarning:
      'Gendannelse erstatter alle data i ICM med indholdet af sikkerhedskopien. Borgere, forløb, noter, brugerkonti, adgangskoder og loggen bliver, som de var, da kopien blev taget, og alt skrevet siden forsvinder fra programmet.',
    restoreKept:
      'Den nuværende database slettes ikke: den gemmes ved siden af som en fil, som IT kan finde frem igen.',
    restoreHow: 'Sikkerhedskopien kontrolleres først. Er den i orden, gennemføres gendannelsen, når ICM startes igen.',
    chooseFile: 'Vælg fil …',
    chosenFile: 'Valgt fil: {name}',
    chosenCreated: 'Lavet {created}',
    restorePassphrase: 'Adgangsfrase til filen',
    understand: 'Jeg forstår, at alt, der er skrevet efter {created}, forsvinder fra programmet.',
    startRestore: 'Kontrollér og gendan',

    stagedTitle: 'Gendannelsen er klar',
    stagedText:
      'Sikkerhedskopien fra {created} er kontrolleret: {citizens} borgere og {workers} medarbejdere, og loggen over brug af data er intakt.',
    stagedNext: 'Luk ICM, og start programmet igen for at gennemføre gendannelsen. Det, der skrives inden da, kommer ikke med.',
    quitNow: 'Luk ICM nu',
    cancelRestore: 'Fortryd gendannelsen',
    pendingTitle: 'Gendannelse venter',
    cancelRestoreDone: 'Gendannelsen er fortrudt. Dataene bliver, som de er.',
    pending: 'En gendannelse fra sikkerhedskopien fra {created} venter. Den gennemføres, næste gang ICM startes.',
    restored:
      'ICM er gendannet fra sikkerhedskopien fra {created}. Databasen fra før gendannelsen er gemt som {previous} i samme mappe som databasen.',
    restoreFailed: 'En gendannelse kunne ikke gennemføres ved start: {reason} Databasen er ikke ændret.',

    progressLabel: 'Fremskridt',
    phases: {
      snapshot: 'Kopierer databasen …',
      encrypt: 'Krypterer …',
      verify: 'Kontrollerer …',
      decrypt: 'Dekrypterer …',
    },
  },
  {
    title: 'Backups',
    listTable: 'Table of backups',
    intro:
      'ICM backs up the whole database by itself once a day: shortly after it starts, and when it closes if the newest backup is more than a day old. Every backup of the last day is kept, and besides those the newest of each of the last {daily} days and of each of the last {weekly} weeks.',
    sameComputer:
      'The automatic backups are on this computer. They help when the database breaks, not when the computer is lost or broken. So also save an encrypted backup somewhere else now and then.',
    folder: 'Folder',
    automaticTitle: 'Automatic backups',
    none: 'There are no automatic backups yet.',
    due: 'The newest backup is more than a day old.',
    colTaken: 'Taken',
    colName: 'File',
    colSize: 'Size',
    backupNow: 'Back up now',
    backupNowDone: 'The backup was made: {name}.',
    saveEncrypted: 'Save encrypted backup …',
    restore: 'Restore from file …',
    leadOnly: 'Backups and restore are the team lead’s job.',
    working: 'Working …',

    encryptedTitle: 'Save encrypted backup',
    encryptedIntro:
      'The file holds all data in ICM – citizens, courses, notes, user accounts and the log of data use – encrypted with AES-256. Only the passphrase opens it. Keep it on, for example, an encrypted USB drive or a drive IT has approved for sensitive personal data.',
    passphrase: 'Passphrase',
    passphraseHelp: 'At least {min} characters. A sentence of several words is easy to remember and hard to guess.',
    repeatPassphrase: 'Repeat the passphrase',
    passphrasesDiffer: 'The two passphrases differ.',
    passphraseWarning:
      'Write the passphrase down and keep it somewhere other than the file. Without it the backup cannot be opened – not even by IT.',
    chooseAndSave: 'Choose where and save',
    saved: 'The encrypted backup was saved and checked: {path} ({size}, {citizens} citizens).',
    cancelled: 'No place was chosen. Nothing was saved.',

    restoreTitle: 'Restore from a backup',
    restoreWarning:
      'A restore replaces all data in ICM with the contents of the backup. Citizens, courses, notes, user accounts, passwords and the log return to how they were when the backup was made, and everything written since disappears from the program.',
    restoreKept: 'The current database is not deleted: it is kept beside it as a file IT can bring back.',
    restoreHow: 'The backup is checked first. If it is sound, the restore is carried out when ICM starts again.',
    chooseFile: 'Choose file …',
    chosenFile: 'Chosen file: {name}',
    chosenCreated: 'Made {created}',
    restorePassphrase: 'Passphrase of the file',
    understand: 'I understand that everything written after {created} disappears from the program.',
    startRestore: 'Check and restore',

    stagedTitle: 'The restore is ready',
    stagedText:
      'The backup from {created} has been checked: {citizens} citizens and {workers} workers, and the log of data use is intact.',
    stagedNext: 'Close ICM and start it again to carry out the restore. Anything written before then is not kept.',
    quitNow: 'Close ICM now',
    cancelRestore: 'Cancel the restore',
    pendingTitle: 'Restore waiting',
    cancelRestoreDone: 'The restore is cancelled. The data stays as it is.',
    pending: 'A restore from the backup from {created} is waiting. It is carried out the next time ICM starts.',
    restored: 'ICM was restored from the backup from {created}. The database from before the restore is kept as {previous} in the database’s folder.',
    restoreFailed: 'A restore could not be carried out at start: {reason} The database was not changed.',

    progressLabel: 'Progress',
    phases: {
      snapshot: 'Copying the database …',
      encrypt: 'Encrypting …',
      verify: 'Checking …',
      decrypt: 'Decrypting …',
    },
  },
);
