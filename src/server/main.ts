import { OrganisationFileError, readOrganisationFile } from '../cli/organisation-file.ts';
import { buildApp } from './app.ts';
import { ConfigError, configFromEnv } from './config.ts';
import { openDatabase } from './db/database.ts';
import { ScenarioShelf } from './scenario-shelf.ts';
import { SessionStore } from './session-store.ts';

/** `npm start`: serves the built app and runs group sessions, storing them in SQLite unless DATABASE_URL names PostgreSQL. */
async function main() {
  const config = configFromEnv(process.env);
  // Checked before anything is opened: a bad file stops the start and changes nothing.
  const organisation = readOrganisationFile(config.organisationFile);
  // Read now, and again whenever a file in the folder changes: no rebuild or restart to add a scenario.
  const shelf = new ScenarioShelf(config.scenariosDir, (line) => console.warn(line));
  shelf.watch();
  const store = new SessionStore(await openDatabase(config.database));
  const { app } = await buildApp({ store, shelf, config, organisation });
  const stop = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const address = await app.listen({ host: config.host, port: config.port });
  const where = config.database.kind === 'postgres' ? 'PostgreSQL' : config.database.file;
  console.log(
    `Upstander is running at ${address}/ (${shelf.catalogue.size} scenarios; sessions stored in ${where}; organisation from ${organisation.file}).`,
  );
  if (config.host === '127.0.0.1')
    console.log('Phones on your network cannot reach this address; start with HOST=0.0.0.0 to run a group session.');
}

main().catch((error) => {
  const told = error instanceof ConfigError || error instanceof OrganisationFileError;
  console.error(told ? `Cannot start: ${error.message}` : error);
  process.exit(1);
});
