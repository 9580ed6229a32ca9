package benchdata

// Word pools for the generated records. Every name, place and story here is invented; the
// sentences are written for this generator in the register ICM workers use in their notes.

var firstNames = []string{"Anders", "Birthe", "Carsten", "Dorthe", "Erik", "Frida", "Gorm", "Hanne", "Ib", "Jytte",
	"Kim", "Lis", "Mogens", "Nanna", "Ole", "Pia", "Rasmus", "Sanne", "Torben", "Ulla", "Villy", "Winnie", "Yrsa",
	"Åge", "Ærtebjerg", "Øjvind", "Søren", "Mette", "Jørgen", "Karin", "Bo", "Lene", "Preben", "Tove", "Flemming",
	"Jannie", "Henning", "Susanne", "Leif", "Bente", "Nikolaj", "Louise", "Mikkel", "Camilla", "Jesper", "Malene",
	"Ahmad", "Leyla", "Tomasz", "Agnieszka", "Sami", "Inuk", "Aviaja", "Marek", "Dragan", "Fatma"}

var lastNames = []string{"Andersen", "Bæk", "Christiansen", "Dam", "Eskildsen", "Fog", "Grøn", "Holm", "Iversen",
	"Juhl", "Kjær", "Lund", "Mørk", "Nørgaard", "Overgaard", "Pallesen", "Qvist", "Ravn", "Skov", "Thygesen",
	"Uhrenholt", "Vestergaard", "Wulff", "Østergaard", "Ågård", "Bech", "Dahl", "Frost", "Hjort", "Krog", "Lykke",
	"Mølgaard", "Nyborg", "Riis", "Storm", "Toft", "Vang", "Winther", "Yde", "Zachariassen"}

var streets = []string{"Åboulevarden", "Strandvejen", "Nørregade", "Kirkevej", "Møllebakken", "Søndergade",
	"Havnegade", "Skovbrynet", "Engtoften", "Ørnevej"}

// noteOpeners start a note of each kind.
var noteOpeners = map[string][]string{
	"visit": {"Hjemmebesøg hos borgeren.", "Besøg på herberget, hvor borgeren bor for tiden.",
		"Mødtes med borgeren ved torvet efter aftale.", "Besøg i lejligheden sammen med borgeren.",
		"Kort besøg i hjemmet; borgeren var lige stået op.", "Gåtur med borgeren langs åen."},
	"phone_call": {"Telefonsamtale med borgeren.", "Borgeren ringede selv i formiddags.",
		"Ringede til borgeren for at følge op på gårsdagens aftale.", "Kort opkald; borgeren var på vej ud."},
	"accompaniment": {"Ledsagede borgeren til egen læge.", "Ledsagede borgeren til jobcentret.",
		"Fulgte borgeren til samtale i misbrugsbehandlingen.", "Ledsagede borgeren til møde i borgerservice.",
		"Fulgte borgeren til ambulatoriet i psykiatrien."},
	"meeting": {"Netværksmøde med sagsbehandler, behandler og borgeren.", "Opfølgningsmøde på kontoret med borgeren.",
		"Møde i boligorganisationen om husorden sammen med borgeren.", "Fællesmøde med kriminalforsorgen og borgeren."},
	"attempt": {"Forsøgte at træffe borgeren, men ingen åbnede.", "Ringede tre gange uden svar; lagde en besked.",
		"Kom forbi herberget; borgeren var ikke set i dag.", "Ingen kontakt trods aftale; lagde en seddel i døren."},
	"collaboration": {"Talte med sagsbehandleren om den kommende handleplan.", "Mail til boligorganisationen om huslejerestancen.",
		"Drøftede medicinen med sygeplejersken i psykiatrien.", "Koordinerede med herbergets personale om weekenden."},
	"other": {"Skrev ansøgning om enkeltydelse færdig.", "Gennemgik post og regninger, der var kommet til kontoret."},
}

