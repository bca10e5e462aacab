// Web storage that never throws. A browser that blocks storage for a page embedded by another site
// (third-party storage blocked: Safari, Chrome's incognito and "block third-party cookies") throws
// on the first touch of localStorage or sessionStorage, which would stop the whole portal. Then the
// values live in this page's memory instead: the locale, drafts and upload resume data last as
// long as the page (drafts saved with 保存草稿 are on the server anyway).

/** The Storage calls the portal uses, backed by the browser's storage or, when blocked, by memory. */
export class SafeStorage {
  private store: Storage | null
  private memory = new Map<string, string>()

  constructor(pick: () => Storage) {
    try {
      this.store = pick()
      void this.store.length
    } catch {
      this.store = null
    }
  }

  getItem(key: string): string | null {
    return this.store ? this.store.getItem(key) : (this.memory.get(key) ?? null)
  }

  /** Throws like Storage.setItem when the browser's storage is full. */
  setItem(key: string, value: string) {
    if (this.store) this.store.setItem(key, value)
    else this.memory.set(key, value)
  }

  removeItem(key: string) {
    if (this.store) this.store.removeItem(key)
    else this.memory.delete(key)
  }

  keys(): string[] {
    if (!this.store) return [...this.memory.keys()]
    const out: string[] = []
    for (let i = 0; i < this.store.length; i++) out.push(this.store.key(i) as string)
    return out
  }
}

/** localStorage: kept across visits (per origin). */
export const local = new SafeStorage(() => window.localStorage)
/** sessionStorage: this tab's. */
export const tabStorage = new SafeStorage(() => window.sessionStorage)
