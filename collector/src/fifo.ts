/**
 * A first-in first-out list with O(1) removal at the front. `Array#shift` moves every
 * element, which made a store of 10,000 events slow to trim one event at a time.
 */
export class Fifo<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  /** The oldest item, without removing it. */
  peek(): T | undefined {
    return this.items[this.head];
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head++] = undefined;
    // Compact now and then so that the array does not keep growing at the front.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  /** The item `index` places from the newest (0 is the newest). */
  fromNewest(index: number): T | undefined {
    const at = this.items.length - 1 - index;
    return at >= this.head ? this.items[at] : undefined;
  }

  clear(): void {
    this.items = [];
    this.head = 0;
  }
}
