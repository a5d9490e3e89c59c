/** Where the notebook kit is built, relative to the project's root: `build/kit`. */
export const KIT_DIR: string;
/** A hash of lib's sources, the kit builder and the TypeScript version. */
export function kitHash(projectRoot?: string): string;
/** True when `build/kit` holds lib as it is now. */
export function kitIsCurrent(projectRoot?: string): boolean;
/** Builds the notebook kit unless it is current; returns what it did, or throws with the compiler's errors. */
export function buildKit(projectRoot?: string): string;
