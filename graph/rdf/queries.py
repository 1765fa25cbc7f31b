"""Every SPARQL query the read commands run, by name. Values are bound by substitution, never pasted.

A discovered actor's facts are written into every entry graph that involves it, and the union of
graphs repeats them; the queries read such facts through DISTINCT subqueries, so a join meets each
fact once however many entries carry it.
"""

# An actor's name, once (a discovered actor's name is in every entry graph that involves it).
NAMES = "{ SELECT DISTINCT ?actor ?actorName WHERE { ?actor foaf:name ?actorName } }"

ISSUES = """
SELECT ?issue ?id ?label ?alias WHERE {
  ?issue a sp:Issue ; dcterms:identifier ?id ; skos:prefLabel ?label .
  OPTIONAL { ?issue skos:altLabel ?alias }
}"""

ACTOR_NAMES = """
SELECT ?actor ?id ?name ?alias WHERE {
  { SELECT DISTINCT ?actor ?name WHERE { ?actor foaf:name ?name } }
  { SELECT DISTINCT ?actor ?id WHERE { ?actor dcterms:identifier ?id } }
  OPTIONAL { SELECT DISTINCT ?actor ?alias WHERE { ?actor skos:altLabel ?alias } }
}"""

# Who held each role, when: one row per holding (and alias of the role), for roles named as actors.
ROLE_HOLDERS = """
SELECT DISTINCT ?id ?label ?alias ?actor ?name ?start ?end WHERE {
  { SELECT DISTINCT ?role ?id ?label WHERE { ?role a sp:Role ; dcterms:identifier ?id ; skos:prefLabel ?label } }
  OPTIONAL { SELECT DISTINCT ?role ?alias WHERE { ?role a sp:Role ; skos:altLabel ?alias } }
  { SELECT DISTINCT ?holder ?holding ?role WHERE { ?holder sp:holds ?holding . ?holding sp:role ?role } }
  { SELECT DISTINCT ?holder ?actor WHERE { ?holder sp:holds [] ; dcterms:identifier ?actor } }
  { SELECT DISTINCT ?holder ?name WHERE { ?holder sp:holds [] ; foaf:name ?name } }
  OPTIONAL { ?holding sp:startDate ?start }
  OPTIONAL { ?holding sp:endDate ?end }
}"""

ENTRIES = """
SELECT ?entry ?id ?title ?published ?source ?url ?speaker ?author ?order WHERE {
  ?entry a sp:Entry ; dcterms:identifier ?id ; dcterms:issued ?published .
  OPTIONAL { ?entry dcterms:title ?title }
  OPTIONAL { ?entry dcterms:source ?source }
  OPTIONAL { ?entry schema:url ?url }
  OPTIONAL { ?entry sp:speakerLabel ?speaker }
  OPTIONAL { SELECT DISTINCT ?entry ?author WHERE { ?entry schema:author/foaf:name ?author } }
  OPTIONAL { ?entry sp:position ?order }
}"""

ACTORS = """
SELECT ?actor ?id ?name ?type ?partyName ?alias ?roleLabel ?start ?end ?discovered ?externalId WHERE {
  { SELECT DISTINCT ?actor ?type WHERE { ?actor a ?type . VALUES ?type { foaf:Person foaf:Organization sp:Place } } }
  { SELECT DISTINCT ?actor ?id WHERE { ?actor dcterms:identifier ?id } }
  { SELECT DISTINCT ?actor ?name WHERE { ?actor foaf:name ?name } }
  OPTIONAL { SELECT DISTINCT ?actor ?partyName WHERE { ?actor sp:party/foaf:name ?partyName } }
  OPTIONAL { SELECT DISTINCT ?actor ?alias WHERE { ?actor skos:altLabel ?alias } }
  OPTIONAL { SELECT DISTINCT ?actor ?roleLabel ?start ?end WHERE {
             ?actor sp:holds ?holding . ?holding sp:role/skos:prefLabel ?roleLabel .
             OPTIONAL { ?holding sp:startDate ?start } OPTIONAL { ?holding sp:endDate ?end } } }
  OPTIONAL { SELECT DISTINCT ?actor ?discovered WHERE { ?actor sp:discovered ?discovered } }
  OPTIONAL { SELECT DISTINCT ?actor ?externalId WHERE { ?actor sp:externalId ?externalId } }
}"""

