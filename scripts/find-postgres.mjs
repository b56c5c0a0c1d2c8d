// Where the PostgreSQL test suites can run: PARLEY_TEST_PG_URL when set (then required), else the
// machine's own server on 127.0.0.1:5432 (database `test`) when one answers a real query.
import pg from 'pg';

export const DEFAULT_TEST_PG_URL = 'postgres://root@127.0.0.1:5432/test';

/** @returns {Promise<{ url: string | null; required: boolean; reason: string }>} */
export async function findPostgres(env = process.env) {
  const required = Boolean(env.PARLEY_TEST_PG_URL);
  const url = env.PARLEY_TEST_PG_URL || DEFAULT_TEST_PG_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { url, required, reason: 'answers' };
  } catch (error) {
    const where = new URL(url);
    where.password = '';
    return { url: null, required, reason: `${where} did not answer (${error.code ?? error.message})` };
  } finally {
    await client.end().catch(() => {});
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = await findPostgres();
  console.log(found.url ?? `none: ${found.reason}`);
  process.exit(found.url ? 0 : 1);
}
