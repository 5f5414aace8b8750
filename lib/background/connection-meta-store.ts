/** The ConnectionMetaStore over its storage item (only the background writes it). */
import { connectionMetaItem } from '@/lib/storage/items';
import type { ConnectionMetaStore } from './connect-service';

export function createConnectionMetaStore(): ConnectionMetaStore {
  return {
    async get(key) {
      return (await connectionMetaItem.getValue())[key];
    },
    async put(key, meta) {
      await connectionMetaItem.setValue({ ...(await connectionMetaItem.getValue()), [key]: meta });
    },
    async remove(key) {
      const { [key]: _gone, ...rest } = await connectionMetaItem.getValue();
      await connectionMetaItem.setValue(rest);
    },
  };
}
