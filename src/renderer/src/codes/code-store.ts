import type { AccountCode } from '../../../shared/account';

export type FetchCodes = (ids: string[]) => Promise<AccountCode[]>;
type Listener = () => void;

export interface CodeStoreOptions {
  clock?: () => number;
  onError?: (error: unknown) => void;
  /** How long each tick kept the main thread busy, up to React's commit (for the benchmark). */
  onTickMeasured?: (ms: number) => void;
  /** Called once, when the first codes have been handed to the rows. */
  onFirstCodes?: () => void;
}

/**
 * Live codes for the rows on screen. One shared ticker drives every countdown; codes are fetched
 * from main only for rows that are mounted and only when a period rolls over (or a row appears
 * without a fresh code), never on every tick. At a rollover the already-known `next` code is shown
 * at once, so the list never blinks while the fresh pair is on its way.
 */
export class CodeStore {
  private readonly codes = new Map<string, AccountCode>();
  private readonly codeListeners = new Map<string, Set<Listener>>();
  private readonly tickListeners = new Set<Listener>();
  private readonly pending = new Set<string>();
  private readonly requested = new Set<string>();
  private inFlight = false;
  private failing = false;
  private flushQueued = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private current: number;
  private onFirstCodes: (() => void) | undefined;
  private readonly fetchCodes: FetchCodes;
  private readonly clock: () => number;
  private readonly options: CodeStoreOptions;

  constructor(fetchCodes: FetchCodes, options: CodeStoreOptions = {}) {
    this.fetchCodes = fetchCodes;
    this.clock = options.clock ?? Date.now;
    this.options = options;
    this.onFirstCodes = options.onFirstCodes;
    this.current = this.clock();
  }

  now = (): number => this.current;

  getCode = (id: string): AccountCode | undefined => this.codes.get(id);

  subscribeTick = (listener: Listener): (() => void) => {
    this.tickListeners.add(listener);
    return () => this.tickListeners.delete(listener);
  };

  subscribeCode(id: string, listener: Listener): () => void {
    let set = this.codeListeners.get(id);
    if (!set) this.codeListeners.set(id, (set = new Set()));
    set.add(listener);
    if (this.refresh(id, this.clock())) listener();
    return () => {
      set.delete(listener);
      if (set.size === 0) this.codeListeners.delete(id);
    };
  }

  /** Stores a code main just returned (e.g. after an HOTP counter advanced). */
  set(code: AccountCode): void {
    this.codes.set(code.id, code);
    this.notifyCode(code.id);
  }

  forget(id: string): void {
    this.codes.delete(id);
  }

  /** Drops every cached code, e.g. after an import changed many accounts at once. */
  invalidateAll(): void {
    this.codes.clear();
    for (const id of this.codeListeners.keys()) this.want(id);
    for (const id of this.codeListeners.keys()) this.notifyCode(id);
  }

  start(): void {
    if (this.timer !== undefined) return;
    const schedule = () => {
      // Land just after each wall-clock second so countdowns change together with the real clock.
      const delay = 1000 - (this.clock() % 1000) + 5;
      this.timer = setTimeout(() => {
        this.tick();
        schedule();
      }, delay);
    };
    schedule();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  tick(): void {
    const started = performance.now();
    this.current = this.clock();
    const changed: string[] = [];
    for (const id of this.codeListeners.keys()) {
      if (this.refresh(id, this.current)) changed.push(id);
    }
    for (const id of changed) this.notifyCode(id);
    for (const listener of this.tickListeners) listener();
    const measure = this.options.onTickMeasured;
    // React flushes store updates in a microtask; this one is queued after it, so it sees the commit.
    if (measure) queueMicrotask(() => measure(performance.now() - started));
  }

  /** Rolls an expired code forward to its known `next`, or drops it; returns whether it changed. */
  private refresh(id: string, now: number): boolean {
    const code = this.codes.get(id);
    if (!code) {
      this.want(id);
      return false;
    }
    if (code.validUntil > now) return false;
    const period = code.validUntil - code.validFrom;
    if (code.next !== '' && now < code.validUntil + period) {
      this.codes.set(id, {
        ...code,
        current: code.next,
        next: '',
        validFrom: code.validUntil,
        validUntil: code.validUntil + period,
      });
    } else {
      this.codes.delete(id);
    }
    this.want(id);
    return true;
  }

  private want(id: string): void {
    if (this.requested.has(id)) return;
    this.pending.add(id);
    if (this.flushQueued) return;
    this.flushQueued = true;
    // Batch every row that asked during this task (a scroll, a tick) into one request.
    setTimeout(() => {
      this.flushQueued = false;
      void this.flush();
    }, 0);
  }

  private async flush(): Promise<void> {
    if (this.inFlight || this.pending.size === 0) return;
    const ids = [...this.pending].filter((id) => this.codeListeners.has(id));
    this.pending.clear();
    if (ids.length === 0) return;
    this.inFlight = true;
    for (const id of ids) this.requested.add(id);
    try {
      const codes = await this.fetchCodes(ids);
      this.failing = false;
      this.current = this.clock();
      for (const code of codes) this.codes.set(code.id, code);
      for (const code of codes) this.notifyCode(code.id);
      if (codes.length > 0 && this.onFirstCodes) {
        this.onFirstCodes();
        this.onFirstCodes = undefined;
      }
    } catch (error) {
      // Report a failure once, not on every retry a second later.
      if (!this.failing) this.options.onError?.(error);
      this.failing = true;
    } finally {
      this.inFlight = false;
      this.requested.clear();
      if (this.pending.size > 0) void this.flush();
    }
  }

  private notifyCode(id: string): void {
    const listeners = this.codeListeners.get(id);
    if (listeners) for (const listener of listeners) listener();
  }
}
