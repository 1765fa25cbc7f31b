"""Networks over the store's statements, and what is measured on them: the discourse networks of
`standpoint network` with their coalitions, bridges and polarisation (`discourse`), the network
`standpoint show` draws and `standpoint export` writes as GraphML or GEXF (`drawing`), and the
data of `standpoint report` (`report`). They read the store through `rdf`; none writes it.
"""
