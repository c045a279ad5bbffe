// Command smd-oracle runs structured-merge-diff's own merge.Updater (Apply and Update, with
// managers, conflicts and pruning), at the version go.mod resolves, so that the tests can compare
// kubepatch's port of it with the original, in-process and offline.
//
// It reads one JSON request per line on stdin and writes one JSON line per request on stdout, in
// order:
//
//	{"op":"apply","schema":{"types":[…]},"typeName":"root","live":null,"config":{"a":1},
//	 "apiVersion":"v1","managers":[],"manager":"m","force":false}
//	{"object":{"a":1},"managers":[{"name":"m","apiVersion":"v1","applied":true,"fieldsV1":"{\"f:a\":{}}"}]}
//
// "schema" is a schema.Schema (the YAML schema of structured-merge-diff, written as JSON), read by
// typed.NewParser; "typeName" names the root type. With "schemaId", the schema is sent once and
// named by that id afterwards (a built-in table is large). "op" is "apply" (with "config" and
// "force"), "update" (with "next") or "reconcile" (only what the Updater does first: each
// manager's set reconciled with the schema, as reconcileManagedFieldsWithSchemaChanges does; the
// object is the live one). "managers" are the managed field sets before the operation, each with
// its fieldsV1 object. "ignored" (optional) is a fieldsV1 object, the Updater's IgnoredFields at
// "apiVersion" and at every manager's version (a resource's reset fields are the same at each
// version). The live object and an update's next object are read as the API server reads them,
// allowing duplicates in sets and associative lists; an applied config is not.
//
// The answer has the merged object ("noop": true when Apply returned nil) and the managers after
// the operation, sorted by name, their fieldsV1 as Set.ToJSON text; or "conflicts" (manager, path
// as Path.String() and as the fieldsV1 text of a set of that one path); or "error". The converter
// converts nothing, as the one of structured-merge-diff's test fixture: every version is the one
// schema.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"

	"sigs.k8s.io/structured-merge-diff/v4/fieldpath"
	"sigs.k8s.io/structured-merge-diff/v4/merge"
	"sigs.k8s.io/structured-merge-diff/v4/typed"
)

type managerJSON struct {
	Name       string          `json:"name"`
	APIVersion string          `json:"apiVersion"`
	Applied    bool            `json:"applied"`
	FieldsV1   json.RawMessage `json:"fieldsV1"`
}

type request struct {
	Op         string          `json:"op"`
	Schema     json.RawMessage `json:"schema"`
	SchemaID   string          `json:"schemaId"`
	TypeName   string          `json:"typeName"`
	Live       json.RawMessage `json:"live"`
	Config     json.RawMessage `json:"config"`
	Next       json.RawMessage `json:"next"`
	APIVersion string          `json:"apiVersion"`
	Managers   []managerJSON   `json:"managers"`
	Manager    string          `json:"manager"`
	Force      bool            `json:"force"`
	Ignored    json.RawMessage `json:"ignored"`
}

type conflictJSON struct {
	Manager string `json:"manager"`
	Path    string `json:"path"`
	PathSet string `json:"pathSet"`
}

type reply struct {
	Object    any            `json:"object,omitempty"`
	Noop      bool           `json:"noop,omitempty"`
	Managers  []managerOut   `json:"managers,omitempty"`
	Conflicts []conflictJSON `json:"conflicts,omitempty"`
	Error     string         `json:"error,omitempty"`
}

type managerOut struct {
	Name       string `json:"name"`
	APIVersion string `json:"apiVersion"`
	Applied    bool   `json:"applied"`
	FieldsV1   string `json:"fieldsV1"`
}

// sameVersion converts nothing: every version is the same type.
type sameVersion struct{}

func (sameVersion) Convert(v *typed.TypedValue, _ fieldpath.APIVersion) (*typed.TypedValue, error) {
	return v, nil
}
func (sameVersion) IsMissingVersionError(error) bool { return false }

// Parsers are cached: a random history sends the same schema many times. Those sent with an id
// are kept; those keyed by their text are forgotten after a while.
var (
	namedParsers = map[string]*typed.Parser{}
	textParsers  = map[string]*typed.Parser{}
)

