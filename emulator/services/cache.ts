/**
 * CacheService: per script, document and user; entries expire on the simulated clock. Limits as
 * documented: keys up to 250 characters, values up to 100 KB, expiry at most 6 hours (longer is
 * capped), default 10 minutes, at most 1,000 entries per cache (the oldest go first).
 */
import type { Runtime } from '../runtime';
import { byteLength, exception, real } from './common';

type Cache = GoogleAppsScript.Cache.Cache;

export const CACHE_VALUE_LIMIT = 100 * 1024;
export const CACHE_KEY_LIMIT = 250;
export const CACHE_MAX_SECONDS = 21600;
export const CACHE_DEFAULT_SECONDS = 600;
export const CACHE_MAX_ENTRIES = 1000;

interface Entry {
  value: string;
  expiresAtMs: number;
}

export class CacheStores {
  private readonly caches = new Map<string, Map<string, Entry>>();
  cache(key: string): Map<string, Entry> {
    let cache = this.caches.get(key);
    if (!cache) this.caches.set(key, (cache = new Map()));
    return cache;
  }
  /** Test bed: the cache drops everything early, as the real one may. */
  evictAll(): void {
    for (const cache of this.caches.values()) cache.clear();
  }
}

export class EmuCache implements Pick<Cache, 'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll'> {
  constructor(
    private readonly rt: Runtime,
    private readonly entries: Map<string, Entry>,
  ) {}

  private checkKey(key: string): string {
    const k = String(key);
    if (k.length > CACHE_KEY_LIMIT) throw exception('Argument too large: key');
    return k;
  }
  private read(key: string): string | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAtMs <= this.rt.nowMillis()) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }
  private writeAll(values: Array<[string, unknown]>, expirationInSeconds: number): void {
    const seconds = Math.min(Math.max(1, Math.floor(expirationInSeconds)), CACHE_MAX_SECONDS);
    const checked = values.map(([key, raw]): [string, string] => {
      const value = String(raw);
      if (byteLength(value) > CACHE_VALUE_LIMIT) throw exception('Argument too large: value');
      return [this.checkKey(key), value];
    });
    for (const [key, value] of checked) {
      this.entries.delete(key);
      this.entries.set(key, { value, expiresAtMs: this.rt.nowMillis() + seconds * 1000 });
    }
    while (this.entries.size > CACHE_MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  get(key: string): string | null {
    return this.rt.call('Cache.get', () => this.read(this.checkKey(key)));
  }
  /** Only the keys found, as an object. */
  getAll(keys: string[]): { [key: string]: string } {
    return this.rt.call('Cache.getAll', () => {
      const found: Record<string, string> = {};
      for (const key of keys) {
        const value = this.read(this.checkKey(key));
        if (value !== null) found[key] = value;
      }
      return found;
    });
  }
  put(key: string, value: string, expirationInSeconds = CACHE_DEFAULT_SECONDS): void {
    this.rt.call('Cache.put', () => this.writeAll([[key, value]], expirationInSeconds));
  }
  putAll(values: { [key: string]: unknown }, expirationInSeconds = CACHE_DEFAULT_SECONDS): void {
    this.rt.call('Cache.putAll', () => this.writeAll(Object.entries(values), expirationInSeconds));
  }
  remove(key: string): void {
    this.rt.call('Cache.remove', () => void this.entries.delete(this.checkKey(key)));
  }
  removeAll(keys: string[]): void {
    this.rt.call('Cache.removeAll', () => {
      for (const key of keys) this.entries.delete(this.checkKey(key));
    });
  }
}

export class EmuCacheService implements Pick<
  GoogleAppsScript.Cache.CacheService,
  'getScriptCache' | 'getDocumentCache' | 'getUserCache'
> {
  constructor(
    private readonly rt: Runtime,
    private readonly stores: CacheStores,
    private readonly documentId: () => string | null,
  ) {}

  getScriptCache(): Cache {
    return this.rt.call('CacheService.getScriptCache', () =>
      real<Cache>(new EmuCache(this.rt, this.stores.cache('script'))),
    );
  }
  /** null outside a document. */
  getDocumentCache(): Cache | null {
    return this.rt.call('CacheService.getDocumentCache', () => {
      const id = this.documentId();
      return id === null ? null : real<Cache>(new EmuCache(this.rt, this.stores.cache(`document:${id}`)));
    });
  }
  getUserCache(): Cache {
    return this.rt.call('CacheService.getUserCache', () =>
      real<Cache>(new EmuCache(this.rt, this.stores.cache(`user:${this.rt.current().effectiveUser}`))),
    );
  }
}
