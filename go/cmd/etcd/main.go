// Command etcd is the etcd server that the end-to-end suite runs beside kube-apiserver: the
// release Kubernetes 1.33 is built and tested with, compiled from its Go module.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
