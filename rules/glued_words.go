package rules

import (
	"encoding/binary"
	"fmt"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cvlint/cvlint/rules/lexicon"
)

// GluedWords reports words that PDF extraction ran together, and sentences
// that lost the space after their full stop or comma.
var GluedWords = Register(&Rule{
	ID:       "glued-words",
	Title:    "words run together",
	Severity: Warning,
	Requires: []*Analysis{ProseAnalysis, LanguageAnalysis},
	Doc: Doc{
		Why: "Copying text out of a PDF often drops the spaces between words (`lessolutionsdesupervision`) or after punctuation (`Grafana.Les données`). " +
			"A reader stumbles on them and an applicant tracking system finds none of the words inside. " +
			"cvlint only looks at runs of 15 or more lower-case letters that are not a word of its English or French lexicon, " +
			"and only suggests a split into common words of the paragraph's language that includes a function word (the, and, de, les): " +
			"product names, camelCase, long real words, URLs, e-mails, domains, file names, code, hashtags, paths, hashes, versions " +
			"and identifiers with digits or underscores are never reported. " +
			"A split can be wrong, so `--fix` applies it only when named: `--fix=glued-words`. " +
			"Words the lexicon does not know but you want kept whole go in the `allow` option.",
		Bad:  "Responsable de lamiseenplacedessolutionsdesupervision avec Grafana.Les données sont centralisées.",
		Good: "Responsable de la mise en place des solutions de supervision avec Grafana. Les données sont centralisées.",
		Options: []Option{
			{Name: "allow", Default: []string{}, Help: "tokens never to split (matched whole, case-insensitively), e.g. a product or project name"},
		},
	},
	Run: runGluedWords,
})

// dottedNames are names written with a dot and a capital that are not a
// sentence ending without its space.
var dottedNames = map[string]bool{"asp.net": true, "vb.net": true, "ado.net": true}

type gluedPass struct {
	p     *Pass
	pr    *Prose
	allow map[string]bool
	block int
	lang  *Language // computed on the first candidate only
}

func runGluedWords(p *Pass) {
	g := &gluedPass{p: p, pr: ProseOf(p), allow: map[string]bool{}}
	for _, a := range p.StringsOption("allow") {
		g.allow[strings.ToLower(a)] = true
	}
	for i := range g.pr.Blocks {
		s, e, ok := proseSpan(g.pr.Blocks[i])
		if !ok {
			continue
		}
		if mayGlue(g.pr.Text, s, e) {
			g.block = i
			g.scan(s, e)
		}
	}
}

// scan calls field for the white-space separated fields of the block's
// prose text[s:e] (split as strings.FieldsFunc(unicode.IsSpace) would)
// that may hold a finding. field reports only
//   - a run of MinSplitLen lower-case letters, which a capital may open
//     (letterRun), or
//   - sentence punctuation with a letter on each side (missingSpaces
//     takes the letters before and after it: the byte before ends a
//     letter, so it is an ASCII letter or ≥ 0x80, and the byte after
//     starts one, likewise);
//
// a field with neither makes field return without a finding. Both show
// in one pass over the bytes, a letter decoded only when it is not ASCII,
// so most fields are never delimited at all.
func (g *gluedPass) scan(s, e int) {
	text := g.pr.Text[:e]
	start := s // where the current field starts
	// run counts the lower-case letters in a row, a capital before them
	// counted: never fewer than the run letterRun would find there.
	run := 0
	for i := s; i < e; {
		c := text[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRune(text[i:])
			i += n
			switch {
			case unicode.IsLower(r):
				if run++; run >= lexicon.MinSplitLen {
					i, start, run = g.fieldAt(start, i), i, 0
				}
			case unicode.IsUpper(r):
				run = 1
			case unicode.IsSpace(r):
				run, start = 0, i
			default:
				run = 0
			}
			continue
		}
		switch gluedClass[c] {
		case gluedLower:
			j := i + 1
			for j < e && 'a' <= text[j] && text[j] <= 'z' {
				j++
			}
			run += j - i
			i = j
			if run >= lexicon.MinSplitLen {
				i, start, run = g.fieldAt(start, i), i, 0
			}
			continue
		case gluedUpper:
			run = 1
		case gluedSpace:
			run, start = 0, i+1
		case gluedPunct:
			run = 0
			if i > s && i+1 < e && letterByte(text[i-1]) && letterByte(text[i+1]) {
				i, start = g.fieldAt(start, i), i
				continue
			}
		default:
			run = 0
		}
		i++
	}
}

