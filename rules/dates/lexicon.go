package dates

// The grammar is one for both languages; everything language-specific lives
// in these tables. Words are stored folded (lower case, accents and
// apostrophe variants removed, see fold) so `Févr`, `fevr` and `FÉVR` are
// one entry.

// monthWords lists month names and their abbreviations. abbr selects the
// "Mon YYYY" format key rather than "Month YYYY".
var monthWords = []struct {
	word  string
	month int
	abbr  bool
}{
	{"january", 1, false}, {"jan", 1, true}, {"janvier", 1, false}, {"janv", 1, true},
	{"february", 2, false}, {"feb", 2, true}, {"fevrier", 2, false}, {"fevr", 2, true}, {"fev", 2, true},
	{"march", 3, false}, {"mar", 3, true}, {"mars", 3, false},
	{"april", 4, false}, {"apr", 4, true}, {"avril", 4, false}, {"avr", 4, true},
	{"may", 5, false}, {"mai", 5, false},
	{"june", 6, false}, {"jun", 6, true}, {"juin", 6, false},
	{"july", 7, false}, {"jul", 7, true}, {"juillet", 7, false}, {"juil", 7, true}, {"juill", 7, true},
	{"august", 8, false}, {"aug", 8, true}, {"aout", 8, false},
	{"september", 9, false}, {"sep", 9, true}, {"sept", 9, true}, {"septembre", 9, false},
	{"october", 10, false}, {"oct", 10, true}, {"octobre", 10, false},
	{"november", 11, false}, {"nov", 11, true}, {"novembre", 11, false},
	{"december", 12, false}, {"dec", 12, true}, {"decembre", 12, false},
}

// seasonWords maps seasons to the months they cover in the named year.
// Spring, summer and autumn follow the meteorological seasons of the
// northern hemisphere. Winter is the odd one: meteorological winter runs
// December to February and so straddles two years; a CV that says
// "Winter 2022" / "hiver 2022" almost always means the start of 2022, so
// winter YYYY is January–February of YYYY and December belongs to no season.
var seasonWords = []struct {
	word     string
	from, to int
}{
	{"spring", 3, 5}, {"printemps", 3, 5},
	{"summer", 6, 8}, {"ete", 6, 8},
	{"fall", 9, 11}, {"autumn", 9, 11}, {"automne", 9, 11},
	{"winter", 1, 2}, {"hiver", 1, 2},
}

// Word roles. A folded word can have several (French "a" is both the
// separator "à" and, once folded, a connector before "à ce jour").
const (
	rMonth      uint16 = 1 << iota
	rSeason            // spring, été…
	rSep               // to, until, à, au, jusqu'à… between two dates
	rAnd               // and, et: a separator only after between/entre
	rFrom              // from, de, du, d': a range follows
	rBetween           // between, entre: a range with "and"/"et" follows
	rSince             // since, depuis: an open range
	rArticle           // le, the: "depuis le 1er mars"
	rOrdinal           // st, nd, rd, th, er glued to a day number
	rOpen              // a one-word open end: present, now, aujourd'hui…
	rConnector         // words allowed between a separator and an open end: "– à ce jour"
	rStopBefore        // a following number is a quantity or a product version
	rStopAfter         // a preceding number is a quantity
	rPhrase            // only part of a multi-word open end
)

var sepWords = []string{"to", "until", "till", "til", "through", "thru", "a", "au", "jusqu'a", "jusqu'au", "jusqu'en", "jusqua"}
var andWords = []string{"and", "et"}
var fromWords = []string{"from", "de", "du", "d'"}
var betweenWords = []string{"between", "entre"}
var sinceWords = []string{"since", "depuis"}
var articleWords = []string{"le", "the"}
var ordinalWords = []string{"st", "nd", "rd", "th", "er"}
var connectorWords = []string{"a", "jusqu'a", "jusqua", "to", "until", "till", "up"}

