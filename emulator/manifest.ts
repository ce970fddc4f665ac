/**
 * The script's manifest (appsscript.json) as the emulator reads it when it loads the bundle: the
 * OAuth scopes it grants (`oauthScopes`; without the list Apps Script grants what the code uses)
 * and the advanced services it enables (`dependencies.enabledAdvancedServices`: the global named
 * `userSymbol` exists only then). https://developers.google.com/apps-script/manifest
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface AdvancedService {
  userSymbol: string;
  serviceId: string;
  version: string;
}

export interface Manifest {
  oauthScopes?: string[];
  dependencies?: { enabledAdvancedServices?: AdvancedService[] };
  [key: string]: unknown;
}

/** The manifest pushed with the bundle (build copies it to dist/ unchanged). */
export const REPO_MANIFEST = path.resolve(__dirname, '..', 'appsscript.json');

export function readManifest(file = REPO_MANIFEST): Manifest {
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** The advanced services the emulator implements: serviceId and version it answers for. */
export const EMULATED_ADVANCED = [
  { serviceId: 'sheets', version: 'v4' },
  { serviceId: 'bigquery', version: 'v2' },
] as const;

/** The enabled advanced services, refusing one the emulator does not implement (it would be a silent gap). */
export function advancedServices(manifest: Manifest): AdvancedService[] {
  const enabled = manifest.dependencies?.enabledAdvancedServices ?? [];
  for (const s of enabled) {
    if (!EMULATED_ADVANCED.some((e) => e.serviceId === s.serviceId && e.version === s.version))
      throw new Error(
        `Emulator: advanced service ${s.serviceId} ${s.version} (${s.userSymbol}) is not emulated`,
      );
  }
  return enabled;
}