func main() {
	in := bufio.NewReaderSize(os.Stdin, 1<<20)
	out := bufio.NewWriter(os.Stdout)
	encoder := json.NewEncoder(out)
	for {
		line, err := in.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			answer, answerErr := run(line)
			if answerErr != nil {
				answer = reply{Error: answerErr.Error()}
			}
			if err := encoder.Encode(answer); err != nil {
				fail(err)
			}
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

func run(line []byte) (reply, error) {
	var req request
	if err := json.Unmarshal(line, &req); err != nil {
		return reply{}, fmt.Errorf("request is not JSON: %w", err)
	}
	cache, key := namedParsers, req.SchemaID
	if key == "" {
		cache, key = textParsers, string(req.Schema)
	}
	parser, ok := cache[key]
	if !ok {
		if len(req.Schema) == 0 {
			return reply{}, fmt.Errorf("schema %q was never sent", req.SchemaID)
		}
		var err error
		if parser, err = typed.NewParser(typed.YAMLObject(req.Schema)); err != nil {
			return reply{}, err
		}
		if len(textParsers) > 1000 {
			clear(textParsers)
		}
		cache[key] = parser
	}
	pt := parser.Type(req.TypeName)
	live, err := typedValue(pt, req.Live, typed.AllowDuplicates)
	if err != nil {
		return reply{}, fmt.Errorf("live: %w", err)
	}
	managers := fieldpath.ManagedFields{}
	for _, m := range req.Managers {
		set, err := readSet(m.FieldsV1)
		if err != nil {
			return reply{}, fmt.Errorf("manager %q: %w", m.Name, err)
		}
		managers[m.Name] = fieldpath.NewVersionedSet(set, fieldpath.APIVersion(m.APIVersion), m.Applied)
	}
	updater := &merge.Updater{Converter: sameVersion{}}
	if len(req.Ignored) > 0 && string(req.Ignored) != "null" {
		ignored, err := readSet(req.Ignored)
		if err != nil {
			return reply{}, fmt.Errorf("ignored: %w", err)
		}
		// The same fields at every version, as a strategy's reset fields are for a resource.
		updater.IgnoredFields = map[fieldpath.APIVersion]*fieldpath.Set{fieldpath.APIVersion(req.APIVersion): ignored}
		for _, m := range req.Managers {
			updater.IgnoredFields[fieldpath.APIVersion(m.APIVersion)] = ignored
		}
	}
	version := fieldpath.APIVersion(req.APIVersion)
	var object *typed.TypedValue
	switch req.Op {
	case "apply":
		config, err := typedValue(pt, req.Config)
		if err != nil {
			return reply{}, fmt.Errorf("config: %w", err)
		}
		object, managers, err = updater.Apply(live, config, version, managers, req.Manager, req.Force)
		if err != nil {
			var conflicts merge.Conflicts
			if errors.As(err, &conflicts) {
				return conflictReply(conflicts)
			}
			return reply{}, err
		}
	case "update":
		next, err := typedValue(pt, req.Next, typed.AllowDuplicates)
		if err != nil {
			return reply{}, fmt.Errorf("next: %w", err)
		}
		if object, managers, err = updater.Update(live, next, version, managers, req.Manager); err != nil {
			return reply{}, err
		}
	case "reconcile":
		// Only Updater's first step: every manager's set reconciled with the schema of live.
		for name, set := range managers {
			reconciled, err := typed.ReconcileFieldSetWithSchema(set.Set(), live)
			if err != nil {
				return reply{}, err
			}
			if reconciled != nil {
				managers[name] = fieldpath.NewVersionedSet(reconciled, set.APIVersion(), set.Applied())
			}
		}
		object = live
	default:
		return reply{}, fmt.Errorf("unknown op %q", req.Op)
	}
	answer := reply{Noop: object == nil}
	if object != nil {
		answer.Object = object.AsValue().Unstructured()
	}
	for name, set := range managers {
		text, err := set.Set().ToJSON()
		if err != nil {
			return reply{}, err
		}
		answer.Managers = append(answer.Managers, managerOut{name, string(set.APIVersion()), set.Applied(), string(text)})
	}
	sort.Slice(answer.Managers, func(i, j int) bool { return answer.Managers[i].Name < answer.Managers[j].Name })
	return answer, nil
}

func conflictReply(conflicts merge.Conflicts) (reply, error) {
	answer := reply{Conflicts: []conflictJSON{}}
	for _, c := range conflicts {
		text, err := fieldpath.NewSet(c.Path).ToJSON()
		if err != nil {
			return reply{}, err
		}
		answer.Conflicts = append(answer.Conflicts, conflictJSON{c.Manager, c.Path.String(), string(text)})
	}
	return answer, nil
}

// typedValue reads a JSON value as the API server does (integers as int64, other numbers as
// float64) and types it with the schema; null and absent are a null value.
func typedValue(pt typed.ParseableType, raw json.RawMessage, opts ...typed.ValidationOptions) (*typed.TypedValue, error) {
	var v any
	if len(raw) > 0 {
		decoder := json.NewDecoder(bytes.NewReader(raw))
		decoder.UseNumber()
		if err := decoder.Decode(&v); err != nil {
			return nil, err
		}
	}
	return pt.FromUnstructured(numbers(v), opts...)
}

func numbers(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			v[k] = numbers(e)
		}
	case []any:
		for i, e := range v {
			v[i] = numbers(e)
		}
	case json.Number:
		if i, err := strconv.ParseInt(string(v), 10, 64); err == nil {
			return i
		}
		f, _ := strconv.ParseFloat(string(v), 64)
		return f
	}
	return v
}

func readSet(raw json.RawMessage) (*fieldpath.Set, error) {
	set := &fieldpath.Set{}
	if err := set.FromJSON(bytes.NewReader(raw)); err != nil {
		return nil, err
	}
	return set, nil
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "smd-oracle:", err)
	os.Exit(1)
}