POSITIONS = """
SELECT ?position ?actor ?actorName ?issue ?issueId ?issueLabel ?issueSource ?stance ?count ?first
       ?last ?statement ?entryId ?published ?text ?statementStance ?confidence ?cue WHERE {
  ?position a sp:Position ; sp:actor ?actor ; sp:issue ?issue ; sp:stance ?stance ;
            sp:statementCount ?count ; sp:firstTime ?first ; sp:lastTime ?last ;
            sp:evidence ?statement .
  """ + NAMES + """
  ?issue dcterms:identifier ?issueId ; skos:prefLabel ?issueLabel .
  OPTIONAL { ?issue sp:issueSource ?issueSource }
  ?statement sp:text ?text ; sp:fromEntry ?entry ; sp:stance ?statementStance ;
             sp:confidence ?confidence .
  OPTIONAL { ?statement sp:cue ?cue }
  ?entry dcterms:identifier ?entryId ; dcterms:issued ?published .
}"""

# ?actor is the speaker (who said it), ?holder whose position it shows (the speaker, for one's own).
STATEMENTS = """
SELECT ?statement ?actor ?actorName ?holder ?holderName ?text ?kind ?entryId ?published ?issue
       ?issueId ?issueLabel ?stance ?confidence ?start WHERE {
  ?statement a sp:Statement ; sp:speaker ?actor ; sp:holder ?holder ; sp:text ?text ; sp:kind ?kind ;
             sp:fromEntry ?entry ; sp:spanStart ?start ; sp:confidence ?confidence .
  """ + NAMES + """
  { SELECT DISTINCT ?holder ?holderName WHERE { ?holder foaf:name ?holderName } }
  ?entry dcterms:identifier ?entryId ; dcterms:issued ?published .
  OPTIONAL { ?statement sp:about ?issue . ?issue dcterms:identifier ?issueId ;
             skos:prefLabel ?issueLabel . }
  OPTIONAL { ?statement sp:stance ?stance }
}"""

# The statements behind each actor's positions, in all (on ?issue, bound); ?derived is bound to
# the derived graph, where the positions are, so the other graphs are not read.
ACTOR_TOTALS = """
SELECT ?derived ?actor (SUM(?count) AS ?total) WHERE { GRAPH ?derived {
  ?position sp:actor ?actor ; sp:statementCount ?count .
} } GROUP BY ?derived ?actor"""

ACTOR_TOTALS_ON_ISSUE = """
SELECT ?derived ?issue ?actor (SUM(?count) AS ?total) WHERE { GRAPH ?derived {
  ?position sp:issue ?issue ; sp:actor ?actor ; sp:statementCount ?count .
} } GROUP BY ?derived ?issue ?actor"""

# How many actors have each total. It decodes no actor's IRI, which on a cold page cache is most
# of ACTOR_TOTALS' time (3,347 actors: 0.9 s of 1.5 s), so that a page reads the totals of only
# the actors it draws: ACTOR_TOTALS + at_least(n).
TOTALS_SPREAD = f"""
SELECT ?derived ?total (COUNT(*) AS ?actors) WHERE {{ {{ {ACTOR_TOTALS} }} }} GROUP BY ?derived ?total"""


def at_least(total: int) -> str:
    """What ACTOR_TOTALS appends to keep the actors with at least `total` statements."""
    return f" HAVING (SUM(?count) >= {int(total)})"


NETWORK_RELATIONS = """
SELECT ?from ?relation ?to WHERE {
  { ?from sp:party ?to . BIND("member_of" AS ?relation) }
  UNION { ?from sp:constituency ?to . BIND("constituency" AS ?relation) }
  UNION { ?from sp:locatedIn ?to . BIND("located_in" AS ?relation) }
}"""

ISSUE_PLACES = """
SELECT DISTINCT ?issue ?place WHERE {
  ?statement a sp:Statement ; sp:about ?issue ; sp:fromEntry ?entry .
  ?entry sp:mentions ?place . ?place a sp:Place .
}"""

