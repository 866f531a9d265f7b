import { migrate } from '@/db/migrate';
import { seed } from '@/db/seed';
import { seedDemoProcess } from '@/db/seed-demo-process';
import { openConfiguredDatabase } from '@/lib/db';

/**
 * `tsx scripts/db.ts migrate|seed|setup`: opens the database the environment
 * points at (PostgreSQL with DATABASE_URL, else the embedded one), applies
 * migrations and/or the demo data, and closes it again so the server can open it.
 */
const commands = ['migrate', 'seed', 'setup'] as const;
type Command = (typeof commands)[number];

function isCommand(value: string | undefined): value is Command {
  return commands.includes(value as Command);
}

async function main(command: Command): Promise<void> {
  const handle = await openConfiguredDatabase();
  try {
    if (command === 'migrate' || command === 'setup') {
      console.log(`Migrating the database (${handle.kind}: ${handle.location})…`);
      await migrate(handle);
    }
    if (command === 'seed' || command === 'setup') {
      console.log('Seeding the demo data…');
      await seed(handle.db);
      await seedDemoProcess(handle.db);
    }
  } finally {
    await handle.close();
  }
}

const command = process.argv[2];
if (!isCommand(command)) {
  console.error(`Usage: tsx scripts/db.ts ${commands.join('|')}`);
  process.exit(2);
}
main(command).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
