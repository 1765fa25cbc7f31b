"""The knowledge graph: the RDF store and everything built on it, one sub-package per role.

`rdf` is the store and what writes and reads it (the build, the read commands, export);
`property` projects it to a property graph for Neo4j and FalkorDB; `analysis` makes networks of
its statements and measures them; `quality` validates, evaluates and queues it for review;
`corrections` keeps analysts' corrections and applies them. The README's "Map of the code"
follows a command to the store.
"""
