import { textGroup } from '../../../i18n/locale';

// Texts of the method template (metodeskabelon), Danish first. Each element's Danish name
// and fixed requirement are also printed in the PDF from backend/domain/template.go; a Go
// test checks that the two stay the same.
export const templateText = textGroup(
  {
    title: 'Metodeskabelon',
    intro:
      'Metodeskabelonen er teamets fælles beskrivelse af, hvordan I arbejder med ICM i praksis. For hvert element står, hvad metoden kræver, lægger vægt på eller foreslår, og de spørgsmål, metoden stiller, som I kan tage udgangspunkt i. Skriv jeres svar, og marker elementet som aftalt, når teamet er enigt. Skabelonen kan altid rettes; når teamlederen underskriver den, gemmes en version, som ikke ændres bagefter.',
    progress: '{n} af {total} elementer aftalt',
    progressLabel: 'Aftalte elementer',
    elementsLabel: 'Skabelonens elementer',
    requirement: 'Fast krav til metoden',
    important: 'Det lægger metoden vægt på',
    advice: 'Metodens forslag',
    questions: 'Spørgsmål I kan drøfte',
    answer: 'Sådan gør vi i praksis',
    answerHelp: 'Skriv, hvordan teamet konkret opfylder kravet.',
    statusLabel: 'Status',
    updated: 'Sidst gemt {at}',
    neverSaved: 'Ikke skrevet endnu',
    status: {
      not_started: 'Ikke startet',
      draft: 'Udkast',
      agreed: 'Aftalt',
    },
    versions: {
      title: 'Underskrevne versioner',
      intro: 'Når teamet er enigt om skabelonen, underskriver teamlederen den. Den underskrevne version gemmes, som den er; skabelonen ovenfor kan stadig rettes, og næste underskrift bliver en ny version.',
      none: 'Skabelonen er ikke underskrevet endnu.',
      current: 'Nuværende skabelon',
      currentNote: 'Ikke underskrevet – følger de ændringer, I laver.',
      version: 'Version {n}',
      signedBy: 'Underskrevet af {name} {date}',
      agreed: '{n} af {total} aftalt',
      note: 'Bemærkning',
      view: 'Vis',
      hide: 'Skjul',
      savePdf: 'Gem som PDF',
      signOpen: 'Underskriv skabelonen',
      signedNotice: 'Version {n} er underskrevet og gemt.',
    },
    sign: {
      title: 'Underskriv skabelonen som version {n}',
      intro: 'Skabelonen, som den står nu, gemmes som version {n}. {agreed} af {total} elementer er aftalt.',
      signer: 'Underskrives af dig som teamleder: {name}.',
      date: 'Dato for underskriften',
      note: 'Bemærkning',
      noteHelp: 'Valgfrit, for eksempel hvilket møde skabelonen blev aftalt på.',
      submit: 'Underskriv version {n}',
      confirmText: 'En underskrevet version kan ikke ændres eller slettes bagefter. Skabelonen kan stadig rettes, og næste underskrift bliver version {next}.',
      confirm: 'Ja, underskriv version {n}',
      back: 'Tilbage til formularen',
    },
    elements: {
      target_group: {
        name: 'Målgruppe',
        requirement:
          'Indsatsen er for borgere med sammensatte problemer, som har brug for mange forskellige former for hjælp og for støtte over længere tid. Det gælder både borgere uden bolig og borgere, der har en bolig, men risikerer at miste den.',
        questions: { q1: 'Hvordan finder I konkret frem til borgerne i målgruppen – kommer de for eksempel fra et bestemt tilbud?', q2: 'Hvor mange borgere regner I med, at målgruppen omfatter?' },
      },
      linking: {
        name: 'Tilknytning af borger til case manager',
        requirement: 'Hver borger har én fast case manager. Case manageren og borgeren skal have skabt en kontakt, som relationen mellem dem kan bygge videre på.',
        questions: { q1: 'Hvordan bliver en borger visiteret til ICM?', q2: 'Hvor og hvordan skabes kontakten og relationen mellem borger og case manager, og har I en fast fremgangsmåde for det?', q3: 'Hvordan bliver borgeren præsenteret for sin case manager?' },
      },
      assessment_before_visitation: {
        name: 'Udredning',
        requirement:
          'Det er vigtigt, at case manageren ved så meget som muligt om borgerens behov og ønsker, så indsatsen kan tilpasses borgeren. Udredningen er ikke færdig ved visitationen: den fortsætter hele forløbet igennem.',
        questions: { q1: 'Hvad skal I vide om borgeren, før borgeren kan visiteres til ICM – skal der for eksempel være lavet en Udredning og Plan?', q2: 'Hvordan får case manageren den viden om borgeren, som medarbejdere i andre enheder har – på et møde, gennem handleplanen eller på anden måde?', q3: 'Hvordan sørger I for, at udredningen fortsætter, mens borgeren er i ICM, og hvilken viden har I brug for, i hvilken dybde?', q4: 'Hvordan sikrer I, at der bliver lavet en § 141-handleplan, hvis borgeren ikke har en, og at den hænger sammen med ICM-indsatsen?' },
      },
      citizens_per_worker: {
        name: 'Antal borgere per case manager',
        requirement: 'Hver case manager har få borgere, så indsatsen kan være intensiv og tilpasset den enkelte. Anbefalingen er højst otte borgere per case manager.',
        questions: { q1: 'Hvor mange borgere skal hver case manager have, og hvad gør I med den grænse, hvis der bliver brug for flere case managere?', q2: 'Hvad sker der helt konkret, når en case manager holder ferie eller er syg?' },
      },
      availability: {
        name: 'Tilgængelighed',
        requirement: 'Det er vigtigt, at borgeren kan få hjælp, når behovet opstår.',
        questions: { q1: 'Hvornår kan case manageren træffes?', q2: 'Hvordan får borgeren fat i case manageren, hvis der akut er brug for støtte?' },
      },
      time_frame: {
        name: 'Tidsramme',
        requirement:
          'Case manageren bliver ved med at støtte borgeren over tid, så tilliden mellem dem holder, og indsatsen hænger sammen. Case manageren slipper ikke kontakten, heller ikke når borgeren ikke følger de planer eller forløb, der er aftalt.',
        questions: { q1: 'Hvornår og under hvilke omstændigheder kan ICM-indsatsen afsluttes?', q2: 'Hvilken støtte kan borgeren få, når ICM-indsatsen er slut?' },
      },
      work_assessment: {
        name: 'Indsatser – udredning',
        requirement:
          'Case manageren har ansvaret for at skabe sig et samlet billede af borgerens problemer og behov. Uden det billede kan case manageren ikke sørge for og koordinere den hjælp, der passer bedst til borgerens egne behov og ønsker.',
        questions: { q1: 'Hvilken viden om borgeren skal case manageren samle, og hvordan skal den ordnes – bruger I bestemte redskaber, planer eller lignende?', q2: 'Hvordan får case manageren fat i den viden i praksis?' },
      },
      work_planning: {
        name: 'Indsatser – planlægning',
        requirement:
          'Case manageren og borgeren planlægger sammen, hvad der skal ske fremover. Case manageren undersøger også, hvad der står i vejen for, at borgeren selv søger hjælp – for eksempel om borgeren er mistroisk over for overhovedet at søge hjælp.',
        questions: { q1: 'Hvad skal planlægningen føre til – skal der laves en konkret plan, og hvilke rammer gælder for den?' },
      },
      work_coordination: {
        name: 'Indsatser – koordination',
        requirement:
          'Case manageren koordinerer de indsatser, der er aftalt med borgeren. Borgeren er med til at planlægge, men ansvaret for koordineringen ligger hos case manageren, så indsatserne ikke falder fra hinanden, hvis borgeren ikke selv kontakter de øvrige dele af systemet.',
        questions: { q1: 'Hvilke indsatser forventer I, at case manageren skal koordinere?' },
      },
      work_advocacy: {
        name: 'Indsatser – fortalerrolle',
        requirement:
          'Case manageren er borgerens fortaler: case manageren taler for borgerens rettigheder og arbejder på at fjerne de barrierer, der står mellem borgeren og dem, der leverer indsatserne.',
        questions: { q1: 'I hvilke situationer må I regne med, at case manageren skal tale for borgerens rettigheder?', q2: 'Hvordan bliver case manageren klædt på til den opgave?' },
      },
      work_followup: {
        name: 'Indsatser – opfølgning',
        requirement:
          'Case manageren har ansvaret for at følge borgeren gennem de forskellige støtte- og behandlingstilbud og for at sikre, at de aftalte planer bliver ført ud i livet eller ændret, når borgerens behov og ønsker ændrer sig.',
        questions: { q1: 'Har I rammer for, hvor tit case manageren skal følge op på borgerens planer og revidere dem?' },
      },
      passivity_balance: {
        name: 'Afvejning af støttebehov og risiko for at passivere borgeren',
        requirement:
          'Case manageren er meget aktiv og vedholdende over for borgeren. Derfor er der en risiko for, at borgeren bliver passiv og for afhængig af sin case manager og ikke lærer at bruge det almindelige støtte- og behandlingssystem eller civilsamfundet uden en støtteperson ved sin side.',
        questions: { q1: 'Hvordan kan case manageren håndtere det dilemma?' },
      },
      course_structure: {
        name: 'Forløb',
        requirement: 'ICM består af indsatserne ovenfor. Nogle gange hjælper det også at have en plan for, hvornår og hvordan indsatserne skal gives.',
        questions: { q1: 'Følger ICM-indsatsen et bestemt forløb hos jer?' },
      },
      intensity: {
        name: 'Intensitet',
        requirement: 'Borgeren skal have intensiv støtte, som samtidig passer til det, borgeren har brug for.',
        questions: { q1: 'Hvordan sikrer I, at støtten er intensiv?', q2: 'Hvordan sikrer I, at støtten følger borgerens behov, som de er lige nu?' },
      },
      location: {
        name: 'Lokalitet',
        requirement:
          'Som udgangspunkt mødes case manageren og borgeren i borgerens nærmiljø. Det gør det lettere for case manageren at følge borgerens udvikling, lære borgerens ressourcer og barrierer at kende og opdage kriser og problemer.',
        questions: { q1: 'Hvor forestiller I jer, at I mødes med borgeren – vil der for eksempel også være møder på et kontor eller over telefonen?' },
      },
      view_of_citizen: {
        name: 'Syn på borgeren',
        requirement:
          'Borgeren ses som et menneske, der kan komme sig og igen finde en plads i samfundet. Fokus er på at udvikle borgerens kompetencer og på at finde og styrke borgerens ressourcer.',
        questions: { q1: 'Hvordan bliver borgeren inddraget?', q2: 'Hvordan sikrer I, at der er fokus på at udvikle borgerens kompetencer og styrke borgerens ressourcer?' },
      },
    },
  },
  {
    title: 'Method template',
    intro:
      "The method template is the team's shared description of how you work with ICM in practice. Each element shows what the method requires, stresses or suggests, and the method's questions to start from. Write your answer and mark the element as agreed when the team agrees. The template can always be edited; when the team lead signs it, a version is stored that does not change afterwards.",
    progress: '{n} of {total} elements agreed',
    progressLabel: 'Agreed elements',
    elementsLabel: 'Elements of the template',
    requirement: 'Fixed requirement of the method',
    important: 'What the method stresses',
    advice: 'What the method suggests',
    questions: 'Questions to discuss',
    answer: 'How we do it in practice',
    answerHelp: 'Write how the team meets the requirement in practice.',
    statusLabel: 'Status',
    updated: 'Last saved {at}',
    neverSaved: 'Not written yet',
    status: {
      not_started: 'Not started',
      draft: 'Draft',
      agreed: 'Agreed',
    },
    versions: {
      title: 'Signed versions',
      intro: 'When the team agrees on the template, the team lead signs it. The signed version is stored as it is; the template above can still be edited, and the next signature becomes a new version.',
      none: 'The template has not been signed yet.',
      current: 'Current template',
      currentNote: 'Not signed – follows the changes you make.',
      version: 'Version {n}',
      signedBy: 'Signed by {name} {date}',
      agreed: '{n} of {total} agreed',
      note: 'Note',
      view: 'Show',
      hide: 'Hide',
      savePdf: 'Save as PDF',
      signOpen: 'Sign the template',
      signedNotice: 'Version {n} has been signed and stored.',
    },
    sign: {
      title: 'Sign the template as version {n}',
      intro: 'The template as it stands now is stored as version {n}. {agreed} of {total} elements are agreed.',
      signer: 'Signed by you as team lead: {name}.',
      date: 'Date of signing',
      note: 'Note',
      noteHelp: 'Optional, for example at which meeting the template was agreed.',
      submit: 'Sign version {n}',
      confirmText: 'A signed version cannot be changed or deleted afterwards. The template can still be edited, and the next signature becomes version {next}.',
      confirm: 'Yes, sign version {n}',
      back: 'Back to the form',
    },
    elements: {
      target_group: {
        name: 'Target group',
        requirement:
          'The service is for citizens with complex problems who need many different kinds of help and support over a long time. This covers both citizens without a home and citizens who have a home but are at risk of losing it.',
        questions: { q1: 'How exactly do you find the citizens in the target group – do they come from a particular service, for example?', q2: 'How many citizens do you expect the target group to include?' },
      },
      linking: {
        name: 'Linking the citizen to a case manager',
        requirement: 'Each citizen has one named case manager. The case manager and the citizen must establish a contact that their relationship can build on.',
        questions: { q1: 'How is a citizen referred to ICM?', q2: 'Where and how are the contact and the relationship between citizen and case manager established, and do you have a set way of doing it?', q3: 'How is the citizen introduced to their case manager?' },
      },
      assessment_before_visitation: {
        name: 'Assessment',
        requirement:
          "It is important that the case manager knows as much as possible about the citizen's needs and wishes, so that the support can be fitted to the citizen. The assessment is not finished at the referral: it goes on throughout the course.",
        questions: { q1: 'What do you need to know about the citizen before they can be referred to ICM – must an assessment and plan have been made, for example?', q2: 'How does the case manager get what staff in other units know about the citizen – at a meeting, through the action plan or otherwise?', q3: 'How do you make sure the assessment continues while the citizen is in ICM, and what knowledge do you need, in how much depth?', q4: 'How do you make sure a § 141 action plan is made if the citizen has none, and that it fits together with the ICM work?' },
      },
      citizens_per_worker: {
        name: 'Citizens per case manager',
        requirement: 'Each case manager has few citizens, so that the support can be intensive and fitted to the individual. The recommendation is at most eight citizens per case manager.',
        questions: { q1: 'How many citizens should each case manager have, and what do you do about that limit if more case managers are needed?', q2: 'What exactly happens when a case manager is on holiday or ill?' },
      },
      availability: {
        name: 'Availability',
        requirement: 'It is important that the citizen can get help when the need arises.',
        questions: { q1: 'When can the case manager be reached?', q2: 'How does the citizen reach the case manager if support is needed urgently?' },
      },
      time_frame: {
        name: 'Time frame',
        requirement:
          'The case manager keeps supporting the citizen over time, so that the trust between them holds and the support hangs together. The case manager does not let go of the contact, even when the citizen does not follow the plans or courses agreed.',
        questions: { q1: 'When and under what circumstances can ICM end?', q2: 'What support can the citizen get once ICM has ended?' },
      },
      work_assessment: {
        name: 'Work – assessment',
        requirement:
          "The case manager is responsible for forming an overall picture of the citizen's problems and needs. Without it, the case manager cannot arrange and coordinate the help that best fits the citizen's own needs and wishes.",
        questions: { q1: 'What knowledge about the citizen should the case manager gather, and how should it be organised – do you use particular tools, plans or the like?', q2: 'How does the case manager get that knowledge in practice?' },
      },
      work_planning: {
        name: 'Work – planning',
        requirement:
          'The case manager and the citizen plan together what happens next. The case manager also finds out what stands in the way of the citizen seeking help themselves – for example, whether the citizen distrusts seeking help at all.',
        questions: { q1: 'What should the planning lead to – is a concrete plan made, and what frame applies to it?' },
      },
      work_coordination: {
        name: 'Work – coordination',
        requirement:
          'The case manager coordinates the services agreed with the citizen. The citizen takes part in the planning, but coordinating is the case manager’s responsibility, so that the services do not fall apart if the citizen does not contact the rest of the system.',
        questions: { q1: 'Which services do you expect the case manager to coordinate?' },
      },
      work_advocacy: {
        name: 'Work – advocacy',
        requirement:
          "The case manager is the citizen's advocate: the case manager speaks up for the citizen's rights and works to remove the barriers between the citizen and those who provide the services.",
        questions: { q1: "In which situations should you expect the case manager to speak up for the citizen's rights?", q2: 'How is the case manager prepared for that task?' },
      },
      work_followup: {
        name: 'Work – follow-up',
        requirement:
          "The case manager is responsible for following the citizen through the different support and treatment services and for making sure the agreed plans are carried out or changed when the citizen's needs and wishes change.",
        questions: { q1: "Do you have a frame for how often the case manager follows up on and revises the citizen's plans?" },
      },
      passivity_balance: {
        name: 'Balancing support needs against the risk of making the citizen passive',
        requirement:
          'The case manager is very active and persistent towards the citizen. This brings a risk that the citizen becomes passive and too dependent on their case manager, and does not learn to use the ordinary support and treatment system or civil society without a support person at their side.',
        questions: { q1: 'How can the case manager handle this dilemma?' },
      },
      course_structure: {
        name: 'Course',
        requirement: 'ICM consists of the services above. Sometimes it also helps to have a plan for when and how the services are given.',
        questions: { q1: 'Does ICM follow a particular course in your team?' },
      },
      intensity: {
        name: 'Intensity',
        requirement: 'The citizen must get intensive support that at the same time fits what the citizen needs.',
        questions: { q1: 'How do you make sure the support is intensive?', q2: "How do you make sure the support follows the citizen's needs as they are right now?" },
      },
      location: {
        name: 'Location',
        requirement:
          "As a rule, the case manager and the citizen meet in the citizen's own surroundings. This makes it easier for the case manager to follow the citizen's development, get to know their resources and barriers, and notice crises and problems.",
        questions: { q1: 'Where do you picture meeting the citizen – will there also be meetings at an office or over the phone, for example?' },
      },
      view_of_citizen: {
        name: 'View of the citizen',
        requirement:
          "The citizen is seen as a person who can recover and find a place in society again. The focus is on developing the citizen's skills and on finding and strengthening the citizen's resources.",
        questions: { q1: 'How is the citizen involved?', q2: "How do you make sure there is a focus on developing the citizen's skills and strengthening their resources?" },
      },
    },
  },
);

/** The element codes in the template's order, as the backend sends them. */
export const templateElements = Object.keys(templateText.da.elements) as (keyof typeof templateText.da.elements)[];

/**
 * How firmly the method states each element's requirement, where it is not a "must": the
 * method template says "it is important" for these and suggests the course plan. Every other
 * element is a fixed requirement. backend/domain/template.go has the same weights (a Go test
 * compares them).
 */
export const templateWeights: Record<string, 'important' | 'advice'> = {
  assessment_before_visitation: 'important',
  availability: 'important',
  course_structure: 'advice',
};