// openEnds are the ways to say "still going". Multi-word entries are
// matched word by word after a separator.
var openEnds = [][]string{
	{"present"}, {"present", "day"}, {"now"}, {"current"}, {"currently"}, {"today"},
	{"ongoing"}, {"date"}, {"aujourd'hui"}, {"aujourdhui"}, {"auj"}, {"ce", "jour"},
	{"en", "cours"}, {"actuellement"}, {"maintenant"}, {"nos", "jours"}, {"actuel"},
	{"actuelle"}, {"now", "on"},
}

// stopBefore words turn the number after them into a quantity, a standard
// or a product version: "over 2000", "ISO 9001", "Windows 2000".
var stopBeforeWords = []string{
	"over", "than", "about", "around", "approximately", "approx", "environ", "nearly",
	"almost", "presque", "top", "port", "number", "numero", "no", "n", "iso", "iec", "rfc",
	"nf", "windows", "office", "server", "studio", "excel", "word", "outlook", "powerpoint",
	"autocad", "revit", "solidworks", "catia", "cc", "max", "sql", "version", "release",
	"build", "ref", "page", "pages", "p", "pp", "x", "fortune", "ecmascript", "es",
}

// stopAfter words turn the number before them into a count: "2000 users".
var stopAfterWords = []string{
	"users", "user", "utilisateurs", "utilisateur", "employees", "employes", "salaries",
	"people", "personnes", "clients", "customers", "servers", "serveurs", "machines",
	"postes", "lines", "lignes", "requests", "requetes", "members", "membres", "students",
	"etudiants", "eleves", "participants", "visitors", "visiteurs", "downloads",
	"telechargements", "stars", "commits", "tickets", "hours", "heures", "h", "km", "kg",
	"m", "mots", "words", "pages", "euros", "eur", "dollars", "usd", "k", "points", "pts",
	"ans", "years", "jours", "days", "hrs", "mb", "gb", "go", "mo", "tb", "fois", "times",
	"x", "units", "unites", "items", "articles", "references", "pieces", "sites",
}

// lexEntry is what the tokenizer attaches to a known word.
type lexEntry struct {
	roles    uint16
	month    int8
	abbr     bool
	from, to int8 // season months
}

var (
	lexicon  = map[string]int16{} // folded word -> index in lexEntries
	lexWords []string
	lex      []lexEntry
	// openEndIDs is openEnds with each word replaced by its lexicon index.
	openEndIDs [][]int16
)

func lexAdd(word string, roles uint16) int16 {
	id, ok := lexicon[word]
	if !ok {
		id = int16(len(lex))
		lexicon[word] = id
		lex = append(lex, lexEntry{})
		lexWords = append(lexWords, word)
	}
	lex[id].roles |= roles
	return id
}

func init() {
	for _, m := range monthWords {
		id := lexAdd(m.word, rMonth)
		lex[id].month = int8(m.month)
		lex[id].abbr = m.abbr
	}
	for _, s := range seasonWords {
		id := lexAdd(s.word, rSeason)
		lex[id].from, lex[id].to = int8(s.from), int8(s.to)
	}
	for _, g := range []struct {
		words []string
		role  uint16
	}{
		{sepWords, rSep}, {andWords, rAnd}, {fromWords, rFrom}, {betweenWords, rBetween},
		{sinceWords, rSince}, {articleWords, rArticle}, {ordinalWords, rOrdinal},
		{connectorWords, rConnector}, {stopBeforeWords, rStopBefore}, {stopAfterWords, rStopAfter},
	} {
		for _, w := range g.words {
			lexAdd(w, g.role)
		}
	}
	for _, p := range openEnds {
		ids := make([]int16, len(p))
		for i, w := range p {
			role := rPhrase
			if len(p) == 1 {
				role = rOpen
			}
			ids[i] = lexAdd(w, role)
		}
		openEndIDs = append(openEndIDs, ids)
	}
}
