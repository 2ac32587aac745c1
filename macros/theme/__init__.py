"""The only place that knows MkDocs' hooks and Material: wiring of the stages into a build."""
