package cli

import (
	"bytes"
	"errors"
	"flag"
	"regexp"
	"strings"

	"icm/backend/domain"
)

// Codes of a command line the flag package cannot read.
const (
	codeUnknownFlag domain.Code = "unknown_flag"   // a flag the command does not have
	codeFlagValue   domain.Code = "bad_flag_value" // a flag without its value, or with one of the wrong kind
)

func init() {
	messages[messageKey{codeUnknownFlag, ""}] = message{
		"Kommandoen kender ikke flaget {x}. Se de flag, den kender, herunder.",
		"The command does not know the flag {x}. See the flags it knows below."}
	messages[messageKey{codeFlagValue, ""}] = message{
		"Flaget {x} mangler sin værdi eller har en, der ikke kan bruges (fx ikke et tal). Se herunder, hvad flaget skal have.",
		"The flag {x} lacks its value or has one that cannot be used (not a number, for example). See below what the flag takes."}
}

// flagName finds the flag an error of the flag package is about (never the value given,
// which may be a path or worse).
var flagName = regexp.MustCompile(`(?:for flag |: )(-[^\s:]*)`)

// parseFlags parses args into fs. A wrong flag is named in the command's language with its
// code instead of the flag package's English line, and the command's usage follows; -h
// prints the usage. ok is false when the command must end with exit.
func parseFlags(fs *flag.FlagSet, args []string, io cliIO) (exit int, ok bool) {
	usage := fs.Usage
	var own bytes.Buffer // the flag package's own line, not printed
	fs.SetOutput(&own)
	fs.Usage = func() {}
	err := fs.Parse(args)
	fs.SetOutput(io.stderr)
	fs.Usage = usage
	if err == nil {
		return 0, true
	}
	if errors.Is(err, flag.ErrHelp) {
		fs.Usage()
		return 0, false
	}
	code, name := codeUnknownFlag, ""
	if m := flagName.FindStringSubmatch(err.Error()); m != nil {
		name = m[1]
	}
	if strings.HasPrefix(err.Error(), "flag needs an argument") || strings.HasPrefix(err.Error(), "invalid") {
		code = codeFlagValue
	}
	failCode(io, 2, code, "", name)
	fs.Usage()
	return 2, false
}
