/**
 * The compatibility layer between GoogleSQL (BigQuery's standard SQL, what the tracker writes) and
 * DuckDB (what the emulator runs). Small on purpose: it rewrites only what differs in the statements
 * the tracker uses and refuses what it cannot translate faithfully, so a statement that would behave
 * differently on BigQuery fails here instead of passing. Each rule, with Google's page:
 *
 * | GoogleSQL | DuckDB | page (cloud.google.com/bigquery/docs/reference/standard-sql/...) |
 * |---|---|---|
 * | `` `project.dataset.table` `` (backticks, dotted path) | `"dataset"."table"` (the dataset is a DuckDB schema; a project other than the job's is refused) | lexical#table_names |
 * | `'a\nb'` (backslash escapes in string literals) | `E'a\nb'` | lexical#string_and_bytes_literals |
 * | `"text"` (a double-quoted STRING literal) | refused: DuckDB reads it as an identifier | lexical#string_and_bytes_literals |
 * | `STRING`, `INT64`, `FLOAT64`, `NUMERIC`, `BOOL`, `TIMESTAMP` (types: after AS in CAST, before a typed literal) | `VARCHAR`, `BIGINT`, `DOUBLE`, `DECIMAL(38,9)`, `BOOLEAN`, `TIMESTAMPTZ` | data-types |
 * | `SELECT * EXCEPT (c)` | `SELECT * EXCLUDE (c)` | query-syntax#select_except |
 * | `SAFE_CAST(x AS T)` | `TRY_CAST(x AS T)` | conversion_functions#safe_casting |
 * | `TO_HEX(SHA256(s))` | `(sha256(s))`: DuckDB's sha256 already returns lowercase hex; a bare `SHA256` (BYTES in BigQuery) or `TO_HEX` of anything else is refused | hash_functions#sha256 |
 * | several statements, `DECLARE`, `BEGIN`, procedural language | refused (the tracker sends one statement per job) | procedural-language |
 *
 * The same on both sides, passed through: SELECT / WITH / JOIN / GROUP BY / window functions
 * (ROW_NUMBER, LAG ... OVER), QUALIFY, COUNTIF, IFNULL, COALESCE, CREATE OR REPLACE VIEW / TABLE,
 * MERGE ... WHEN MATCHED / NOT MATCHED, INSERT, DELETE.
 */

const TYPES: Record<string, string> = {
  STRING: 'VARCHAR',
  INT64: 'BIGINT',
  FLOAT64: 'DOUBLE',
  NUMERIC: 'DECIMAL(38,9)',
  BOOL: 'BOOLEAN',
  TIMESTAMP: 'TIMESTAMPTZ',
};

