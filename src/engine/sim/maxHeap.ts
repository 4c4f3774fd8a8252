/** A binary max-heap of (key, account, version) in parallel typed arrays; grows by doubling, never shrinks. */
export class MaxHeap {
  private keys = new Float64Array(64);
  private ids = new Int32Array(64);
  private versions = new Uint32Array(64);
  size = 0;

  clear(): void {
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
    if (this.size === this.keys.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! >= key) break;
      this.keys[i] = this.keys[parent]!;
      this.ids[i] = this.ids[parent]!;
      this.versions[i] = this.versions[parent]!;
      i = parent;
    }
    this.keys[i] = key;
    this.ids[i] = id;
    this.versions[i] = version;
  }

  pop(): void {
    const last = --this.size;
    if (last <= 0) return;
    const key = this.keys[last]!;
    const id = this.ids[last]!;
    const version = this.versions[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && this.keys[child + 1]! > this.keys[child]!) child++;
      if (this.keys[child]! <= key) break;
      this.keys[i] = this.keys[child]!;
      this.ids[i] = this.ids[child]!;
      this.versions[i] = this.versions[child]!;
      i = child;
    }
    this.keys[i] = key;
    this.ids[i] = id;
    this.versions[i] = version;
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
