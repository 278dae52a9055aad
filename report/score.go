package report

import "github.com/cvlint/cvlint/rules"

// The quality score: 100 minus a penalty per finding, weighted by
// severity and capped per rule, so that one noisy rule (25 glued words in
// a CV pasted out of a PDF) costs at most ruleCap points and cannot by
// itself zero a CV. The README's "Quality score" section documents it;
// keep the two in step.
const (
	scoreMax   = 100
	ruleCap    = 25 // the most one rule can cost a file
	errorCost  = 10
	warnCost   = 4
	infoCost   = 1
	unreadable = 0 // the score of a file that could not be read or decoded
)

func severityCost(s rules.Severity) int {
	switch s {
	case rules.Error:
		return errorCost
	case rules.Warning:
		return warnCost
	case rules.Info:
		return infoCost
	}
	return 0
}

// Score rates one CV from 0 to 100. A file that could not be read scores
// 0: nobody can read it, a recruiter included. Findings of severity error
// cost more but do not zero the file on their own; the cap per rule keeps
// the score about how many kinds of problem a CV has as much as how many
// times each occurs.
func Score(f rules.FileResult) int {
	if f.Error != "" {
		return unreadable
	}
	perRule := map[string]int{}
	for _, d := range f.Diagnostics {
		perRule[d.Rule] += severityCost(d.Severity)
	}
	penalty := 0
	for _, p := range perRule {
		penalty += min(p, ruleCap)
	}
	return max(0, scoreMax-penalty)
}

// AverageScore is the mean score of a run's files, rounded half up; 100
// for a run without files.
func AverageScore(run *Run) int {
	if len(run.Files) == 0 {
		return scoreMax
	}
	sum := 0
	for _, f := range run.Files {
		sum += Score(f)
	}
	n := len(run.Files)
	return (2*sum + n) / (2 * n)
}
