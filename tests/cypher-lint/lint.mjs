// Neo4j's own Cypher linter, offline: reads a JSON list of {query, parameters, labels?,
// relationshipTypes?, propertyKeys?} on stdin and prints, as JSON, one list of diagnostics
// ({severity, message, offsets}) per query, in the same order. Used by tests/test_cypher_lint.py.
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const items = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const results = items.map((item) => {
  const schema = { parameters: item.parameters ?? {} };
  for (const key of ['labels', 'relationshipTypes', 'propertyKeys']) {
    if (item[key]) schema[key] = item[key];
  }
  const { diagnostics } = lintCypherQuery(item.query, schema, { consoleCommandsEnabled: false });
  return diagnostics.map((d) => ({
    severity: d.severity,
    message: d.message,
    offsets: d.offsets,
  }));
});
process.stdout.write(JSON.stringify(results) + '\n');
