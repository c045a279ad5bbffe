//go:build tools

// Package harness pins the Go programs the tests build: kube-apiserver comes from the
// k8s.io/kubernetes module itself (built with `go build k8s.io/kubernetes/cmd/kube-apiserver`).
package harness

import _ "k8s.io/kubernetes/cmd/kube-apiserver"
