import type { Plugin } from 'vite';

/** `npm run dev`: the same forwarding, guards and mock as `npm start`, in front of Vite's HMR server. */
export function studioProxyPlugin(): Plugin {
  return {
    name: 'cms-access-studio-proxy',
    async configureServer(server) {
      // Vitest builds a Vite server too; its tests bring their own mock, and must not take the journal's data folder.
      if (process.env.VITEST) return;
      // Loaded here, not at the top: every Vite and Vitest start reads vite.config.ts, and only `npm run dev` needs the studio.
      const [{ createAccessLog }, { loadConfig }, { createStudioHandler }] = await Promise.all([
        import('./access-log'),
        import('./config'),
        import('./handler'),
      ]);
      const port = server.config.server.port ?? 5173;
      const config = { ...loadConfig(process.env), host: server.config.server.host === true ? '0.0.0.0' : String(server.config.server.host ?? '127.0.0.1'), port };
      const studio = createStudioHandler(config, createAccessLog());
      studio.journalReady.then(
        (journal) => server.config.logger.info(`journal: ${journal}`),
        (error: unknown) => server.config.logger.error(`The change journal cannot open: ${error instanceof Error ? error.message : String(error)}`),
      );
      server.middlewares.use((req, res, next) => {
        if (!studio.handle(req, res)) next();
      });
      server.httpServer?.once('close', () => void studio.close());
    },
  };
}