// mayGlue reports whether the block's prose text[s:e] may hold what scan
// looks for, on the bytes alone and eight at a time:
//   - MinSplitLen bytes in a row that are ASCII letters or ≥ 0x80, as
//     are all the bytes of a run letterRun reports;
//   - sentence punctuation between two such bytes, as missingSpaces needs.
//
// Four blocks in five of a CV have neither, and scan need not read them
// rune by rune.
func mayGlue(text []byte, s, e int) bool {
	run := 0        // letter bytes in a row up to i
	var prev uint64 // the letter bits of the eight bytes before i
	i := s
	for ; i+8 <= e; i += 8 {
		l := letterBits(binary.LittleEndian.Uint64(text[i:]))
		if l == hiBits {
			if run += 8; run >= lexicon.MinSplitLen {
				return true
			}
		} else {
			other := ^l & hiBits
			if run += bits.TrailingZeros64(other) / 8; run >= lexicon.MinSplitLen {
				return true
			}
			run = bits.LeadingZeros64(other) / 8
			// Bytes that are not letters with a letter on each side:
			// are they sentence punctuation?
			left, right := l<<8|prev>>56, l>>8
			if i+8 < e && letterByte(text[i+8]) {
				right |= 1 << 63
			}
			for m := other & left & right; m != 0; m &= m - 1 {
				if gluedClass[text[i+bits.TrailingZeros64(m)/8]] == gluedPunct {
					return true
				}
			}
		}
		prev = l
	}
	for ; i < e; i++ {
		c := text[i]
		if letterByte(c) {
			if run++; run >= lexicon.MinSplitLen {
				return true
			}
			continue
		}
		run = 0
		if gluedClass[c] == gluedPunct && i > s && i+1 < e && letterByte(text[i-1]) && letterByte(text[i+1]) {
			return true
		}
	}
	return false
}

// letterBits sets bit 7 of each byte of x that is an ASCII letter or
// ≥ 0x80, and clears every other bit. Each byte is tested on its seven
// low bits, whose sums below never carry into the next byte: bit 7 of
// h+0x80-c is set when h ≥ c.
func letterBits(x uint64) uint64 {
	y := x&^hiBits | 0x20*loBits // ASCII letters lower-cased
	letter := (y + (0x80-'a')*loBits) &^ (y + (0x80-'z'-1)*loBits)
	return (letter | x) & hiBits
}

// fieldAt checks the field that starts at start and holds i, and returns
// where it ends: at the next white space or at the end of the block.
func (g *gluedPass) fieldAt(start, i int) int {
	_, e, _ := proseSpan(g.pr.Blocks[g.block])
	text := g.pr.Text[:e]
	for i < e {
		c := text[i]
		if c < utf8.RuneSelf {
			if gluedClass[c] == gluedSpace {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(text[i:])
		if unicode.IsSpace(r) {
			break
		}
		i += n
	}
	g.field(start, i)
	return i
}

// The classes of ASCII bytes for scan.
const (
	gluedOther = iota
	gluedLower
	gluedUpper
	gluedSpace
	gluedPunct // the punctuation of hasSentencePunct
)

var gluedClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case 'a' <= c && c <= 'z':
			t[c] = gluedLower
		case 'A' <= c && c <= 'Z':
			t[c] = gluedUpper
		case c == ' ' || '\t' <= c && c <= '\r':
			t[c] = gluedSpace
		case c == '.' || c == '!' || c == '?' || c == ',' || c == ';':
			t[c] = gluedPunct
		}
	}
	return
}()

// letterByte is a byte that a letter may end or start with: an ASCII
// letter or a byte of a multi-byte rune.
func letterByte(c byte) bool {
	return c >= utf8.RuneSelf || 'a' <= c|0x20 && c|0x20 <= 'z'
}

// language is the language of the current block; the analysis runs on the
// first candidate, so a file without one never pays for it.
func (g *gluedPass) language() lexicon.Lang {
	if g.lang == nil {
		g.lang = LanguageOf(g.p)
	}
	return g.lang.Block(g.block)
}

const (
	fieldOpeners = "([{\"'«“‘¿¡"
	fieldClosers = ".,;:!?)]}\"'»”’…"
)

