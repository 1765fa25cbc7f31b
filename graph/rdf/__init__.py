"""The RDF side: the embedded Oxigraph store and everything that writes or reads it. `store` keeps
its generations, lock and crash safety; `triples` and `iris` are the one mapping from records to
the ontology; `build` turns sources into a new generation (with `entry_input`, `source_stats`,
`registry_state` and `found_issues`, and `cluster` to extract on Dask); `positions` derives an
actor's position on an issue from statements; `read` answers the read commands from the SPARQL of
`queries` and the index walks of `lookup`, with typed names resolved by `names`; `issue_list`,
`sparql` and `export` serve `standpoint issues`, `sparql` and `export`; `files` writes a file
whole or not at all.
"""
