// The inactivity lock: after lockMinutes without input (pointer, keys, wheel, focus) the shell
// saves what autosaves and locks the screen. The backend locks its session on its own after
// the same time without calls, so the lock here comes no later than that (the autosaves must
// still be able to reach it), and input now and then tells the backend the worker is there.

export interface IdleLockOptions {
  lockAfterMs: number;
  /** Called once when the time is up. */
  onIdle: () => void;
  /** Tells the backend the worker is active (a cheap call). */
  keepAlive: () => void;
  /** When the last backend call started, ms since the epoch (0: none yet). */
  lastCall: () => number;
  now?: () => number;
  /** Input this long after the last call sends a keep-alive. */
  keepAliveAfterMs?: number;
  /** How much earlier than the backend's own lock this one comes. */
  marginMs?: number;
}

export const KEEP_ALIVE_AFTER_MS = 15_000;
export const LOCK_MARGIN_MS = 2_000;

export class IdleLock {
  private readonly o: Required<IdleLockOptions>;
  private lastInput: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private fired = false;

  constructor(options: IdleLockOptions) {
    this.o = { now: Date.now, keepAliveAfterMs: KEEP_ALIVE_AFTER_MS, marginMs: LOCK_MARGIN_MS, ...options };
    this.lastInput = this.o.now();
    this.schedule();
  }

  /** When the lock is due: lockAfter after the last input, and before the backend would lock. */
  deadline(): number {
    const byInput = this.lastInput + this.o.lockAfterMs;
    const call = this.o.lastCall();
    if (!call) return byInput;
    return Math.min(byInput, call + this.o.lockAfterMs - this.o.marginMs);
  }

  /** Records input from the worker. Cheap: called for every pointer move. */
  activity(): void {
    if (this.fired) return;
    const now = this.o.now();
    this.lastInput = now;
    if (now - this.o.lastCall() >= this.o.keepAliveAfterMs) this.o.keepAlive();
  }

  /** A new lock time (the team lead changed the setting). */
  setLockAfter(ms: number): void {
    this.o.lockAfterMs = ms;
    this.schedule();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.fired = true;
  }

  private schedule(): void {
    if (this.fired) return;
    if (this.timer) clearTimeout(this.timer);
    const wait = this.deadline() - this.o.now();
    if (wait <= 0) {
      this.timer = null;
      this.fired = true;
      this.o.onIdle();
      return;
    }
    // Input moves the deadline later; the timer then simply waits again when it fires.
    this.timer = setTimeout(() => this.schedule(), wait);
  }
}
