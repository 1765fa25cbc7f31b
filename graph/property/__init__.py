"""The property-graph side: the store's RDF projected to labelled nodes and relationships
(`projection`), every Cypher statement sent (`cypher`), the connection to Neo4j or FalkorDB
(`database`), `standpoint sync` (`sync`), the read commands answered from the graph database
(`dbread`: the same rows as `rdf.read`), and the CSV files of a neo4j-admin bulk import
(`neo4j_csv`). All of it reads the RDF store; none of it writes it.
"""
