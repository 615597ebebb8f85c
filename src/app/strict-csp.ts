import { z } from 'zod';

/**
 * The page runs under a Content-Security-Policy without 'unsafe-eval'. Zod compiles object
 * parsers with `new Function` unless told not to, and merely probing for it is reported as a
 * policy violation, so this runs before any schema is built (main.tsx imports it first).
 */
z.config({ jitless: true });
