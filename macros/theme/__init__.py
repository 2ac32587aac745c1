"""The only place that knows MkDocs' hooks and our page template: wiring of the stages into a build."""