// field checks one white-space separated token of the prose view.
func (g *gluedPass) field(s, e int) {
	text := g.pr.Text
	// Nothing to report in a field too short for a run of MinSplitLen
	// letters and without the punctuation missingSpaces looks for.
	if e-s < lexicon.MinSplitLen && !hasSentencePunct(text[s:e]) {
		return
	}
	for s < e {
		r, n := utf8.DecodeRune(text[s:e])
		if !strings.ContainsRune(fieldOpeners, r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRune(text[s:e])
		if !strings.ContainsRune(fieldClosers, r) {
			break
		}
		e -= n
	}
	tok := text[s:e]
	if len(tok) == 0 || len(g.allow) > 0 && g.allow[strings.ToLower(string(tok))] || !plainToken(tok) {
		return
	}
	done := g.missingSpaces(s, e)
	if e-s < lexicon.MinSplitLen {
		return // no room for a run of MinSplitLen letters
	}
	// Runs of letters: split on anything else, then on case changes.
	for i := s; i < e; {
		r, n := utf8.DecodeRune(text[i:e])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i
		for j < e {
			r, n := utf8.DecodeRune(text[j:e])
			if !unicode.IsLetter(r) {
				break
			}
			j += n
		}
		if j <= done.Start || i >= done.End {
			g.letterRun(i, j)
		}
		i = j
	}
}

func hasSentencePunct(b []byte) bool {
	for _, c := range b {
		switch c {
		case '.', '!', '?', ',', ';':
			return true
		}
	}
	return false
}

// plainToken rejects tokens that are not prose: hashtags, mentions, paths,
// identifiers with underscores or digits, markup leftovers.
func plainToken(tok []byte) bool {
	switch tok[0] {
	case '#', '@', '$', '~', '%', '&', '<':
		return false
	}
	for _, c := range tok {
		switch {
		case c >= '0' && c <= '9', c == '_', c == '/', c == '\\', c == '=', c == '{', c == '}', c == '|', c == '@', c == '<', c == '>', c == '`', c == '+', c == '*':
			return false
		}
	}
	return true
}

// letterRun looks for lower-case runs of MinSplitLen letters inside the
// letter run text[s:e]; a capital starts a new run, so camelCase and
// PascalCase never make one, but a capital that opens the run joins it
// (a sentence that starts glued).
func (g *gluedPass) letterRun(s, e int) {
	text := g.pr.Text
	for i := s; i < e; {
		start := i
		r, n := utf8.DecodeRune(text[i:e])
		i += n
		if !unicode.IsLower(r) && !(start == s && unicode.IsUpper(r)) {
			continue
		}
		runes := 1
		for i < e {
			r, n := utf8.DecodeRune(text[i:e])
			if !unicode.IsLower(r) {
				break
			}
			i += n
			runes++
		}
		if runes < lexicon.MinSplitLen {
			continue
		}
		orig := string(text[start:i])
		low := strings.ToLower(orig)
		if g.allow[low] || hexOnly(low) || commonLongWords[low] {
			continue
		}
		seg, ok := lexicon.SuggestSplit(g.language(), low)
		if !ok {
			continue
		}
		split := recase(orig, seg)
		g.p.Report(Finding{
			Start:   start,
			End:     i,
			Message: fmt.Sprintf("words run together: %q → %q", orig, split),
			Fix:     &Fix{Edits: []Edit{{Start: start, End: i, New: split}}},
		})
	}
}

// hexOnly says whether a run could be a hash or an identifier in hex.
func hexOnly(s string) bool {
	for _, c := range s {
		if c < 'a' || c > 'f' {
			return false
		}
	}
	return true
}

// recase cuts orig, whose lower-case form the segments spell, at the
// segment boundaries, so the original capitals survive.
func recase(orig string, seg []string) string {
	var b strings.Builder
	rest := orig
	for k, w := range seg {
		if k > 0 {
			b.WriteByte(' ')
		}
		n := 0
		for range utf8.RuneCountInString(w) {
			_, sz := utf8.DecodeRuneInString(rest[n:])
			n += sz
		}
		b.WriteString(rest[:n])
		rest = rest[n:]
	}
	b.WriteString(rest)
	return b.String()
}

// missingSpaces reports sentence punctuation glued to the next word inside
// the token text[s:e] (`Grafana.Les`, `services,ainsi`) and returns the
// range it reported on, so the letter-run check does not report it twice.
func (g *gluedPass) missingSpaces(s, e int) Span {
	text := g.pr.Text
	tok := text[s:e]
	// A token with several inner dots or commas is a domain, a version,
	// an abbreviation or a list written without spaces: leave it alone.
	inner := 0
	for k := 1; k < len(tok)-1; k++ {
		if strings.IndexByte(".!?,;", tok[k]) >= 0 {
			inner++
		}
	}
	if inner != 1 {
		return Span{}
	}
	for k := s + 1; k < e-1; k++ {
		c := text[k]
		if strings.IndexByte(".!?,;", c) < 0 {
			continue
		}
		ls, rs := k, k+1
		for ls > s {
			r, n := utf8.DecodeLastRune(text[s:ls])
			if !unicode.IsLetter(r) {
				break
			}
			ls -= n
		}
		re := rs
		for re < e {
			r, n := utf8.DecodeRune(text[re:e])
			if !unicode.IsLetter(r) {
				break
			}
			re += n
		}
		left, right := string(text[ls:k]), string(text[rs:re])
		if left == "" || right == "" || dottedNames[strings.ToLower(string(text[ls:re]))] {
			return Span{}
		}
		var split string
		switch c {
		case '.', '!', '?':
			if countLower(left) < 2 || !capitalized(right) {
				return Span{}
			}
			split = g.splitRight(right)
		case ',', ';':
			if countLower(left) < 2 || countLower(left) < utf8.RuneCountInString(left)-1 || !allLower(right) || utf8.RuneCountInString(right) < 2 {
				return Span{}
			}
			lang := g.language()
			if !lexicon.IsCommon(lang, strings.ToLower(left)) {
				return Span{}
			}
			if split = g.splitRight(right); split == right && !lexicon.IsCommon(lang, right) {
				return Span{}
			}
		}
		orig := string(text[ls:re])
		fixed := left + string(c) + " " + split
		g.p.Report(Finding{
			Start:   ls,
			End:     re,
			Message: fmt.Sprintf("missing space after %q: %q → %q", string(c), orig, fixed),
			Fix:     &Fix{Edits: []Edit{{Start: rs, End: re, New: " " + split}}},
		})
		return Span{ls, re}
	}
	return Span{}
}

// splitRight splits the word after a missing space when it is itself a
// few common words glued together (`Lesdonnées`, `ainsique`); the token is
// short, so it goes to the segmenter with the same guards as SuggestSplit
// except the length and the number of segments.
func (g *gluedPass) splitRight(w string) string {
	low := strings.ToLower(w)
	lang := g.language()
	if utf8.RuneCountInString(low) < 6 || lexicon.Known(lang, low) {
		return w
	}
	seg := lexicon.Segment(lang, low)
	if len(seg) < 2 {
		return w
	}
	function := false
	for _, s := range seg {
		if lexicon.IsFunctionWord(lang, s) {
			function = true
			continue
		}
		if utf8.RuneCountInString(s) < 3 || !lexicon.IsCommon(lang, s) {
			return w
		}
	}
	if !function {
		return w
	}
	return recase(w, seg)
}

func countLower(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			n++
		}
	}
	return n
}

