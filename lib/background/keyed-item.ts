/** One company's entry of a storage value that holds every company's, by company key. */
export interface KeyedValue<T> {
  get(companyKey: string): Promise<T | undefined>;
  set(companyKey: string, value: T): Promise<void>;
}

export function keyedItem<T>(item: {
  getValue(): Promise<Record<string, T>>;
  setValue(value: Record<string, T>): Promise<void>;
}): KeyedValue<T> {
  return {
    get: async (key) => (await item.getValue())[key],
    set: async (key, value) => item.setValue({ ...(await item.getValue()), [key]: value }),
  };
}
