package main

import (
	"context"
	"errors"
	"io"
)

func runServe(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	return errors.New("serve: not built yet")
}
