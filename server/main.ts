// Entry point: `node --import tsx server/main.ts`. Reads the environment, opens and migrates
// the database (SQLite, or PostgreSQL for a postgres:// PARLEY_DB), seeds the demo thread in demo mode, and serves until SIGINT/SIGTERM.
import { createParleyServer } from './app.js';
import { ConfigError, configFromEnv, DEMO_ADMIN_TOKEN, DEMO_JWT_SECRET } from './config.js';
import { seedDemo } from './seed.js';
import { gracefulShutdown } from './shutdown.js';
import { describeStore, openStore, StoreOpenError } from './open-store.js';

async function main(): Promise<void> {
  let config;
  try {
    config = configFromEnv(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`parley: ${error.message}`);
    process.exit(2);
  }
  let store;
  try {
    store = await openStore(config);
  } catch (error) {
    if (!(error instanceof StoreOpenError)) throw error;
    console.error(`parley: ${error.message}`);
    process.exit(1);
  }
  if (config.demo && (await seedDemo(store))) console.log('parley: seeded the demo thread "demo-article"');
  const server = createParleyServer({ config, store });
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(`parley: cannot listen on port ${config.port}: ${error.code ?? error.message}`);
    process.exit(1);
  });
  server.listen(config.port, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    console.log(`parley: listening on http://localhost:${port}/ (database ${describeStore(config.dbPath)})`);
    if (config.demo) {
      console.log('parley: DEMO MODE — persona tokens at POST /demo/token; not for production.');
      console.log(`parley: demo JWT secret: ${DEMO_JWT_SECRET}`);
      console.log(`parley: demo admin token: ${DEMO_ADMIN_TOKEN}`);
    }
  });
  let stopping = false;
  // Ctrl-C reaches both `npm start`'s wrapper and this process, and the wrapper forwards it:
  // the second signal must not cut the graceful close short.
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void gracefulShutdown(server, store, config.shutdownGraceMs, console.error).then((code) => process.exit(code));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();
