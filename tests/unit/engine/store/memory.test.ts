import { createMemoryStore } from '@/engine/store/memory';
import { describeStoreContract } from '../../../integration/engine/support/store-contract';

describeStoreContract('memory', () =>
  Promise.resolve({ store: createMemoryStore(), close: () => Promise.resolve() }),
);
