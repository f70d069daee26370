/**
 * Where the pane keeps what it remembers between sessions (its language, the last build
 * settings). Hosts hand the pane one of these: the preview the page's localStorage, Excel
 * the add-in's own storage (partitioned localStorage in current Office, else the document's
 * add-in settings). Nothing here is an answer or anything private: a learner's choices only.
 */
export type PaneSettings = Readonly<Record<string, unknown>>;

export interface SettingsStore {
  read(): Promise<PaneSettings>;
  /** Merges `changes` into what is stored. */
  write(changes: PaneSettings): Promise<void>;
}

export const SETTINGS_KEY = 'sequence-models-by-hand.pane';

/** A store on a Web Storage object (localStorage); a missing or unusable storage remembers nothing. */
export function storageSettings(
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined,
  key = SETTINGS_KEY,
): SettingsStore {
  const readNow = (): PaneSettings => {
    try {
      const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '{}');
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
        ? (parsed as PaneSettings)
        : {};
    } catch {
      return {};
    }
  };
  return {
    read: async () => readNow(),
    write: async (changes) => {
      try {
        storage?.setItem(key, JSON.stringify({ ...readNow(), ...changes }));
      } catch {
        // Storage full or blocked (a private window): the pane simply does not remember.
      }
    },
  };
}

/** The minimal part of Office.Settings used here, so tests can pass a fake. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: unknown }) => void): void;
}

/** A store in the workbook's add-in settings (saved with the document). */
export function documentSettings(settings: DocumentSettings, key = SETTINGS_KEY): SettingsStore {
  const readNow = (): PaneSettings => {
    const v = settings.get(key);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as PaneSettings) : {};
  };
  return {
    read: async () => readNow(),
    write: (changes) =>
      new Promise((resolve) => {
        settings.set(key, { ...readNow(), ...changes });
        settings.saveAsync(() => resolve());
      }),
  };
}

/** localStorage when the page may use it, else undefined. */
export function pageStorage(): Storage | undefined {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : undefined;
  } catch {
    return undefined;
  }
}

/** A store that lives as long as the page: for hosts without storage, and for tests. */
export function memorySettings(initial: PaneSettings = {}): SettingsStore {
  const items = new Map<string, string>([[SETTINGS_KEY, JSON.stringify(initial)]]);
  return storageSettings({
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
  });
}

/**
 * Excel's choice: the add-in's partitioned localStorage, which follows the user from
 * workbook to workbook; where an Office host gives the add-in none, the document's add-in
 * settings; and where even those are missing (outside Office), memory.
 */
export function officeSettings(): SettingsStore {
  const storage = pageStorage();
  if (storage) return storageSettings(storage);
  try {
    const doc = typeof Office !== 'undefined' ? Office.context?.document?.settings : undefined;
    if (doc) return documentSettings(doc as unknown as DocumentSettings);
  } catch {
    // Office.context throws before Office.onReady; fall through to memory.
  }
  return memorySettings();
}