// capitalized is an upper-case letter followed by lower-case letters only:
// `Les`, not `NET` or `PostgreSQL`.
func capitalized(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) && len(s) > n && allLower(s[n:])
}

func allLower(s string) bool {
	for _, r := range s {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return s != ""
}

// commonLongWords holds the frequent words of 15 letters or more of both
// languages (French ranks up to 45,000, SCOWL sizes up to 50): the words a
// CV is full of (responsabilités, infrastructures, recommendations). They
// are all whole words of the lexicon, so SuggestSplit would refuse them
// anyway; knowing them here spares most CVs the cost of loading the
// lexicon (about 20 ms for English, 100 ms for French) for nothing.
// Taken from rules/lexicon/data; glued_words_test.go checks each is Known.
var commonLongWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(commonLongWordList) {
		m[w] = true
	}
	return m
}()

const commonLongWordList = `abolitionnistes accidentellement accomplishments accomplissement acknowledgement acknowledgements
acknowledgments administrateurs administrations administrativement administratives administratrice
affaiblissement affectueusement affranchissement agrandissements agroalimentaire agroalimentaires
alphabétisation alphasyllabaire alternativement anthropological anthropologique anthropologiques
anthropologists anthropomorphes anticapitaliste anticléricalisme antidépresseurs antimilitariste
appauvrissement applaudissements apprenticeships approfondissement approvisionnement
approvisionnements approximativement architecturales aristocratiques aristotélicienne
arrondissements artificiellement assouplissement austronésiennes authentification authoritatively
autobiographical autobiographies autobiographique autobiographiques autodestruction
autodétermination automatiquement azerbaïdjanaise benzodiazépines bibliographique bibliographiques
bibliothécaires biotechnologies bloodthirstiest bouleversements caractérisation caractéristique
caractéristiques cardiovasculaire cardiovasculaires cartographiques catastrophiques catégoriquement
chaleureusement characterisation characteristically characteristics characterization chorégraphiques
christianisation chromatographie chronologically chronologiquement cinématographie cinématographique
cinématographiques circonscription circonscriptions clandestinement classifications
collaborationniste collectionneurs collectivisation commercialement commercialisation
commercialising commercialisées commercializing comparativement complémentaires complémentarité
comportementale comportementales comportementaux comprehensively concessionnaire concessionnaires
conditionnement confessionnelle confidentiality confidentialité confidentielles confortablement
congratulations consciousnesses considérablement constitutionally constitutionals constitutionnalité
constitutionnel constitutionnelle constitutionnelles constitutionnels constructivisme
consécutivement continuellement contradictoires conventionnelle conventionnelles coreligionnaires
correctionnelle correspondaient correspondances correspondantes correspondences correspondingly
counterattacked counterattacking counterbalanced counterbalances counterbalancing counterclockwise
cristallisation cristallographie crystallisation crystallization decentralisation decentralization
differentiating differentiation différenciation différentielles dimensionnement disadvantageous
disappointments disciplinarians discographiques discolourations discouragements discriminations
discriminatoire discriminatoires disillusionment dispassionately disproportionate disproportionnée
disqualification dissatisfaction dissimilarities distinguishable diversification divertissements
dysfonctionnement dysfonctionnements décentralisation décontamination dématérialisation
démocratiquement démocratisation départementales désertification désintoxication désorganisation
déstabilisation ecclésiastiques electromagnetic eleutherodactylus enregistrements enthusiastically
entrepreneuriat environmentally environnemental environnementale environnementales environnementaux
essentiellement ethnographiques exceptionnellement exceptionnelles excommunicating excommunication
excommunications existentialisme experimentation expressionnisme expressionniste expressionnistes
expéditionnaire expérimentalement expérimentateur expérimentation expérimentations extracellulaire
extracurricular extraordinairement extraordinaires extraordinarily extraterrestres extraterrestrial
extraterrestrials fonctionnalités fondamentalement fondamentalistes footballistique francoprovençal
fundamentalists generalisations generalizations gouvernementale gouvernementales gouvernementaux
gravitationnelle gravitationnelles généralisations géographiquement géolocalisation géostationnaire
harmonieusement heterosexuality historiographie historiographique hiérarchisation horizontalement
hospitalisation hospitalisations hospitalization hospitalizations hydrographiques hydroélectricité
hydroélectrique hydroélectriques iconographiques idéologiquement immatriculation immunoglobulines
implementations implémentations impossibilities impressionnante impressionnantes impressionnants
impressionnisme impressionniste impressionnistes improbabilities incompatibilities incompatibility
incompatibilité incomprehensible incompréhensible incompréhension inconditionnelle inconsequential
inconsistencies incontestablement incontournables inconveniencing indiscriminately indisponibilité
indistinguishable individuellement industrialisation industrialising industrialization
industrializing industriellement indépendantiste indépendantistes infrastructures inhabituellement
instantaneously institutionalise institutionalised institutionalises institutionalising
institutionalize institutionalized institutionalizes institutionalizing institutionnalisation
institutionnelle institutionnelles institutionnels instrumentation instrumentistes insubordination
insurrectionnelle intellectuellement intellectuelles intensification intentionnellement
interchangeable interchangeables intercommunales intercommunalité intercommunalités interconnexions
intercontinental intercontinentale interdependence interdisciplinaire interdisciplinaires
interdépendance intergouvernemental intergouvernementale interministériel interministérielle
internationalement internationales internationalisation internationaliste internationally
interopérabilité interplanétaire interpretations interprofessionnel interprétations interrogatoires
interuniversitaire interventionnisme intracellulaire intrinsèquement investissements
involontairement invraisemblable irresponsibility irrégulièrement irrémédiablement journalistiques
juridictionnelle kapitänleutnant kinésithérapeute kinésithérapeutes linguistiquement luxembourgeoise
luxembourgeoises maintainability majoritairement malencontreusement malheureusement marginalisation
mathématicienne mathématiquement merveilleusement microorganismes microprocesseur microprocesseurs
miraculeusement misapprehension misappropriated misappropriates misappropriating misappropriation
misappropriations misinterpretation misinterpreting misrepresentation misrepresentations
misrepresenting misunderstanding misunderstandings monocotylédones morphologiquement
multiculturalisme multidisciplinaire multinationales multiplications multiprocessing mystérieusement
méditerranéenne méditerranéennes méthamphétamine méthodologiques méticuleusement métropolitaines
météorologiques mönchengladbach nanotechnologies nationalisation nearsightedness neighbourliness
neurochirurgien notwithstanding néerlandophones obligatoirement occasionnellement océanographique
officialisation oléoprotéagineux ophthalmologist ophthalmologists opérationnelles organisationnel
organisationnelle organoleptiques orthographiques oversimplification palaeontologist
palaeontologists paleontologists paléochrétienne parlementarisme particulièrement percussionniste
perfectionnement perpendiculaire perpendiculairement perpendiculaires perpétuellement
personification personifications personnalisation personnellement personnification pharmaceuticals
pharmaceutiques philanthropique philanthropiques philanthropists phosphorescence phosphorylation
photographiques photojournaliste phototypesetter photovoltaïques phylogénétiques physiopathologie
phytosanitaires phénoménologique pluridisciplinaire pluridisciplinaires plénipotentiaire
pornographiques postérieurement potentiellement predispositions pretentiousness prioritairement
procrastinating procrastination professionnalisation professionnalisme professionnelle
professionnellement professionnelles progressivement promotionnelles proportionality
proportionnalité proportionnelle proportionnellement protectionnisme protohistorique
préférentiellement présidentielles pseudoscorpions psychanalytique psychanalytiques psychologically
psychologiquement psychopathologie psychotherapies psychothérapeute quantitativement questionnements
quotidiennement raccourcissement radioprotection raisonnablement rationalisation rationalization
ravitaillements rebondissements recommandations recommendations reconciliations reconnaissables
reconnaissaient reconnaissances reconstitutions reconstructions refroidissement remarquablement
representations representatives représentations représentatives représentativité requalification
resourcefulness respectueusement resplendissante responsabilités responsibilities restructuration
restructurations retransmissions retrospectively revolutionaries revolutionising revolutionizing
régionalisation réglementations réinterprétation rétrospectivement révolutionnaire révolutionnaires
schématiquement scientifiquement scrupuleusement sensibilisation septentrionales significativement
silencieusement socioprofessionnelle specialisations specializations spirituellement spécialisations
standardisation standardization statistiquement straightforward straightforwardly straitjacketing
stratigraphique stratégiquement structurellement stylistiquement substantiellement superintendents
superstructures supplémentaires surexploitation sympathetically synchronisation synchronization
systématiquement sédentarisation tchécoslovaques tchécoslovaquie technologically technologiquement
telecommunications thermodynamique thermodynamiques titularisations totalitarianism traditionaliste
traditionalistes traditionnellement traditionnelles tranquillisants transatlantique transatlantiques
transcanadienne transcendantale transcontinental transfiguration transformateurs transformations
transfrontalier transfrontalière transliteration translittération transplantation transversalement
tridimensionnel tridimensionnelle trigonométriques turbocompresseur téléchargeables téléchargements
télécommunication télécommunications téléspectateurs unconditionally unconstitutional
uncontroversial underestimating underprivileged understatements unilatéralement unintentionally
universellement unrepresentative unsophisticated unsubstantiated unterseebootsflottille
verbandsgemeinde victorieusement vidéosurveillance vraisemblablement vulnerabilities échantillonnage
électrification électroacoustique électrochimique électromagnétique électromagnétiques
électromagnétisme électromécanique électrostatique électrotechnique émotionnellement épidémiologique
épidémiologiques épistémologique étymologiquement`
