package main

import (
	"fmt"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
)

// benchItem is the document type of the bench's MergeItem inputs (bench/mergeItemInputs.ts). It
// carries the JSON names and patch tags of apimachinery's test type MergeItem
// (k8s.io/apimachinery/pkg/util/strategicpatch/patch_test.go), which is not importable from a
// _test.go file: name, value and other are scalars; mergingList is merged by name; mergingIntList
// is a merged list of scalars; nonMergingList and nonMergingIntList are replaced whole; simpleMap
// is a map of strings. MergeItem's pointer, raw-extension and retainKeys fields are left out: the
// bench documents do not use them, and a field the documents never hold changes nothing Go does.
// The kubepatch side describes the same type with PatchSchema.fromTable.
type benchItem struct {
	Key         string            `json:"name,omitempty"`
	Text        string            `json:"value,omitempty"`
	Note        string            `json:"other,omitempty"`
	Children    []benchItem       `json:"mergingList,omitempty" patchStrategy:"merge" patchMergeKey:"name"`
	Replaced    []benchItem       `json:"nonMergingList,omitempty"`
	Numbers     []int             `json:"mergingIntList,omitempty" patchStrategy:"merge"`
	PlainInts   []int             `json:"nonMergingIntList,omitempty"`
	Annotations map[string]string `json:"simpleMap,omitempty"`
}

// dataStructFor is the value whose struct tags give Go's strategic merge patch its patch
// metadata: the typed object of the document's kind, the dataStruct Go callers pass. The bench
// names the type explicitly ("apps/v1.Deployment", …): a document's apiVersion and kind would not
// name MergeItem, which has neither.
func dataStructFor(name string) (any, error) {
	switch name {
	case "apps/v1.Deployment":
		return &appsv1.Deployment{}, nil
	case "apps/v1.StatefulSet":
		return &appsv1.StatefulSet{}, nil
	case "core/v1.Pod":
		return &corev1.Pod{}, nil
	case "core/v1.ConfigMap":
		return &corev1.ConfigMap{}, nil
	case "MergeItem":
		return &benchItem{}, nil
	}
	return nil, fmt.Errorf("no Go type %q (known: apps/v1.Deployment, apps/v1.StatefulSet, core/v1.Pod, core/v1.ConfigMap, MergeItem)", name)
}
