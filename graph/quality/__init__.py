"""How good the store is, and what a person should look at first: SHACL validation of a graph
(`validate`) and of the whole store (`check`, for `standpoint validate`), scores against a gold
file written by people (`evaluate`), the review queue (`review`), and what the text introduced
that the registry lacks, as registry YAML (`suggest`, for `standpoint registry suggest`).
"""
