import { textGroup } from '../../../i18n/locale';

// Texts of the PDF export buttons, Danish first.
export const exportText = textGroup(
  {
    savePlan: 'Gem som PDF',
    printPlan: 'Udskriv',
    saveSummary: 'Forløbsresumé som PDF',
    withNotes: 'Tag journalnotaterne med',
    saveEvaluation: 'Evaluering som PDF',
    working: 'Laver PDF …',
    savedTo: 'Gemt: {path}',
    opened: 'Åbnet i PDF-fremviseren – udskriv derfra.',
    replaced: 'Bemærk: PDF’ens skrift har ikke disse tegn, så de står som □ eller som et bogstav, der ligner: {chars}',
  },
  {
    savePlan: 'Save as PDF',
    printPlan: 'Print',
    saveSummary: 'Course summary as PDF',
    withNotes: 'Include the journal notes',
    saveEvaluation: 'Evaluation as PDF',
    working: 'Making PDF …',
    savedTo: 'Saved: {path}',
    opened: 'Opened in the PDF viewer – print from there.',
    replaced: 'Note: the PDF’s font lacks these characters, so they show as □ or as a similar letter: {chars}',
  },
);
