import { client, type Client } from './http';
import {
  createClient,
  createStore,
  serve,
  type CreatedClient,
  type Served,
  type Store,
} from './cli';

export interface Fixture {
  store: Store;
  server: Served;
  clientA: CreatedClient;
  clientB: CreatedClient;
  adminKey: CreatedClient;
  a: Client;
  b: Client;
  admin: Client;
  anon: Client;
  close(): Promise<void>;
}

/** A `tessera serve` child on a fresh store, with two client keys and one admin key. */
export async function startFixture(): Promise<Fixture> {
  const store = await createStore();
  const [clientA, clientB, adminKey] = [
    await createClient(store, 'app-a'),
    await createClient(store, 'app-b'),
    await createClient(store, 'root', 'admin'),
  ];
  const server = await serve(store);
  return {
    store,
    server,
    clientA,
    clientB,
    adminKey,
    a: client(server.url, clientA.key),
    b: client(server.url, clientB.key),
    admin: client(server.url, adminKey.key),
    anon: client(server.url),
    async close() {
      await server.stop();
      await store.dispose();
    },
  };
}

let counter = 0;
/** A user id unique within the run, so tests never share replay or lock state. */
export function freshUser(prefix = 'user'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`;
}
