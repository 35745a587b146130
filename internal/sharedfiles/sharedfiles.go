// Package sharedfiles finds the material every developer has in ../shared
// beside the project (the articles as received, the dev set, the scorer),
// for the tests that check the project against it.
//
// A fresh clone has no ../shared, so the project keeps a copy in
// testdata/shared: the tests then run on the copy instead of skipping, and
// TestCopyIsCurrent (in this package) fails when the two differ, so the copy
// cannot drift unnoticed where ../shared exists.
package sharedfiles

import (
	"errors"
	"os"
	"path/filepath"
)

// Path returns the path of rel (slash-separated, "eval/dev.jsonl") in
// ../shared when that exists, else in the project's copy.
func Path(rel string) (string, error) {
	root, err := moduleRoot()
	if err != nil {
		return "", err
	}
	for _, dir := range []string{filepath.Join(root, "..", "shared"), filepath.Join(root, "testdata", "shared")} {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", errors.New(rel + ": neither in ../shared nor in testdata/shared")
}

// Copy returns the path of rel in the project's copy only.
func Copy(rel string) (string, error) {
	root, err := moduleRoot()
	if err != nil {
		return "", err
	}
	return filepath.Join(root, "testdata", "shared", filepath.FromSlash(rel)), nil
}

// Original returns the path of rel in ../shared, or "" when there is none.
func Original(rel string) string {
	root, err := moduleRoot()
	if err != nil {
		return ""
	}
	p := filepath.Join(root, "..", "shared", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

// moduleRoot is the nearest folder above the working directory holding go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}
