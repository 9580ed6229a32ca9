// The invented course the wizard end-to-end test enters and later checks again.
export const story = {
  worker: 'Nanna Friis',
  username: 'nanna',
  password: 'Nannas kode til ICM',
  citizen: 'Maja Østerby',
  caseworker: 'Rikke Holm, Center for Myndighed',
  startDaysAgo: 200,
  // The agreed contact: daily at first, as in the method's case story, later twice a week.
  frequencies: [
    { daysAgo: 200, times: '1', per: 'dag', text: '1 gang(e) om dagen', note: 'Vi ses hver dag den første tid på forsorgshjemmet.' },
    { daysAgo: 100, times: '2', per: 'uge', text: '2 gang(e) om ugen', note: 'To besøg om ugen, nu hvor hun er faldet til.' },
  ],
  // Persistence: a visit where nobody opened the door.
  attempt: { daysAgo: 2, time: '10:30', minutes: 15, location: 'Borgerens hjem', kind: 'Forsøg på kontakt – ikke truffet (ikke hjemme, intet svar)', text: 'Ingen lukkede op. Lagde en seddel og sendte en sms om nyt besøg på fredag.' },
  // The course discussed at the team meeting.
  review: { daysAgo: 3, participants: 'NF, teamet', agreed: 'Fortsæt to besøg om ugen; tal med hende om daghøjskolen før næste evaluering.' },
  // Her housing history: at the shelter before the course, then three moves to her own flat.
  housingSinceDaysAgo: 230,
  moves: [
    { daysAgo: 170, housing: 'Akut- eller midlertidig bolig', note: 'Akutbolig i Vestbyen, mens hun venter på en anvisning.' },
    { daysAgo: 120, housing: 'Midlertidigt hos familie eller venner', note: 'Måtte forlade akutboligen; sover hos en veninde.' },
    { daysAgo: 60, housing: 'Egen bolig – stabil', note: 'Fik nøglerne til en ungdomsbolig.' },
  ],
  visitation: {
    housingNote: 'Bor på forsorgshjem efter at være flygtet hjemmefra; har fået tilbudt en ungdomsbolig.',
    needs: ['Psykisk lidelse eller sårbarhed', 'Misbrug af alkohol, stoffer eller medicin'],
    reason: 'Har brug for daglig kontakt i starten og hjælp til at holde sammen på mange aftaler over lang tid.',
  },
  assessment: [
    ['Ønsker, håb og drømme', [['Borgerens ønsker, håb og drømme – med borgerens egne ord', 'Jeg vil have mit eget sted, være ude af misbruget og starte på en uddannelse.']]],
    ['Barrierer for at søge hjælp', [['Hvad holder borgeren fra at søge hjælp?', 'Bliver vred på møder og føler sig overhørt af systemet.']]],
    ['Bolig', [['Borgerens egen oplevelse', 'Glæder sig til sin egen bolig.'], ['Behov', 'Hjælp til at holde boligen.']]],
    ['Økonomi, gæld og forsørgelse', [['ICM-medarbejderens iagttagelser', 'Uafklaret forsørgelse; kontakt til Ydelsescentret.']]],
    ['Fysisk helbred og tænder', [['Behov', 'Tandlæge.']]],
    ['Psykisk helbred', [['ICM-medarbejderens iagttagelser', 'Selvmordstanker tidligere; udredes for personlighedsforstyrrelse.']]],
    ['Rusmidler', [['Borgerens egen oplevelse', 'Drikker og tager stoffer, når det er svært.']]],
    ['Netværk og familie', [['Ressourcer', 'En veninde fra ungeindsatsen.']]],
    ['Dagligdagsfunktioner', [['Behov', 'Rengøring og struktur i ugen.']]],
    ['Beskæftigelse, uddannelse og aktiviteter', [['Borgerens egen oplevelse', 'Vil gerne på højskole.']]],
    ['Kontakt med myndigheder', [['Barrierer', 'Mange aflyste møder; aggressiv, når hun presses.']]],
    ['Kriminalitet og kriminalforsorg', [['ICM-medarbejderens iagttagelser', 'Ingen sager.']]],
  ],
  goals: [
    {
      words: 'Jeg vil have mit eget sted og kunne passe det.',
      area: 'Bolig',
      link: 'Handleplanens mål 1: egen bolig',
      subs: [{ what: 'Holde en fast rengøringsdag hver onsdag i boligen', measure: 'Rengjort 3 af 4 uger', owner: 'Maja, med Nanna de første gange', daysAhead: 60 }],
    },
    {
      words: 'Jeg vil have det bedre inde i hovedet.',
      area: 'Psykisk helbred',
      link: '',
      subs: [{ what: 'Starte i udredning hos Center for personlighedsforstyrrelse', measure: '', owner: '', daysAhead: 90 }],
    },
  ],
  vagueSubGoal: 'Starte i udredning hos Center for personlighedsforstyrrelse',
  activities: [
    { what: 'Besøg og samtale i boligen', frequency: 'Dagligt de første uger, siden to gange om ugen', owner: 'Nanna' },
    { what: 'Rengøringsdag', frequency: 'Hver onsdag', owner: 'Maja og Nanna' },
  ],
  notes: [
    { daysAgo: 199, time: '10:00', minutes: 60, location: 'Herberg, forsorgshjem eller værested', kind: 'Besøg eller samtale', text: 'Første samtale på forsorgshjemmet. Hun vil gerne have støtte, men er bange for at blive svigtet igen.' },
    { daysAgo: 150, time: '21:30', minutes: 20, location: 'Telefon eller video', kind: 'Telefonsamtale', text: 'Ringede om aftenen med selvmordstanker. Vi talte sammen, til hun faldt til ro, og aftalte besøg i morgen.' },
    { daysAgo: 120, time: '09:00', minutes: 120, location: 'Andet sted', kind: 'Ledsagelse', text: 'Fulgte hende til Center for personlighedsforstyrrelse. Forberedte mødet dagen før.' },
    { daysAgo: 40, time: '13:00', minutes: 45, location: 'Borgerens hjem', kind: 'Besøg eller samtale', text: 'Rengøringsdag i den nye bolig. Hun sover bedre og har ikke drukket i fire uger.' },
    { daysAgo: 5, time: '11:15', minutes: 50, location: 'Borgerens hjem', kind: 'Besøg eller samtale', text: 'Talte om ansøgning til daghøjskolen. Hun vil selv ringe til vejlederen.' },
  ],
  // The note of the accompaniment, corrected afterwards: the first text stays as version 1.
  correction: {
    note: 2,
    text: 'Fulgte hende til Center for personlighedsforstyrrelse. Vi øvede mødet sammen aftenen før, og hun førte selv ordet.',
    reason: 'Tilføjet hvordan mødet gik',
  },
  contacts: [
    { kind: 'Jobcenter', name: 'Ali Berg', org: 'Jobcenter Testrup', role: 'Afklaring af forsørgelse og uddannelse' },
    { kind: 'Psykiatri', name: '', org: 'Center for personlighedsforstyrrelse', role: 'Udredning og toårigt behandlingsforløb' },
    { kind: 'Andet', name: '', org: 'Daghøjskolen', role: 'Undervisning tre dage om ugen' },
  ],
  meeting: {
    daysAgo: 150,
    purpose: 'Fælles aftale om forsørgelse og behandling',
    participants: 'Maja, Rikke Holm, Ali Berg og Nanna',
    preparation: 'Vi øvede dagen før, hvad hun ville sige, og aftalte et tegn for en pause.',
    outcome: 'Hun blev på mødet hele vejen og fik sin ansøgning om uddannelseshjælp med.',
    action: { text: 'Sende ansøgning om uddannelseshjælp', owner: 'Ali Berg', daysAgo: 140 },
  },
  barrier: {
    text: 'Ydelsescentret ville kun behandle sagen, hvis hun mødte op alene i åbningstiden.',
    towards: 'Ydelsescentret',
    actions: 'Skrev sammen med Maja og bad om et møde med bisidder.',
    rights: 'Ret til at have en bisidder med (forvaltningsloven § 8).',
    outcome: 'Møde holdt med Nanna som bisidder; sagen er behandlet.',
  },
  evaluations: [
    {
      daysAgo: 110,
      statuses: { 'Holde en fast rengøringsdag hver onsdag i boligen': 'I gang', 'Starte i udredning hos Center for personlighedsforstyrrelse': 'Nået' },
      summary: 'Mange aflysninger i starten; rengøringsdagen er kommet i gang. Udredningen er afsluttet, og hun er tilbudt et toårigt forløb.',
      changes: 'Nyt delmål om behandlingsforløbet.',
    },
    {
      daysAgo: 20,
      statuses: { 'Holde en fast rengøringsdag hver onsdag i boligen': 'Nået', 'Starte i udredning hos Center for personlighedsforstyrrelse': 'Nået' },
      summary: 'Bor i egen bolig, holder boligen og går i behandling. Ingen selvmordstanker i perioden.',
      changes: 'Fokus flyttes til uddannelse.',
    },
  ],
  who5: [
    { daysAgo: 195, answers: [1, 1, 1, 2, 1], score: 24 },
    { daysAgo: 110, answers: [2, 2, 3, 2, 2], score: 44 },
    { daysAgo: 20, answers: [4, 3, 4, 3, 4], score: 72 },
  ],
  search: { word: 'DAGHØJSKOLEN', expect: 'ansøgning til \\[?daghøjskolen' },
};