// noteSentences fill the body of a note.
var noteSentences = []string{
	"Borgeren fortalte, at søvnen er blevet bedre den seneste uge.",
	"Vi drak kaffe og talte om, hvordan ugen var gået.",
	"Borgeren var urolig og bekymret for brevet fra kommunen.",
	"Vi gennemgik budgettet for resten af måneden sammen.",
	"Huslejen er betalt, men der er ikke mange penge til mad.",
	"Borgeren har drukket mindre og er stolt af det.",
	"Der har været gæster om natten, og naboerne har klaget.",
	"Vi aftalte at ringe til lægen i morgen tidlig.",
	"Borgeren ønsker at komme i gang med noget arbejde igen.",
	"Søsteren har ringet, og de skal ses til weekenden.",
	"Rengøringen er kommet i gang; køkkenet er ryddet.",
	"Borgeren havde glemt medicinen i to dage.",
	"Vi talte om, hvad der skal til for at holde fast i lejligheden.",
	"Borgeren var træt og ville helst ikke tale længe.",
	"Borgeren har været på biblioteket og lånt bøger.",
	"Vi aftalte et nyt besøg på torsdag kl. 10.",
	"Borgeren har fået svar på ansøgningen om boligstøtte.",
	"Vi skrev sammen en mail til sagsbehandleren.",
	"Borgeren fortalte om en konflikt med en bekendt på herberget.",
	"Humøret er bedre end sidst; borgeren smilede meget.",
	"Borgeren vil gerne have hjælp til at handle ind.",
	"Gælden til inkasso blev gennemgået, og der er lavet en afdragsordning.",
	"Borgeren var til samtale i misbrugsbehandlingen i tirsdags.",
	"Vi øvede, hvad borgeren vil sige på mødet med jobcentret.",
	"Borgeren var vred over et afslag og råbte; efter en pause gik det bedre.",
	"Vi gik en tur i parken, og borgeren talte om sin fremtid.",
	"Borgeren har ikke spist ordentligt i nogle dage.",
	"Tøjvasken er kommet i gang igen i vaskekælderen.",
	"Borgeren har haft kontakt med sin datter for første gang længe.",
	"Aftalen om fast rengøringsdag holder.",
	"Borgeren har været på hospitalet med smerter i knæet.",
	"Vi fik ringet til pensionskontoret og fik svar på spørgsmålet.",
	"Borgeren overvejer at søge ind på et værksted.",
	"Borgeren sov på gaden to nætter efter en uoverensstemmelse på herberget.",
	"Medicinen doseres nu på apoteket, og det fungerer.",
	"Borgeren er blevet mere åben om sit forbrug.",
	"Vi aftalte, at ICM-medarbejderen deltager i næste møde i behandlingen.",
	"Borgeren har fået ny telefon og gav mig nummeret.",
	"Der var post fra kriminalforsorgen, som vi læste sammen.",
	"Borgeren er glad for cyklen, som er repareret.",
	"Borgeren havde brug for at tale om sin bror, der er død.",
	"Vi lavede en liste over, hvad der skal ordnes inden jul.",
	"Borgeren ville ikke tale om økonomien i dag; vi tager det op igen.",
	"Vi fandt et fritidstilbud, som borgeren vil prøve.",
	"Borgeren var fuld ved besøget; vi aftalte et nyt tidspunkt.",
	"Lejligheden var ryddelig, og der var mad i køleskabet.",
	"Borgeren har været til tandlæge og fået lavet en tand.",
	"Vi talte om WHO-5-skemaet, og borgeren udfyldte det selv.",
	"Borgeren har meldt sig til madholdet på værestedet.",
	"Der er kommet en regning fra forsyningen, som skal betales i næste uge.",
}

// rareSentence carries the rare search word; it is added to one note in rareEvery.
const rareSentence = "Borgeren spurgte, om kommunen kan hjælpe med et nyt høreapparat."

var goalWords = []string{
	"Jeg vil have mit eget sted at bo og blive boende.", "Jeg vil have styr på pengene, så de holder måneden ud.",
	"Jeg vil drikke mindre og have flere gode dage.", "Jeg vil se mine børn igen.",
	"Jeg vil have noget at stå op til om morgenen.", "Jeg vil have det bedre med mig selv.",
	"Jeg vil kunne gå til lægen uden at være bange.", "Jeg vil ud af gælden.",
	"Jeg vil have ro i lejligheden om natten.", "Jeg vil lære at lave mad til mig selv.",
	"Jeg vil holde mig ude af fængslet.", "Jeg vil have en ven at ringe til.",
}

var goalAreas = []string{"housing", "finances", "substance", "network", "employment", "mental", "physical",
	"finances", "housing", "daily_living", "crime", "network"}

var subGoalWhats = []string{
	"Betale husleje den første i måneden via betalingsservice", "Holde fast rengøringsdag hver tirsdag",
	"Møde op til samtalerne i misbrugsbehandlingen hver 14. dag", "Skrive et brev til datteren",
	"Søge om særbolig gennem boliganvisningen", "Lave et budget sammen med ICM-medarbejderen",
	"Komme til tandlæge og få lavet en plan", "Deltage i madholdet på værestedet hver onsdag",
	"Tage medicinen hver morgen fra doseringsæsken", "Få en afdragsordning på gælden til inkasso",
	"Prøve en praktik på genbrugsværkstedet", "Gå en tur hver dag i en halv time",
}

