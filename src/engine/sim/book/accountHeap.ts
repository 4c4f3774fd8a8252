/**
 * A binary max-heap of (key, account, version) with at most one entry per account: pushing an account that is
 * already in the heap replaces its entry and moves it to its new place. The frontier re-keys an account every
 * time its margin changes (each haircut touches thousands of winners); with one entry per account the heap stays
 * as small as the set of changed accounts instead of growing by every change, and a push no longer climbs past
 * the account's own stale entries. The frontier skips entries whose version is stale when it pops them; an entry
 * replaced here carried either a stale version or the same version and the same key (the key is a function of
 * the account's state, which changes only with its version), so nothing the frontier would act on is lost.
 */
export class AccountHeap {
  private keys: Float64Array;
  private ids: Int32Array;
  private versions: Uint32Array;
  /** Heap slot of each account, −1 when absent. */
  private readonly slot: Int32Array;
  size = 0;

  constructor(accounts: number) {
    const cap = Math.max(16, Math.min(accounts, 1024));
    this.keys = new Float64Array(cap);
    this.ids = new Int32Array(cap);
    this.versions = new Uint32Array(cap);
    this.slot = new Int32Array(accounts).fill(-1);
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.slot[this.ids[i]!] = -1;
    this.size = 0;
  }

  topKey(): number {
    return this.size > 0 ? this.keys[0]! : -Infinity;
  }

  topId(): number {
    return this.ids[0]!;
  }

  topVersion(): number {
    return this.versions[0]!;
  }

  push(key: number, id: number, version: number): void {
    const at = this.slot[id]!;
    if (at >= 0) {
      const before = this.keys[at]!;
      this.versions[at] = version;
      if (key > before) this.siftUp(at, key, id, version);
      else this.siftDown(at, key, id, version);
      return;
    }
    if (this.size === this.keys.length) this.grow();
    this.siftUp(this.size++, key, id, version);
  }

  pop(): void {
    this.slot[this.ids[0]!] = -1;
    const last = --this.size;
    if (last <= 0) return;
    this.siftDown(0, this.keys[last]!, this.ids[last]!, this.versions[last]!);
  }

  /** Places (key, id, version) at slot i or above, moving smaller parents down. */
  private siftUp(i: number, key: number, id: number, version: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! >= key) break;
      this.place(i, this.keys[parent]!, this.ids[parent]!, this.versions[parent]!);
      i = parent;
    }
    this.place(i, key, id, version);
  }

  /** Places (key, id, version) at slot i or below, within the first `size` slots. */
  private siftDown(i: number, key: number, id: number, version: number): void {
    const size = this.size;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && this.keys[child + 1]! > this.keys[child]!) child++;
      if (this.keys[child]! <= key) break;
      this.place(i, this.keys[child]!, this.ids[child]!, this.versions[child]!);
      i = child;
    }
    this.place(i, key, id, version);
  }

  private place(i: number, key: number, id: number, version: number): void {
    this.keys[i] = key;
    this.ids[i] = id;
    this.versions[i] = version;
    this.slot[id] = i;
  }

  private grow(): void {
    const cap = this.keys.length * 2;
    const keys = new Float64Array(cap);
    keys.set(this.keys);
    const ids = new Int32Array(cap);
    ids.set(this.ids);
    const versions = new Uint32Array(cap);
    versions.set(this.versions);
    this.keys = keys;
    this.ids = ids;
    this.versions = versions;
  }
}