# The actors and their party, for networks aggregated to parties (graph/analysis/discourse.py). Each triple
# may sit in many entry graphs, so every pattern is made DISTINCT before the join.
PARTIES = """
SELECT DISTINCT ?id WHERE { ?party a sp:PoliticalParty ; dcterms:identifier ?id . }"""

ACTOR_PARTIES = """
SELECT ?id ?name ?type ?partyName WHERE {
  { SELECT DISTINCT ?actor ?type WHERE { ?actor a ?type . VALUES ?type { foaf:Person foaf:Organization sp:Place } } }
  { SELECT DISTINCT ?actor ?id WHERE { ?actor dcterms:identifier ?id } }
  { SELECT DISTINCT ?actor ?name WHERE { ?actor foaf:name ?name } }
  OPTIONAL { SELECT DISTINCT ?actor ?partyName WHERE { ?actor sp:party/foaf:name ?partyName } }
}"""

# -- corrections (graph/corrections/correcting.py and command.py, graph/quality/review.py) --------

# The corrections the store has applied, in the order they were applied.
APPLIED_CORRECTIONS = """
SELECT ?id ?n WHERE { ?c a sp:Correction ; dcterms:identifier ?id ; sp:sequence ?n }"""

# The entry graphs each correction changed something in (an entry is sp:correctedBy it).
CORRECTED_ENTRIES = """
SELECT ?id ?g WHERE { GRAPH ?g { ?e a sp:Entry ; sp:correctedBy ?c } . ?c dcterms:identifier ?id }"""

CORRECTIONS_FILE = "SELECT ?path WHERE { ?c sp:correctionsFile ?path }"

# Statements an analyst checked: each correction that changed or confirmed one, with who made it.
CHECKED = """
SELECT ?statement ?entryId ?text ?holder ?issue ?id ?action ?by ?sequence WHERE {
  ?statement a sp:Statement ; sp:correctedBy ?c ; sp:fromEntry/dcterms:identifier ?entryId ;
             sp:text ?text ; sp:holder ?holder .
  OPTIONAL { ?statement sp:about ?issue }
  ?c dcterms:identifier ?id ; sp:action ?action ; sp:sequence ?sequence ;
     prov:wasAttributedTo/rdfs:label ?by .
}"""

# Every statement with what the review queue weighs: confidence, the span naming the speaker
# (and whether the speaker was discovered, not registered),
# where its issue comes from (sp:issueSource "found": found in the text), and whether an analyst
# checked it already.
REVIEW = """
SELECT ?statement ?entryId ?published ?speaker ?speakerName ?holder ?holderName ?text ?kind ?start
       ?end ?confidence ?issueId ?issueLabel ?issueSource ?stance ?sourceStart ?sourceEnd ?discovered
       ?checked WHERE {
  ?statement a sp:Statement ; sp:speaker ?speaker ; sp:holder ?holder ; sp:text ?text ; sp:kind ?kind ;
             sp:fromEntry ?entry ; sp:spanStart ?start ; sp:spanEnd ?end ; sp:confidence ?confidence .
  { SELECT DISTINCT ?speaker ?speakerName WHERE { ?speaker foaf:name ?speakerName } }
  { SELECT DISTINCT ?holder ?holderName WHERE { ?holder foaf:name ?holderName } }
  ?entry dcterms:identifier ?entryId ; dcterms:issued ?published .
  OPTIONAL { ?statement sp:about ?issue . ?issue dcterms:identifier ?issueId ; skos:prefLabel ?issueLabel .
             OPTIONAL { ?issue sp:issueSource ?issueSource } }
  OPTIONAL { ?statement sp:stance ?stance }
  OPTIONAL { ?statement sp:sourceStart ?sourceStart ; sp:sourceEnd ?sourceEnd }
  OPTIONAL { SELECT DISTINCT ?speaker ?discovered WHERE { ?speaker sp:discovered ?discovered } }
  BIND (EXISTS { ?statement sp:correctedBy ?c } AS ?checked)
}"""

