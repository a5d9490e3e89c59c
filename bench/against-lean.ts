// Issue 21's sweep alone, simulate against the lean loop: `node --expose-gc --import tsx bench/against-lean.ts`.
import { againstLean } from './core';

againstLean();
