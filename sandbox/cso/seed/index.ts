// Named seeds the control API can load.
import type { SeedCompany } from '../core/store';
import { defaultSeed } from './default-seed';
import { largeSeed } from './large-seed';

export type SeedName = 'default' | 'empty' | 'large';

export interface SeedRequest {
  name: SeedName;
  perType?: number;
}

export function buildSeed(req: SeedRequest): SeedCompany[] {
  switch (req.name) {
    case 'default':
      return defaultSeed();
    case 'empty':
      return [
        { id: '1', name: 'Empty Company One', records: {} },
        { id: '2', name: 'Empty Company Two', records: {} },
      ];
    case 'large':
      return largeSeed(req.perType ?? 1000);
  }
}

export { TRICKY_NAMES } from './tricky-names';
