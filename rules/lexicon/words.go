package lexicon

// Function words, most frequent first. They are written by hand because the
// segmenter leans on them twice: a glued run of prose almost always contains
// one (the guard that keeps long real words whole), and their rank here
// overrides the coarse frequency bands of the generated lists.
var functionWords = map[Lang][]string{
	EN: {
		"the", "of", "and", "to", "a", "in", "for", "is", "on", "that", "by",
		"with", "as", "at", "from", "or", "an", "be", "are", "was", "were", "it",
		"this", "which", "have", "has", "had", "not", "but", "all", "their",
		"its", "into", "over", "our", "my", "we", "i", "you", "he", "she",
		"they", "them", "his", "her", "been", "can", "will", "would", "should",
		"could", "may", "must", "than", "then", "so", "if", "while", "when",
		"where", "who", "whom", "whose", "also", "both", "each", "through",
		"between", "during", "after", "before", "about", "across", "within",
		"without", "via", "per", "such", "these", "those", "up", "out", "no",
		"nor", "any", "some", "more", "most", "other", "us", "do", "does",
		"did", "being", "there", "what", "how", "why", "among", "under",
		"upon", "towards", "toward", "against", "since", "until", "because",
		"although", "though", "whether", "either", "neither", "onto",
	},
	FR: {
		"de", "la", "le", "et", "les", "des", "en", "du", "un", "une", "à",
		"pour", "dans", "par", "sur", "au", "avec", "que", "qui", "est", "a",
		"aux", "ou", "se", "ne", "pas", "plus", "sont", "ce", "il", "elle",
		"nous", "vous", "ils", "elles", "on", "son", "sa", "ses", "leur",
		"leurs", "mon", "ma", "mes", "notre", "nos", "votre", "vos", "ces",
		"cette", "cet", "été", "être", "avoir", "ont", "était", "sans", "sous",
		"entre", "vers", "chez", "depuis", "pendant", "lors", "selon",
		"ainsi", "mais", "donc", "ni", "car", "comme", "dont", "où", "afin",
		"tout", "tous", "toute", "toutes", "y", "je", "me", "te", "lui",
		"auprès", "via", "puis", "dès", "parmi", "également", "aussi", "très",
		"lorsque", "puisque", "quand", "si", "contre", "avant", "après",
	},
}

// glueWords are the function words that count as evidence of glued prose.
// The others (a, is, at, ne, il, est) also begin or end many real words
// ("represent-at-ions", "civilisation-ne-le"): a split may use them, but
// they prove nothing on their own.
var glueWords = map[Lang][]string{
	EN: {
		"the", "and", "of", "to", "in", "for", "on", "with", "by", "from",
		"into", "over", "through", "between", "during", "within", "without",
		"across", "their", "our", "this", "that", "these", "those", "which",
		"was", "were", "has", "have", "been", "than", "when", "while",
		"also", "both", "each", "such", "about", "after", "before", "under",
	},
	FR: {
		"de", "des", "du", "la", "le", "les", "et", "en", "au", "aux", "pour",
		"dans", "par", "sur", "avec", "vers", "chez", "sous", "entre",
		"depuis", "pendant", "selon", "ainsi", "que", "qui", "dont", "afin",
		"une", "un", "leur", "leurs", "cette", "ces", "nos", "notre",
		"également", "auprès", "lors", "après", "avant",
	},
}

// oneLetterWords are the only one-letter segments a split may contain.
var oneLetterWords = map[Lang]map[string]bool{
	EN: {"a": true},
	FR: {"a": true, "à": true, "y": true},
}
