package knowledge_test

import (
	"fmt"
	"testing/fstest"

	"github.com/infusionbot/infusionbot/knowledge"
)

func ExampleLoad() {
	fsys := fstest.MapFS{
		"lidocaine.md": {Data: []byte(`---
title: Lidocaine Infusions
source: clinic article
reviewed: 2026-11-23
---

# Lidocaine Infusions

## Potential Side Effects

While lidocaine infusions are generally safe, patients may experience:

- Mild dizziness or lightheadedness.
- Temporary nausea.

| Feature | Lidocaine Infusions |
|---|---|
| Typical Session Time | 30–60 minutes |
`)},
		"README.md": {Data: []byte("Notes for editors: never loaded.\n")},
	}
	docs, err := knowledge.Load(fsys)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range docs {
		fmt.Printf("%s: %s (%s)\n", d.Path, d.Title, d.Source)
		for _, s := range d.Sections {
			fmt.Printf("  #%s %q under %q\n", s.Anchor, s.Heading, s.Parents)
			for _, b := range s.Blocks {
				fmt.Printf("    line %d: %s\n", b.Line, b.Text)
			}
		}
	}

	_, err = knowledge.Load(fstest.MapFS{"broken.md": {Data: []byte("---\ntitle: Broken\n---\n| a | b |\n|---|---|\n| 1 |\n")}})
	fmt.Println(err)
	// Output:
	// lidocaine: Lidocaine Infusions (clinic article)
	//   #lidocaine-infusions "Lidocaine Infusions" under []
	//   #potential-side-effects "Potential Side Effects" under ["Lidocaine Infusions"]
	//     line 11: While lidocaine infusions are generally safe, patients may experience:
	//     line 13: Mild dizziness or lightheadedness.
	//     line 14: Temporary nausea.
	//     line 18: Typical Session Time | 30–60 minutes
	// broken.md:6: table row has 1 cell, the header has 2
}
