import { createMemoryStore } from '@/engine/store/memory';
import { createPostgresStore } from '@/engine/store/postgres';
import { freshDatabase } from '../support/database';
import { describeStoreContract } from './support/store-contract';

describeStoreContract('memory', () =>
  Promise.resolve({ store: createMemoryStore(), close: () => Promise.resolve() }),
);

describeStoreContract(process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite', async () => {
  const database = await freshDatabase();
  return { store: createPostgresStore(database.db), close: () => database.close() };
});
