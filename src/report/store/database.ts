import { randomBytes } from 'node:crypto';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { NORMALISE_STATEMENTS } from './normalise';

/**
 * The pilot's statements in one DuckDB file. DuckDB rather than SQLite: the report is a handful of
 * aggregations over every statement (GROUP BY, window functions, medians), which a columnar engine
 * runs in well under a second on a million rows; it reads JSON and NDJSON files itself, streaming,
 * and its npm package ships prebuilt binaries (no install script, which npm here would not run).
 * better-sqlite3, the SQLite choice, needs its install script; node:sqlite needs Node 22.
 *
 * Learners are stored only as pseudonyms (a salted hash of the actor's identifier; the salt lives in
 * this file and nowhere else), unless the sync was asked to --identify them.
 */
/**
 * Where a source's sync stands: everything stored up to `since` is in; a run in progress reads the
 * window (since, until] and `more` is the next page it has not read yet.
 */
export interface SyncState {
  since: string | null;
  until: string | null;
  more: string | null;
}

export class PilotDatabase {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    readonly salt: string,
  ) {}

  static async open(file: string): Promise<PilotDatabase> {
    // Bounded so a million-statement sync stays well inside 1 GB; insertion order is not needed (ids and times are).
    const instance = await DuckDBInstance.create(file, { threads: '2', memory_limit: '512MB', preserve_insertion_order: 'false' });
    const connection = await instance.connect();
    await connection.run(SCHEMA);
    const found = await connection.runAndReadAll(`SELECT value FROM meta WHERE key = 'salt'`);
    let salt = found.getRowObjectsJS()[0]?.value as string | undefined;
    if (!salt) {
      salt = randomBytes(16).toString('hex');
      await connection.run(`INSERT INTO meta VALUES ('salt', $salt)`, { salt });
    }
    return new PilotDatabase(instance, connection, salt);
  }

  /** Rows of a query as plain JS values (BIGINT counts become numbers: ours stay far below 2^53). */
  async rows<T = Record<string, unknown>>(sql: string, params: Record<string, string | number | boolean | null> = {}): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql, params as never);
    return reader.getRowObjectsJS().map((row) => {
      for (const k of Object.keys(row)) if (typeof row[k] === 'bigint') row[k] = Number(row[k]);
      return row as T;
    }) as T[];
  }

  /**
   * Moves what sits in `incoming` (raw statement JSON) into `statements`, normalised, keeping each
   * statement id once: a resent page or a second sync adds nothing. Returns how many were new.
   */
  async absorbIncoming(identify: boolean): Promise<number> {
    const before = await this.count();
    await this.connection.run(NORMALISE_STATEMENTS('incoming', identify), { salt: this.salt });
    await this.connection.run('DELETE FROM incoming');
    return (await this.count()) - before;
  }

  /** Loads a JSON array or NDJSON file of statements straight into `statements`. */
  async absorbFile(file: string, format: 'array' | 'newline_delimited', identify: boolean): Promise<number> {
    const before = await this.count();
    const source = `(SELECT json AS raw FROM read_json_objects($file, format = '${format}', maximum_object_size = 16777216))`;
    await this.connection.run(NORMALISE_STATEMENTS(source, identify), { salt: this.salt, file });
    return (await this.count()) - before;
  }

  async count(): Promise<number> {
    return (await this.rows<{ n: number }>('SELECT count(*) AS n FROM statements'))[0]!.n;
  }

  async getSyncState(source: string): Promise<SyncState> {
    const row = (await this.rows<SyncState>('SELECT since, until, more FROM sync_state WHERE source = $source', { source }))[0];
    return row ?? { since: null, until: null, more: null };
  }

  async setSyncState(source: string, state: SyncState): Promise<void> {
    await this.connection.run('INSERT OR REPLACE INTO sync_state VALUES ($source, $since, $until, $more)', { source, ...state });
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS sync_state (source VARCHAR PRIMARY KEY, since VARCHAR, until VARCHAR, more VARCHAR);
CREATE TABLE IF NOT EXISTS incoming (raw VARCHAR);
CREATE TABLE IF NOT EXISTS statements (
  id VARCHAR PRIMARY KEY,
  verb VARCHAR,          -- last segment of the verb IRI: answered, experienced, passed, voided…
  learner VARCHAR,       -- pseudonym
  name VARCHAR,          -- the actor's name, only when synced with --identify
  object VARCHAR,        -- object id (for voided: the voided statement's id)
  kind VARCHAR,          -- page | question | course
  ref VARCHAR,           -- page or question id, for kind page/question
  registration VARCHAR,
  lang VARCHAR,
  grp VARCHAR,           -- the learner's group: context team, group extension or grouping activity
  response VARCHAR,
  success BOOLEAN,
  scaled DOUBLE,
  ts TIMESTAMPTZ,
  stored TIMESTAMPTZ
);`;
