// Command fieldset-oracle answers questions about managedFields fieldsV1 sets with
// structured-merge-diff's own fieldpath.Set, at the version kube-apiserver is built with (the one
// go.mod resolves). The tests compare kubepatch's FieldSet with it.
//
// It reads one JSON request per line on stdin and writes one JSON line per request on stdout, in
// order:
//
//	{"op":"union","a":{"f:spec":{}},"b":{"f:metadata":{}}}
//	{"result":"{\"f:metadata\":{},\"f:spec\":{}}"}
//
// "a" and "b" are fieldsV1 objects, read with Set.FromJSON from their exact text. Operations:
// roundtrip (a), union, intersection, difference, recursiveDifference, leaves (a) give the set's
// Set.ToJSON text, a string; string gives Set.String(); size a number; equals (a, b) and empty (a)
// a boolean. A request that cannot be answered (malformed fieldsV1, unknown op) gets
// {"error":"…"} instead, and the program goes on with the next line.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"sigs.k8s.io/structured-merge-diff/v4/fieldpath"
)

type request struct {
	Op string          `json:"op"`
	A  json.RawMessage `json:"a"`
	B  json.RawMessage `json:"b"`
}

type answered struct {
	Result any `json:"result"`
}

type refused struct {
	Error string `json:"error"`
}

func main() {
	in := bufio.NewReaderSize(os.Stdin, 1<<20)
	out := bufio.NewWriter(os.Stdout)
	encoder := json.NewEncoder(out)
	for {
		line, err := in.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			result, answerErr := answer(line)
			var reply any = answered{Result: result}
			if answerErr != nil {
				reply = refused{Error: answerErr.Error()}
			}
			if err := encoder.Encode(reply); err != nil {
				fail(err)
			}
			// Each reply is flushed at once: the caller may wait for it before sending more.
			if err := out.Flush(); err != nil {
				fail(err)
			}
		}
		if err == io.EOF {
			return
		}
		if err != nil {
			fail(err)
		}
	}
}

func answer(line []byte) (any, error) {
	var req request
	if err := json.Unmarshal(line, &req); err != nil {
		return nil, fmt.Errorf("request is not JSON: %w", err)
	}
	a, err := readSet("a", req.A)
	if err != nil {
		return nil, err
	}
	b := func() (*fieldpath.Set, error) { return readSet("b", req.B) }
	binary := func(op func(a, b *fieldpath.Set) *fieldpath.Set) (any, error) {
		other, err := b()
		if err != nil {
			return nil, err
		}
		return text(op(a, other))
	}
	switch req.Op {
	case "roundtrip":
		return text(a)
	case "union":
		return binary((*fieldpath.Set).Union)
	case "intersection":
		return binary((*fieldpath.Set).Intersection)
	case "difference":
		return binary((*fieldpath.Set).Difference)
	case "recursiveDifference":
		return binary((*fieldpath.Set).RecursiveDifference)
	case "leaves":
		return text(a.Leaves())
	case "size":
		return a.Size(), nil
	case "string":
		return a.String(), nil
	case "equals":
		other, err := b()
		if err != nil {
			return nil, err
		}
		return a.Equals(other), nil
	case "empty":
		return a.Empty(), nil
	default:
		return nil, fmt.Errorf("unknown op %q", req.Op)
	}
}

func readSet(name string, raw json.RawMessage) (*fieldpath.Set, error) {
	if len(raw) == 0 {
		return nil, fmt.Errorf("%q is missing", name)
	}
	set := &fieldpath.Set{}
	if err := set.FromJSON(bytes.NewReader(raw)); err != nil {
		return nil, fmt.Errorf("%q: %w", name, err)
	}
	return set, nil
}

func text(set *fieldpath.Set) (any, error) {
	serialized, err := set.ToJSON()
	if err != nil {
		return nil, err
	}
	return string(serialized), nil
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "fieldset-oracle:", err)
	os.Exit(1)
}
