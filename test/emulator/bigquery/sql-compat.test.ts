/**
 * The GoogleSQL -> DuckDB compatibility layer (emulator/bigquery/sql-compat.ts): each rule, and what
 * it refuses rather than translate unfaithfully. Pages: cloud.google.com/bigquery/docs/reference/standard-sql/
 * lexical (names, literals), data-types, query-syntax#select_except, hash_functions#sha256.
 */
import { DuckEngine } from '../../../emulator/bigquery/engine';
import { CompatError, toDuckSql } from '../../../emulator/bigquery/sql-compat';

const sql = (text: string) => toDuckSql(text, 'acme-data').sql;

describe('GoogleSQL to DuckDB', () => {
  it('turns backtick paths into schema.table, checking the project, and lists the datasets', () => {
    expect(
      toDuckSql('SELECT * FROM `acme-data.tracker.leads` l JOIN `tracker`.`partners` p ON TRUE', 'acme-data'),
    ).toEqual({
      sql: 'SELECT * FROM "tracker"."leads" l JOIN "tracker"."partners" p ON TRUE',
      datasets: ['tracker'],
      verb: 'SELECT',
    });
    expect(() => sql('SELECT * FROM `other.tracker.leads`')).toThrow(CompatError);
  });

  it('keeps backslash escapes of string literals (E strings) and refuses double-quoted strings', () => {
    expect(sql("SELECT CONCAT(a, '\\n', b)")).toBe("SELECT CONCAT(a, E'\\n', b)");
    expect(sql("SELECT 'it''s'")).toBe("SELECT 'it''s'");
    expect(() => sql('SELECT "text"')).toThrow(/Double-quoted/);
  });

  it('renames types where a type stands, not columns named like one', () => {
    expect(sql('SELECT CAST(x AS INT64), SAFE_CAST(y AS NUMERIC), timestamp FROM t')).toBe(
      'SELECT CAST(x AS BIGINT), TRY_CAST(y AS DECIMAL(38,9)), timestamp FROM t',
    );
    expect(sql("SELECT TIMESTAMP '2026-03-02 09:00:00+00'")).toBe(
      "SELECT TIMESTAMPTZ '2026-03-02 09:00:00+00'",
    );
  });

  it('translates SELECT * EXCEPT and TO_HEX(SHA256(...)), refusing a bare SHA256', () => {
    expect(sql('SELECT * EXCEPT (rn) FROM t')).toBe('SELECT * EXCLUDE (rn) FROM t');
    expect(sql("SELECT TO_HEX(SHA256(CONCAT(a, 'b')))")).toBe("SELECT (sha256(CONCAT(a, 'b')))");
    expect(() => sql('SELECT SHA256(a)')).toThrow(/BYTES/);
  });

  it('refuses scripts: several statements, DECLARE', () => {
    expect(() => sql('SELECT 1; SELECT 2')).toThrow(/One statement/);
    expect(() => sql('DECLARE x INT64')).toThrow(/procedural/);
    expect(sql('SELECT 1;')).toBe('SELECT 1');
  });

  it('gives the same hex SHA-256 on DuckDB as BigQuery documents TO_HEX(SHA256()) to give', () => {
    const engine = new DuckEngine();
    try {
      // SHA-256("abc"), the FIPS 180-2 test vector
      expect(engine.run(sql("SELECT TO_HEX(SHA256('abc'))")).rows).toEqual([
        ['ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
      ]);
    } finally {
      engine.close();
    }
  });
});
