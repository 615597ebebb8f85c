// The page runs under a Content-Security-Policy without 'unsafe-eval'. Zod compiles object
// parsers with new Function unless told not to, and merely probing for it is reported as a policy
// violation. Zod reads its settings from this global when its module is first evaluated, so a
// classic script that runs before any module (index.html) makes it jitless however the bundle is
// split into chunks.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
