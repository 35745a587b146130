package main

import (
	"errors"
	"flag"
	"slices"
)

// errHelpShown marks a --help whose usage was printed: not a failure, the
// person asked for it, so the exit code is 0 for every subcommand alike.
var errHelpShown = errors.New("help shown")

// parseFlags parses flags wherever they stand among the arguments and
// returns the positional ones in order, so that `search "how long" -k 1`
// means what it says instead of searching for "how long -k 1". Everything
// after "--" is positional (`ask -- "-5 degrees?"`).
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var after []string
	if i := slices.Index(args, "--"); i >= 0 {
		args, after = args[:i], args[i+1:]
	}
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, errHelpShown
			}
			return nil, errUsageShown
		}
		args = fs.Args()
		if len(args) == 0 {
			return append(positional, after...), nil
		}
		// Parse stopped at a positional argument: keep it, go on after it.
		positional = append(positional, args[0])
		args = args[1:]
	}
}
