module github.com/gotrace/gotrace

go 1.26.8

require (
	github.com/spf13/pflag v1.1.0
	github.com/stretchr/testify v1.12.1
	golang.org/x/sys v0.50.0
)

require (
	github.com/ianlancetaylor/demangle v0.0.0-20260724033716-83e58baca724 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
)
