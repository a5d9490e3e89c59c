/**
 * When a scheduled link fault is in force: over `[opensAt, closesAt)`.
 * The world moves the edges when the fault's triggers fire; an edge whose
 * trigger has not fired yet stays at infinity.
 */
export class Window {
  constructor(public opensAt = Infinity, public closesAt = Infinity) {}

  /** A window in force from tick 0 until further notice. */
  static always(): Window {
    return new Window(0, Infinity);
  }

  holds(t: number): boolean {
    return this.opensAt <= t && t < this.closesAt;
  }
}