var subGoalMeasures = []string{"Gennemført 3 af 4 uger", "Svar modtaget", "Møder op til 5 af 6 samtaler",
	"Brevet er sendt", "Aftalen er underskrevet", "Budgettet holder to måneder i træk", ""}

var subGoalOwners = []string{"Borgeren", "Borgeren med støtte fra ICM-medarbejderen", "ICM-medarbejderen og sagsbehandleren",
	"Borgeren og ICM-medarbejderen", ""}

var activityWhats = []string{"Besøg i boligen", "Gennemgang af post og regninger", "Gåtur", "Fælles indkøb",
	"Samtale om ugen, der gik", "Ledsagelse til behandling", "Madlavning sammen"}

var activityFreqs = []string{"To gange om ugen", "Hver fredag", "Hver anden uge", "Dagligt den første måned", "Efter behov"}

var organisations = map[string][]string{
	"caseworker": {"Solvang Kommune, Voksenteamet", "Solvang Kommune, Socialafdelingen"},
	"jobcenter":  {"Jobcenter Solvang"},
	"addiction":  {"Alkoholrådgivningen", "Rusmiddelcenter Solvang"},
	"psychiatry": {"Psykiatrisk Ambulatorium", "Distriktspsykiatrien"},
	"gp":         {"Lægehuset på Torvet", "Lægerne i Nørregade"},
	"dentist":    {"Kommunetandplejen"},
	"housing":    {"Boligselskabet Engly", "Afdeling Skovbrynet"},
	"probation":  {"Kriminalforsorgen, afdeling Solvang"},
	"shelter":    {"Herberget Lyset", "Forsorgshjemmet Fyrtårnet"},
	"hospital":   {"Solvang Sygehus, medicinsk afdeling"},
	"pharmacy":   {"Apoteket i Solvang"},
	"pension":    {"Udbetaling Danmark, Pension"},
	"alcohol":    {"Alkoholbehandlingen Solvang"},
	"family":     {""},
	"partner":    {""},
	"friend":     {""},
	"other":      {"Apoteket i Solvang", "Værestedet Kilden"},
}

var meetingPurposes = []string{"Fælles plan for de næste tre måneder", "Opfølgning på handleplanen",
	"Boligsituationen og husordenen", "Økonomi og gæld", "Behandling og medicin", "Overgang til mindre støtte"}

var meetingActions = []string{"Sende ansøgning om særbolig", "Booke tid hos tandlægen", "Indkalde til nyt møde",
	"Undersøge mulighed for praktik", "Sende budgettet til sagsbehandleren", "Aftale tid i behandlingen"}

var barriers = []string{
	"Pensionsafdelingen ville kun tale med borgeren ved personligt fremmøde i åbningstiden.",
	"Borgeren fik afslag på boligstøtte uden en begrundelse, han kunne forstå.",
	"Lægen ville ikke henvise, før borgeren havde været ædru i en måned.",
	"Jobcentret indkaldte med brev, som borgeren ikke kunne læse i e-Boks.",
	"Boligselskabet ville opsige lejemålet efter klager fra naboerne.",
}

var advocacyTowards = []string{"Pensionsafdelingen", "Borgerservice", "Lægehuset", "Jobcentret", "Boligselskabet"}

var evaluationSummaries = []string{
	"Borgeren har holdt fast i de faste aftaler; økonomien er stadig presset.",
	"En svær periode med tilbagefald; kontakten er holdt hele vejen.",
	"Gode fremskridt med boligen; rengøringsdagen fungerer.",
	"Borgeren er kommet i gang med behandlingen og møder op.",
	"Kontakten til familien er genoptaget; borgeren er gladere.",
}

var assessmentViews = []string{
	"Borgeren siger selv, at det går op og ned.", "Vil gerne have mere ro i hverdagen.",
	"Oplever, at kommunen ikke lytter.", "Er bekymret for at miste lejligheden.",
	"Savner at have noget at lave.", "Har det bedst, når der er faste aftaler.",
}

var workerViews = []string{
	"Behov for hjælp til at holde styr på aftaler.", "Stabil periode; forbruget er faldet.",
	"Tegn på isolation; kommer sjældent ud.", "Har ressourcer i form af en søster, der støtter.",
	"Sårbar over for ændringer i økonomien.", "Gode evner til at lave mad, men mangler overskud.",
}
