/**
 * PropertiesService: string key/value stores per script, per document and per user. Limits as
 * documented: 9 KB per value, 500 KB per store (keys and values, UTF-8 bytes).
 */
import type { Runtime } from '../runtime';
import { Scopes, byteLength, exception, real, requireAuth } from './common';

type Properties = GoogleAppsScript.Properties.Properties;

export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;
export const PropertiesErrors = {
  valueTooLarge: 'Argument too large: value',
  quota: 'You have exceeded the property storage quota. Please remove some properties and try again.',
} as const;

/** All property stores of one script, by scope key ("script", "document:<id>", "user:<email>"). */
export class PropertyStores {
  private readonly stores = new Map<string, Map<string, string>>();
  store(key: string): Map<string, string> {
    let store = this.stores.get(key);
    if (!store) this.stores.set(key, (store = new Map()));
    return store;
  }
}

function storeSize(store: Map<string, string>): number {
  let size = 0;
  for (const [key, value] of store) size += byteLength(key) + byteLength(value);
  return size;
}

export class EmuProperties implements Pick<
  Properties,
  | 'getProperty'
  | 'setProperty'
  | 'getProperties'
  | 'setProperties'
  | 'deleteProperty'
  | 'deleteAllProperties'
  | 'getKeys'
> {
  constructor(
    private readonly rt: Runtime,
    private readonly store: Map<string, string>,
  ) {}

  /** Applies the writes all or nothing, after checking the limits on the result. */
  private write(entries: Array<[string, unknown]>, deleteAllOthers: boolean): void {
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.store);
    for (const [key, raw] of entries) {
      const value = String(raw);
      if (byteLength(value) > PROPERTY_VALUE_LIMIT) throw exception(PropertiesErrors.valueTooLarge);
      next.set(String(key), value);
    }
    if (storeSize(next) > PROPERTY_STORE_LIMIT) throw exception(PropertiesErrors.quota);
    this.store.clear();
    for (const [key, value] of next) this.store.set(key, value);
  }

  getProperty(key: string): string | null {
    return this.rt.call('Properties.getProperty', () => this.store.get(String(key)) ?? null);
  }
  /** Values are stored as strings: a number is stringified, as the real service does. */
  setProperty(key: string, value: string): Properties {
    return this.rt.call('Properties.setProperty', () => {
      this.write([[key, value]], false);
      return real<Properties>(this);
    });
  }
  /** A copy, not a live view. */
  getProperties(): { [key: string]: string } {
    return this.rt.call('Properties.getProperties', () => Object.fromEntries(this.store));
  }
  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): Properties {
    return this.rt.call('Properties.setProperties', () => {
      this.write(Object.entries(properties), deleteAllOthers);
      return real<Properties>(this);
    });
  }
  deleteProperty(key: string): Properties {
    return this.rt.call('Properties.deleteProperty', () => {
      this.store.delete(String(key));
      return real<Properties>(this);
    });
  }
  deleteAllProperties(): Properties {
    return this.rt.call('Properties.deleteAllProperties', () => {
      this.store.clear();
      return real<Properties>(this);
    });
  }
  getKeys(): string[] {
    return this.rt.call('Properties.getKeys', () => [...this.store.keys()]);
  }
}

export class EmuPropertiesService implements Pick<
  GoogleAppsScript.Properties.PropertiesService,
  'getScriptProperties' | 'getDocumentProperties' | 'getUserProperties'
> {
  constructor(
    private readonly rt: Runtime,
    private readonly stores: PropertyStores,
    private readonly documentId: () => string | null,
  ) {}

  getScriptProperties(): Properties {
    return this.rt.call('PropertiesService.getScriptProperties', () =>
      real<Properties>(new EmuProperties(this.rt, this.stores.store('script'))),
    );
  }
  /** null outside a document; refused in AuthMode.NONE. */
  getDocumentProperties(): Properties {
    return this.rt.call('PropertiesService.getDocumentProperties', () => {
      requireAuth(this.rt, 'PropertiesService.getDocumentProperties', Scopes.storage, ['LIMITED', 'FULL']);
      const id = this.documentId();
      if (id === null) return null as unknown as Properties;
      return real<Properties>(new EmuProperties(this.rt, this.stores.store(`document:${id}`)));
    });
  }
  /** The store of the effective user (a trigger's creator inside an installable trigger). */
  getUserProperties(): Properties {
    return this.rt.call('PropertiesService.getUserProperties', () => {
      requireAuth(this.rt, 'PropertiesService.getUserProperties', Scopes.storage, ['LIMITED', 'FULL']);
      return real<Properties>(
        new EmuProperties(this.rt, this.stores.store(`user:${this.rt.current().effectiveUser}`)),
      );
    });
  }
}