/** A statement this layer does not translate (the message says what and why). */
export class CompatError extends Error {
  override name = 'CompatError';
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A backtick path as a DuckDB reference: [project.]dataset.table, or one name (a column, an alias). */
function tablePath(path: string, project: string, datasets: Set<string>): string {
  const parts = path.split('.');
  if (parts.some((p) => p === '')) throw new CompatError(`Unreadable name \`${path}\``);
  if (parts.length === 3) {
    if (parts[0] !== project)
      throw new CompatError(
        `The emulator reaches only the job's project (${project}), not ${parts[0]} (\`${path}\`)`,
      );
    parts.shift();
  }
  if (parts.length > 2) throw new CompatError(`Unreadable name \`${path}\``);
  if (parts.length === 2) datasets.add(parts[0]);
  return parts.map(quoteIdent).join('.');
}

export interface Translation {
  sql: string;
  /** The datasets the statement names (in backticks). */
  datasets: string[];
  /** The statement's first keyword (SELECT, WITH, MERGE, CREATE, INSERT, ...). */
  verb: string;
}

/** GoogleSQL -> DuckDB for one statement run in `project`. */
export function toDuckSql(sql: string, project: string): Translation {
  const datasets = new Set<string>();
  let out = '';
  let i = 0;
  const n = sql.length;
  const words: string[] = [];
  while (i < n) {
    const ch = sql[i];
    if (ch === '`') {
      const end = sql.indexOf('`', i + 1);
      if (end < 0) throw new CompatError('Unclosed backtick');
      let path = sql.slice(i + 1, end);
      i = end + 1;
      // `dataset`.`table` written in pieces
      while (sql[i] === '.' && sql[i + 1] === '`') {
        const next = sql.indexOf('`', i + 2);
        if (next < 0) throw new CompatError('Unclosed backtick');
        path += `.${sql.slice(i + 2, next)}`;
        i = next + 1;
      }
      out += tablePath(path, project, datasets);
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      let body = '';
      let escaped = false;
      while (j < n && sql[j] !== "'") {
        if (sql[j] === '\\') {
          escaped = true;
          body += sql.slice(j, j + 2);
          j += 2;
          continue;
        }
        body += sql[j++];
      }
      if (j >= n) throw new CompatError('Unclosed string literal');
      out += escaped ? `E'${body}'` : `'${body}'`;
      i = j + 1;
      continue;
    }
    if (ch === '"')
      throw new CompatError('Double-quoted string literals are not translated: use single quotes');
    if (ch === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? n : end;
      continue;
    }
    if (ch === ';') {
      if (sql.slice(i + 1).trim())
        throw new CompatError('One statement per job: the emulator runs no scripts');
      i = n;
      continue;
    }
    if (/[A-Za-z_]/.test(ch)) {
      let j = i;
      while (j < n && /[A-Za-z0-9_]/.test(sql[j])) j++;
      const word = sql.slice(i, j);
      const upper = word.toUpperCase();
      const prev = words[words.length - 1];
      words.push(upper);
      i = j;
      if (upper === 'DECLARE' || (upper === 'BEGIN' && words.length === 1))
        throw new CompatError(`${upper}: procedural language is not translated`);
      if (upper === 'TO_HEX') {
        const rest = /^\s*\(\s*SHA256\s*\(/i.exec(sql.slice(i));
        if (!rest) throw new CompatError('TO_HEX is translated only as TO_HEX(SHA256(...))');
        out += '(sha256(';
        i += rest[0].length;
        continue;
      }
      if (upper === 'SHA256') throw new CompatError('SHA256 returns BYTES: write TO_HEX(SHA256(...))');
      if (upper === 'SAFE_CAST') {
        out += 'TRY_CAST';
        continue;
      }
      if (upper === 'EXCEPT' && /\*\s*$/.test(out)) {
        out += 'EXCLUDE';
        continue;
      }
      // A type name where a type stands: after AS (CAST, SAFE_CAST) or before a typed literal
      // (TIMESTAMP '2026-03-02 ...'); elsewhere it is a name (a column called timestamp).
      if (TYPES[upper] && (prev === 'AS' || /^\s*'/.test(sql.slice(i)))) {
        out += TYPES[upper];
        continue;
      }
      out += word;
      continue;
    }
    out += ch;
    i++;
  }
  return { sql: out, datasets: [...datasets], verb: words[0] ?? '' };
}

/** BigQuery's legacy type name (the REST API's TableFieldSchema.type) of a DuckDB result column. */
export function bigQueryType(duckType: string): string {
  if (duckType === 'VARCHAR') return 'STRING';
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/.test(duckType))
    return 'INTEGER';
  if (/^DECIMAL/.test(duckType)) return 'NUMERIC';
  if (duckType === 'DOUBLE' || duckType === 'FLOAT') return 'FLOAT';
  if (duckType === 'BOOLEAN') return 'BOOLEAN';
  if (duckType === 'DATE') return 'DATE';
  if (/^TIMESTAMP/.test(duckType)) return 'TIMESTAMP';
  return 'STRING';
}

/** A BigQuery schema type (load configuration) as the DuckDB column type that holds it. */
export function duckType(bigQuery: string): string {
  const found = {
    STRING: 'VARCHAR',
    INTEGER: 'BIGINT',
    INT64: 'BIGINT',
    FLOAT: 'DOUBLE',
    FLOAT64: 'DOUBLE',
    NUMERIC: 'DECIMAL(38,9)',
    BOOLEAN: 'BOOLEAN',
    BOOL: 'BOOLEAN',
    DATE: 'DATE',
    TIMESTAMP: 'TIMESTAMPTZ',
  }[bigQuery.toUpperCase()];
  if (!found) throw new CompatError(`Field type ${bigQuery} is not emulated`);
  return found;
}