ENTRY_BODY = "SELECT ?id ?body WHERE { ?entry dcterms:identifier ?id ; a sp:Entry ; sp:body ?body }"


# -- building (graph/rdf/build.py, graph/rdf/entry_input.py, graph/rdf/registry_state.py) ---------

# Each entry graph's content hash: what a rebuild compares to find the entries that changed.
STORED_HASHES = "SELECT ?g ?h WHERE { GRAPH ?g { ?x sp:contentHash ?h } }"

# Every statement's stance record, with the entry graph it is in: what positions are derived from.
STORED_STANCES = """
SELECT ?g ?s ?actor ?issue ?stance ?time ?form WHERE { GRAPH ?g {
  ?s a sp:Statement ; sp:holder ?actor ; sp:about ?issue ; sp:stance ?stance ; sp:time ?time
  OPTIONAL { ?s sp:issueForm ?form }
} }"""

# How many statements and positions the store holds.
COUNTS = """
SELECT (COUNT(DISTINCT ?s) AS ?n) (COUNT(DISTINCT ?p) AS ?m) WHERE {
  { ?s a sp:Statement } UNION { ?p a sp:Position } }"""

# The file (and line) each stored entry was read from.
ENTRY_ORIGINS = """
SELECT ?id ?file ?line WHERE {
  ?e a sp:Entry ; dcterms:identifier ?id ; sp:sourceFile ?file . OPTIONAL { ?e sp:sourceLine ?line } }"""

# Every stored entry with what extraction needs to read it again.
STORED_ENTRIES = """
SELECT ?id ?issued ?body ?title ?speaker ?source ?url ?label ?order ?file ?line ?input WHERE {
  ?e a sp:Entry ; dcterms:identifier ?id ; dcterms:issued ?issued ; sp:body ?body .
  OPTIONAL { ?e dcterms:title ?title } OPTIONAL { ?e sp:speakerLabel ?speaker }
  OPTIONAL { ?e dcterms:source ?source } OPTIONAL { ?e schema:url ?url }
  OPTIONAL { ?e sp:label ?label } OPTIONAL { ?e sp:position ?order }
  OPTIONAL { ?e sp:sourceFile ?file } OPTIONAL { ?e sp:sourceLine ?line }
  OPTIONAL { ?e sp:extractionInput ?input } }"""

# Every quad of one graph (?g is bound: the registry's graph).
GRAPH_QUADS = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"

# -- issues and the registry's suggestions (graph/rdf/issue_list.py, graph/quality/suggest.py) ----

ISSUE_STATEMENTS = """
SELECT ?id ?label ?source ?statement ?time WHERE {
  ?issue a sp:Issue ; dcterms:identifier ?id ; skos:prefLabel ?label .
  OPTIONAL { ?issue sp:issueSource ?source }
  OPTIONAL { ?statement sp:about ?issue ; sp:time ?time }
}"""

ISSUE_SIDES = """
SELECT ?id ?stance (COUNT(DISTINCT ?position) AS ?actors) WHERE {
  ?position a sp:Position ; sp:issue ?issue ; sp:stance ?stance .
  ?issue dcterms:identifier ?id .
} GROUP BY ?id ?stance"""

FOUND_ISSUES = """
SELECT ?id ?label ?alias WHERE {
  ?issue a sp:Issue ; sp:issueSource "found" ; dcterms:identifier ?id ; skos:prefLabel ?label .
  OPTIONAL { ?issue skos:altLabel ?alias }
}"""

DISCOVERED = """
SELECT DISTINCT ?id ?name ?type ?party ?alias ?role ?start ?end WHERE {
  ?actor sp:discovered true ; dcterms:identifier ?id ; foaf:name ?name ; a ?type .
  VALUES ?type { foaf:Person foaf:Organization }
  OPTIONAL { ?actor sp:party/dcterms:identifier ?party }
  OPTIONAL { ?actor skos:altLabel ?alias }
  OPTIONAL { ?actor sp:holds ?holding . ?holding sp:role/dcterms:identifier ?role .
             OPTIONAL { ?holding sp:startDate ?start } OPTIONAL { ?holding sp:endDate ?end } }
}"""
